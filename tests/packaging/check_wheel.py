#!/usr/bin/env python3
"""The wheel as a user gets it: build it offline from the sources with
Debian's setuptools (`python3 -m build --wheel --no-isolation`), install it
into a fresh venv with pip (no index), and run the Python test suite (the
golden cases) and the analyst example against the installed package, with
no PYTHONPATH, no LD_LIBRARY_PATH and no build tree.

    check_wheel.py WORK ANALYST_EXPECTED

WORK is a scratch directory (setuptools' build directory is kept there
between runs, so a re-run only recompiles what changed); ANALYST_EXPECTED is
the regular expression the analyst's output must match (examples/CMakeLists.txt).

SPDX-License-Identifier: Apache-2.0
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(*cmd: object, **kwargs: object) -> str:
    out = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if out.returncode != 0:
        sys.exit(f"FAILED ({out.returncode}): {' '.join(map(str, cmd))}\n{out.stdout}\n{out.stderr}")
    return out.stdout


def build_wheel(work: pathlib.Path) -> pathlib.Path:
    dist = work / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    env = dict(os.environ, IPART_WHEEL_BUILD_BASE=str(work / "setuptools"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist, ROOT, env=env)
    wheels = list(dist.glob("ipart-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def check_contents(wheel: pathlib.Path) -> None:
    """The package, its py.typed, the extension and libipart under its SONAME."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("ipart/__init__.py", "ipart/capi.py", "ipart/py.typed"):
        assert required in names, (required, sorted(names))
    assert any(re.fullmatch(r"ipart/_capi.*\.so", n) for n in names), sorted(names)
    assert any(re.fullmatch(r"ipart/libipart\.so\.[0-9.]+", n) for n in names), sorted(names)


def install_into_venv(wheel: pathlib.Path, venv: pathlib.Path) -> pathlib.Path:
    """A fresh venv that sees Debian's pytest and jsonschema (no index to
    install them from), with the wheel installed by pip."""
    shutil.rmtree(venv, ignore_errors=True)
    run(sys.executable, "-m", "venv", "--system-site-packages", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--no-index", "--no-deps", "--disable-pip-version-check", wheel)
    return python


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LD_LIBRARY_PATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["IPART_CASES_DIR"] = str(ROOT / "tests" / "cases")
    return env


def check_installed(python: pathlib.Path, venv: pathlib.Path, wheel: pathlib.Path, cwd: pathlib.Path) -> None:
    """ipart and libipart come from the venv; the wheel has the library's version."""
    script = ("import ipart\n"
              "print(ipart.__file__)\n"
              "print(ipart.version())\n"
              "with open('/proc/self/maps') as maps:\n"
              "    print(sorted({l.split()[-1] for l in maps if 'libipart.so' in l}))\n")
    lines = run(python, "-c", script, env=clean_env(), cwd=cwd).splitlines()
    site = venv.resolve()
    assert pathlib.Path(lines[0]).resolve().is_relative_to(site), lines
    assert wheel.name.startswith(f"ipart-{lines[1]}-"), (wheel.name, lines[1])
    libraries = eval(lines[2])
    assert libraries and all(pathlib.Path(lib).resolve().is_relative_to(site) for lib in libraries), lines


def main() -> None:
    work = pathlib.Path(sys.argv[1]).resolve()
    analyst_expected = sys.argv[2]
    work.mkdir(parents=True, exist_ok=True)
    wheel = build_wheel(work)
    check_contents(wheel)
    venv = work / "venv"
    python = install_into_venv(wheel, venv)
    check_installed(python, venv, wheel, work)
    # pytest in the same process that checked where ipart comes from.
    pytest = ("import ipart, pathlib, sys, pytest\n"
              "assert pathlib.Path(ipart.__file__).resolve().is_relative_to(sys.argv[1]), ipart.__file__\n"
              "sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', sys.argv[2]]))\n")
    tests = run(python, "-c", pytest, venv.resolve(), ROOT / "tests" / "python", env=clean_env(), cwd=work)
    print(tests.strip().splitlines()[-1])
    analyst = run(python, ROOT / "examples" / "python" / "analyst.py",
                  ROOT / "examples" / "stavanger-procedure.json", env=clean_env(), cwd=work)
    assert re.search(analyst_expected, analyst, re.DOTALL), analyst
    print(f"{wheel.name}: installed in a fresh venv, the tests and the analyst example pass")


if __name__ == "__main__":
    main()
