"""Run-time version, checked against the version the wrapper was built for."""
from typing import Optional

from . import capi

__version__ = capi.ipart_version_string()


def version() -> str:
    """The loaded library's version, "major.minor.patch"."""
    return capi.ipart_version_string()


def check_version(compiled: int = capi.COMPILED_VERSION_NUMBER,
                  loaded: Optional[int] = None) -> None:
    """Raise ImportError if the loaded libipart is not the one the binding
    was generated for (a stale libipart.so on the library path)."""
    loaded = capi.ipart_version() if loaded is None else loaded
    if compiled != loaded:
        raise ImportError(
            f"libipart version skew: the Python binding was built for libipart "
            f"{_text(compiled)}, but the loaded library is {_text(loaded)}")


def _text(number: int) -> str:
    return f"{number // 10000}.{number // 100 % 100}.{number % 100} ({number})"
