"""The command uses libipart's public API only: its sources include system
headers, <ipart/...>, cJSON (to read the library's JSON answers) and its
own headers, never the library's private ones."""
import re

from conftest import SOURCE

OWN = {"cli.h", "stavanger_walkthrough.h"}


def test_the_command_includes_no_private_header():
    sources = sorted((SOURCE / "libipart" / "cli").glob("*.[ch]"))
    sources.append(SOURCE / "examples" / "stavanger_walkthrough.c")
    assert len(sources) > 5
    for path in sources:
        for header in re.findall(r'^\s*#\s*include\s*([<"][^>"]+[>"])',
                                 path.read_text(encoding="utf-8"), re.M):
            name = header[1:-1]
            allowed = (header.startswith("<") and ("/" not in name or
                                                   name.startswith(("ipart/", "cjson/", "sys/"))))
            assert allowed or name in OWN, f"{path.name} includes {header}"
