"""The version the binding was generated for is checked against the loaded
libipart when the package is imported."""
import pathlib
import re
import subprocess
import sys
import textwrap

import pytest

import ipart
from ipart import capi

ROOT = pathlib.Path(__file__).resolve().parents[2]


def header_version():
    text = (ROOT / "include" / "ipart" / "version.h").read_text(encoding="utf-8")
    return re.search(r'#define IPART_VERSION_STRING "([^"]+)"', text).group(1)


def test_runtime_and_compiled_versions_agree():
    assert capi.ipart_version() == capi.COMPILED_VERSION_NUMBER
    major, minor, patch = (int(x) for x in ipart.version().split("."))
    assert capi.ipart_version() == major * 10000 + minor * 100 + patch
    assert ipart.__version__ == ipart.version() == header_version()


def test_skew_is_refused_with_both_versions_named():
    compiled = capi.ipart_version() + 1
    with pytest.raises(ImportError, match="version skew") as info:
        ipart.check_version(compiled=compiled)
    assert ipart.version() in str(info.value) and str(compiled) in str(info.value)
    with pytest.raises(ImportError):
        ipart.check_version(loaded=10000)
    ipart.check_version()  # the real pair passes


def test_import_fails_when_the_loaded_library_is_another_version():
    # Run the package's import-time check against a library that reports
    # 9.9.9, in a fresh interpreter (the check is in ipart/__init__.py).
    script = textwrap.dedent("""
        import importlib
        import ipart
        ipart.capi.ipart_version = lambda: 90909
        try:
            importlib.reload(ipart)
        except ImportError as e:
            print("REFUSED:", e)
        else:
            print("ACCEPTED")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("REFUSED:"), out.stdout + out.stderr
    assert "9.9.9" in out.stdout and ipart.version() in out.stdout
