#!/usr/bin/env python3
"""Run the runnable code blocks of a Markdown page and compare what they
print with the page, and check that its excerpts are still verbatim in
their files (the syntax is in doc/runnable-blocks.md).

    run_blocks.py PAGE.md [--update] [--cc CC --include DIR --libdir DIR]
                  [--python PY --pythonpath DIR] [--java JAVA --javac JAVAC
                  --jar IPART_JAR --jnidir DIR] [--bindir DIR_OF_IPART_COMMAND]

Each block runs in a fresh temporary directory with the repository root as
its working directory. A block whose language has no toolchain given is
reported as skipped. --update rewrites the page's expected outputs with
what the blocks print now (review the diff before committing). Exit
status: 0 all matched, 1 a block failed or printed something else, 2 the
page is malformed or the arguments are wrong.
"""
import argparse
import difflib
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUN = re.compile(r"^<!-- run: (\w+) -->$")
EXCERPT = re.compile(r"^<!-- excerpt: (\S+) -->$")
EXPECT = "<!-- expect -->"
FENCE = re.compile(r"^(```+)(\S*)$")
LANGUAGES = ("c", "python", "java", "sh")


class PageError(Exception):
    """The page breaks the block syntax."""


class Block:
    """A runnable block: its language, code, expected output and where they are."""

    def __init__(self, language, line, code, expected, expected_span):
        self.language = language
        self.line = line                    # 1-based line of the run marker
        self.code = code
        self.expected = expected
        self.expected_span = expected_span  # (first, last) 0-based lines of the expected text


def fenced(lines, i, page):
    """The fenced block starting at line i: (text, first line, end line)."""
    m = FENCE.match(lines[i]) if i < len(lines) else None
    if not m:
        raise PageError(f"{page}:{i + 1}: a fenced code block must follow the marker")
    for j in range(i + 1, len(lines)):
        if lines[j] == m.group(1):
            return "".join(f"{line}\n" for line in lines[i + 1:j]), i + 1, j
    raise PageError(f"{page}:{i + 1}: the code block is not closed")


def excerpts(page):
    """Every excerpt block of a page: (marker line, file, code)."""
    lines = pathlib.Path(page).read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        m = EXCERPT.match(line)
        if m:
            out.append((i + 1, m.group(1), fenced(lines, i + 1, page)[0]))
        elif line.startswith("<!-- excerpt:"):
            raise PageError(f"{page}:{i + 1}: malformed marker {line!r}")
    return out


def check_excerpts(page):
    """Each excerpt is a verbatim run of lines of its file (relative to the root)."""
    failures = 0
    for line, name, code in excerpts(page):
        source = ROOT / name
        text = source.read_text(encoding="utf-8") if source.is_file() else None
        if text is None or code not in text:
            failures += 1
            print(f"{page}:{line}: the excerpt is not (or no longer) in {name}: copy it again")
        else:
            print(f"{page}:{line}: the excerpt is in {name}")
    return failures


def parse(page):
    """Every runnable block of a page, in order."""
    lines = pathlib.Path(page).read_text(encoding="utf-8").splitlines()
    blocks, i = [], 0
    while i < len(lines):
        m = RUN.match(lines[i])
        if not m:
            if lines[i].startswith("<!-- run:"):
                raise PageError(f"{page}:{i + 1}: malformed marker {lines[i]!r}")
            i += 1
            continue
        if m.group(1) not in LANGUAGES:
            raise PageError(f"{page}:{i + 1}: unknown language {m.group(1)!r} (one of {LANGUAGES})")
        code, _, end = fenced(lines, i + 1, page)
        j = end + 1
        while j < len(lines) and lines[j] != EXPECT:
            if RUN.match(lines[j]):
                break
            j += 1
        if j >= len(lines) or lines[j] != EXPECT:
            raise PageError(f"{page}:{i + 1}: the block has no {EXPECT} output after it")
        expected, first, last = fenced(lines, j + 1, page)
        blocks.append(Block(m.group(1), i + 1, code, expected, (first, last)))
        i = last + 1
    return blocks


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, **kw)


def run_c(block, tmp, args):
    src, exe = tmp / "block.c", tmp / "block"
    src.write_text(block.code, encoding="utf-8")
    built = run([args.cc, "-std=c11", "-Wall", "-Wextra", "-Werror", f"-I{args.include}", str(src),
                 f"-L{args.libdir}", f"-Wl,-rpath,{args.libdir}", "-lipart", "-o", str(exe)])
    return built if built.returncode else run([str(exe)])


def run_python(block, tmp, args):
    env = dict(os.environ, PYTHONPATH=args.pythonpath or "", PYTHONDONTWRITEBYTECODE="1")
    return run([args.python, "-c", block.code], env=env)


def run_java(block, tmp, args):
    m = re.search(r"public\s+(?:final\s+)?class\s+(\w+)", block.code)
    if not m:
        raise PageError(f"line {block.line}: a Java block declares one public class")
    (tmp / f"{m.group(1)}.java").write_text(block.code, encoding="utf-8")
    built = run([args.javac, "-encoding", "UTF-8", "--release", "17", "-cp", args.jar,
                 "-d", str(tmp), str(tmp / f"{m.group(1)}.java")])
    if built.returncode:
        return built
    return run([args.java, f"-Djava.library.path={args.jnidir}", "-cp", f"{tmp}:{args.jar}",
                m.group(1)])


def run_sh(block, tmp, args):
    env = dict(os.environ, PATH=f"{args.bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    return run(["bash", "-euo", "pipefail", "-c", block.code], env=env)


RUNNERS = {"c": (run_c, "cc"), "python": (run_python, "python"), "java": (run_java, "java"),
           "sh": (run_sh, "bindir")}


def normalise(text):
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def check(page, args):
    blocks = parse(page)
    failures = check_excerpts(page)
    if not blocks and not excerpts(page):
        raise PageError(f"{page}: no runnable block or excerpt")
    outputs = []
    for block in blocks:
        runner, tool = RUNNERS[block.language]
        if not getattr(args, tool):
            print(f"{page}:{block.line}: {block.language} block skipped (no {tool} given)")
            outputs.append(None)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            result = runner(block, pathlib.Path(tmp), args)
        out = normalise(result.stdout)
        outputs.append(out if result.returncode == 0 else None)
        if result.returncode != 0:
            failures += 1
            print(f"{page}:{block.line}: {block.language} block failed ({result.returncode}):\n"
                  f"{result.stdout}{result.stderr}")
        elif out != normalise(block.expected):
            failures += 1
            diff = difflib.unified_diff(normalise(block.expected).splitlines(True), out.splitlines(True),
                                        "the page says", "the block prints")
            print(f"{page}:{block.line}: {block.language} block prints something else:\n"
                  + "".join(diff))
        else:
            print(f"{page}:{block.line}: {block.language} block prints what the page says")
    if args.update:
        update(page, blocks, outputs)
    return failures


def update(page, blocks, outputs):
    lines = pathlib.Path(page).read_text(encoding="utf-8").splitlines()
    for block, out in reversed(list(zip(blocks, outputs))):
        if out is not None:
            first, last = block.expected_span
            lines[first:last] = out.splitlines()
    pathlib.Path(page).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{page}: expected outputs rewritten")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page")
    ap.add_argument("--update", action="store_true")
    for opt in ("cc", "include", "libdir", "python", "pythonpath", "java", "javac", "jar", "jnidir",
                "bindir"):
        ap.add_argument(f"--{opt}")
    args = ap.parse_args(argv)
    try:
        failures = check(args.page, args)
    except PageError as e:
        print(e)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
