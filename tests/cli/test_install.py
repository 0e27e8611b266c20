"""`cmake --install` puts the command in bin/ with a RUNPATH to the library
beside it (no LD_LIBRARY_PATH, no ldconfig), and its man page in
share/man/man1; the man page is valid and describes every command."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import SOURCE, ipart

BUILD = os.environ.get("IPART_BUILD_DIR")
CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
LIBRARY = os.environ.get("IPART_LIBRARY")
MAN = SOURCE / "doc" / "ipart.1"


@pytest.mark.skipif(not (BUILD and LIBRARY), reason="run through ctest")
def test_the_installed_command_runs_with_the_installed_library(tmp_path):
    subprocess.run([CMAKE, "--install", BUILD, "--prefix", str(tmp_path), "--component", "cli"],
                   check=True, capture_output=True)
    command = tmp_path / "bin" / "ipart"
    assert command.exists() and (tmp_path / "share" / "man" / "man1" / "ipart.1").exists()
    # the library as the "Unspecified" component installs it (copied here, so
    # this test does not share an install manifest with the other install tests)
    libdir = next(d for d in ("lib", "lib64", "lib/x86_64-linux-gnu")
                  if f"$ORIGIN/../{d}" in subprocess.run(["readelf", "-d", str(command)],
                                                          capture_output=True, text=True).stdout)
    (tmp_path / libdir).mkdir(parents=True, exist_ok=True)
    for lib in pathlib.Path(LIBRARY).parent.glob("libipart.so*"):
        shutil.copy(lib, tmp_path / libdir / lib.name, follow_symlinks=True)
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    run = subprocess.run([str(command), "--version"], capture_output=True, text=True, env=env)
    assert run.returncode == 0 and run.stdout.startswith("ipart (libipart) "), run.stderr


def test_the_man_page_is_valid_and_complete():
    run = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(MAN)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr, run.stderr
    text = MAN.read_text(encoding="utf-8")
    commands = re.findall(r"^  ipart (\w+)", ipart("--help", check=0).stdout, re.M)
    assert len(commands) == 7
    for command in commands:
        assert f".B ipart {command}" in text, command
    for code in range(4):
        assert f".B {code}\n" in text, code
