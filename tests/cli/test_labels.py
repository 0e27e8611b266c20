"""The command's label table (libipart/cli/labels.c) has every entry in both
languages, and every label the sources ask for exists in it."""
import re

from conftest import SOURCE

CLI = SOURCE / "libipart" / "cli"
ENTRY = re.compile(r'\{"(\w+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}', re.S)


def entries():
    text = (CLI / "labels.c").read_text(encoding="utf-8")
    table = text[text.index("cli_labels[] = {"):text.index("};")]
    return {m.group(1): (m.group(2), m.group(3)) for m in ENTRY.finditer(table)}


def test_every_label_has_english_and_norwegian():
    table = entries()
    assert len(table) > 40
    for key, (en, nb) in table.items():
        assert en.strip('" \n') and nb.strip('" \n'), key
        assert en != nb or key in ("usage",) or len(en) < 12, key


def test_every_label_used_is_in_the_table():
    used = set()
    for source in CLI.glob("*.c"):
        used |= set(re.findall(r'\bL\("(\w+)"\)', source.read_text(encoding="utf-8")))
        used |= {"help_" + c for c in re.findall(r'\{"(\w+)", cmd_\w+,', source.read_text())}
    used |= {"refused", "malformed", "above", "below"}  # chosen by a condition
    assert used and used <= set(entries()), used - set(entries())
