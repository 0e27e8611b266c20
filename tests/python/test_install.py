"""The installed package works on its own: `cmake --install` into a scratch
prefix, then a fresh interpreter imports ipart from there and finds the
installed libipart.so through the module's $ORIGIN-relative RUNPATH (no
LD_LIBRARY_PATH, no build tree).

CTest passes IPART_BUILD_DIR, IPART_PYTHON_INSTALL_DIR, IPART_INSTALL_PREFIX
and CMAKE_COMMAND.
"""
import os
import pathlib
import site
import subprocess
import sys
import sysconfig
import textwrap

import pytest

BUILD = os.environ.get("IPART_BUILD_DIR")
PYDIR = os.environ.get("IPART_PYTHON_INSTALL_DIR")
CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
SOURCE_PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "ipart"

pytestmark = pytest.mark.skipif(not (BUILD and PYDIR),
                                reason="run through ctest (needs IPART_BUILD_DIR)")


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("prefix")
    # Per component, so the manifests do not collide with another install
    # of the same build tree running at the same time.
    for component in ("Unspecified", "python"):
        subprocess.run([CMAKE, "--install", BUILD, "--prefix", str(prefix), "--component", component],
                       check=True, capture_output=True)
    return prefix


def test_package_files_are_installed(prefix):
    package = prefix / PYDIR / "ipart"
    installed = {p.name for p in package.iterdir()}
    assert {p.name for p in SOURCE_PACKAGE.glob("*.py")} | {"capi.py"} <= installed
    assert any(n.startswith("_capi") and n.endswith(".so") for n in installed)


def test_installed_package_imports_and_uses_the_installed_library(prefix):
    script = textwrap.dedent("""
        import datetime, ipart
        print(ipart.__file__)
        print(ipart.Money("12000000", "NOK").format("en"))
        print(ipart.Calendar("NO").period_end(datetime.date(2019, 4, 8), 10))
        with open("/proc/self/maps") as maps:
            print(sorted({line.split()[-1] for line in maps if "libipart.so" in line}))
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "PYTHONPATH")}
    env["PYTHONPATH"] = str(prefix / PYDIR)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, cwd=prefix)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith(str(prefix))
    assert lines[1:3] == ["NOK 12,000,000.00", "2019-04-23"]
    libs = eval(lines[3])
    assert libs and all(lib.startswith(str(prefix)) for lib in libs), libs


def test_default_prefix_installs_where_the_interpreter_looks():
    """With a prefix that holds the interpreter's platlib (Debian's python3
    and the default /usr/local), `cmake --install` puts ipart on sys.path."""
    configured = pathlib.Path(os.environ["IPART_INSTALL_PREFIX"]).resolve()
    platlib = pathlib.Path(sysconfig.get_path("platlib")).resolve()
    if not platlib.is_relative_to(configured):
        pytest.skip(f"the configured prefix {configured} does not hold {platlib}")
    assert (configured / PYDIR).resolve() == platlib
    # Searched by site (sys.path has it once the directory exists).
    assert platlib in {pathlib.Path(p).resolve() for p in site.getsitepackages()}
