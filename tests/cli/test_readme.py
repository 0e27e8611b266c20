"""The README's examples run and print what the README says they print.
Each example is a fenced block (```c, ```python, or ```sh whose commands
start with `ipart`) followed by a ```text block with its output."""
import os
import pathlib
import shlex
import subprocess

import pytest

from conftest import CLI, SOURCE

README = SOURCE / "README.md"
BUILD = pathlib.Path(os.environ.get("IPART_BUILD_DIR", SOURCE / "build" / "dev"))
LIBRARY = pathlib.Path(os.environ.get("IPART_LIBRARY", BUILD / "libipart" / "libipart.so"))

C_PRELUDE = """#include <ipart/ipart.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) exit(2);
    text[size] = '\\0';
    fclose(f);
    return text;
}

int main(void)
{
    char *document_json = slurp("examples/stavanger-procedure.json");
"""
C_EPILOGUE = """
    free(document_json);
    return 0;
}
"""


def fenced_blocks(text):
    """[(language, body)] of the fenced blocks, in order."""
    blocks, language, body = [], None, []
    for line in text.splitlines(keepends=True):
        if line.startswith("```") and language is None:
            language, body = line[3:].strip() or "none", []
        elif line.startswith("```"):
            blocks.append((language, "".join(body)))
            language = None
        elif language is not None:
            body.append(line)
    return blocks


def examples(language):
    """[(code, output)]: each block of `language` followed by a text block."""
    blocks = fenced_blocks(README.read_text("utf-8"))
    found = [(code, blocks[i + 1][1]) for i, (lang, code) in enumerate(blocks[:-1])
             if lang == language and blocks[i + 1][0] == "text"]
    assert found, f"the README has no {language} example with its output"
    return found


def test_the_c_example(tmp_path):
    [(code, expected)] = examples("c")
    source = tmp_path / "example.c"
    source.write_text(C_PRELUDE + code + C_EPILOGUE, encoding="utf-8")
    exe = tmp_path / "example"
    subprocess.run(["cc", "-std=c11", "-Wall", "-Werror", f"-I{SOURCE / 'include'}", str(source),
                    f"-L{LIBRARY.parent}", "-lipart", f"-Wl,-rpath,{LIBRARY.parent}", "-o", str(exe)],
                   check=True)
    run = subprocess.run([str(exe)], cwd=SOURCE, capture_output=True, text=True, check=True)
    assert run.stdout == expected


@pytest.mark.skipif(not (BUILD / "python" / "ipart").is_dir(), reason="no Python binding built")
def test_the_python_example():
    [(code, expected)] = examples("python")
    env = dict(os.environ, PYTHONPATH=str(BUILD / "python"))
    run = subprocess.run(["/usr/bin/python3", "-c", code], cwd=SOURCE, env=env,
                         capture_output=True, text=True, check=True)
    assert run.stdout == expected


def test_the_command_examples():
    for code, expected in examples("sh"):
        output = ""
        for line in code.splitlines():
            words = shlex.split(line.split("#")[0])
            if not words or words[0] != "ipart":
                break
            output += subprocess.run([CLI, *words[1:]], cwd=SOURCE, capture_output=True,
                                     text=True).stdout
        else:
            assert output == expected
