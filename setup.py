"""Build the `ipart` wheel (pyproject.toml holds the metadata).

The extension is not compiled by setuptools: CMake, the project's one build,
compiles libipart and the SWIG module, and its install component
"python-wheel" lays out the native part of the package: ipart/_capi*.so,
ipart/capi.py and libipart's shared library beside them (the extension's
RUNPATH is $ORIGIN). setuptools adds the hand-written facade and py.typed.
The CMake tree is kept in setuptools' build directory (build/wheel, or
IPART_WHEEL_BUILD_BASE), so a second build only recompiles what changed.

SPDX-License-Identifier: Apache-2.0
"""
import os
import pathlib
import re
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.dist import Distribution

ROOT = pathlib.Path(__file__).resolve().parent
# setuptools' working directories (and the egg-info), out of the sources.
BUILD_BASE = pathlib.Path(os.environ.get("IPART_WHEEL_BUILD_BASE", ROOT / "build" / "wheel"))


def library_version() -> str:
    """libipart's version, "major.minor.patch", from include/ipart/version.h."""
    header = (ROOT / "include" / "ipart" / "version.h").read_text(encoding="utf-8")
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        found = re.search(rf"^#define IPART_VERSION_{part} ([0-9]+)$", header, re.MULTILINE)
        if found is None:
            raise RuntimeError(f"IPART_VERSION_{part} not found in include/ipart/version.h")
        parts.append(found.group(1))
    return ".".join(parts)


class CMakeBuild(build_ext):
    """Build the native part with CMake and install it into the wheel's tree."""

    def run(self) -> None:
        if self.inplace:
            raise RuntimeError("ipart cannot be installed in place (editable); "
                               "build a wheel, or use PYTHONPATH=<build>/python")
        tree = pathlib.Path(self.build_temp).resolve() / "cmake"
        cmake("-S", ROOT, "-B", tree, "-DCMAKE_BUILD_TYPE=Release",
              "-DIPART_BUILD_JAVA=OFF", "-DIPART_BUILD_EXAMPLES=OFF", "-DIPART_BUILD_TESTS=OFF",
              f"-DIPART_PYTHON={sys.executable}", f"-DPython3_EXECUTABLE={sys.executable}")
        cmake("--build", tree, "--target", "ipart_python", "--parallel", str(self.parallel or 2))
        cmake("--install", tree, "--prefix", self.build_lib, "--component", "python-wheel")


def cmake(*args: object) -> None:
    subprocess.run(["cmake", *map(str, args)], check=True)


class NativeDistribution(Distribution):
    """A distribution with a native part: the wheel is platform-specific."""

    def has_ext_modules(self) -> bool:
        return True


BUILD_BASE.mkdir(parents=True, exist_ok=True)
setup(
    version=library_version(),
    distclass=NativeDistribution,
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": str(BUILD_BASE)},
             "egg_info": {"egg_base": str(BUILD_BASE)}},
)
