"""Exceptions and status codes, all generated from the one C table."""
import enum

from . import _capi  # type: ignore[attr-defined]  # the extension: no stub
from . import capi

IpartError = _capi.IpartError
InvalidArgumentError = _capi.InvalidArgumentError
ParseError = _capi.ParseError
OutOfRangeError = _capi.OutOfRangeError
ArithmeticOverflowError = _capi.ArithmeticOverflowError
CurrencyError = _capi.CurrencyError
StateError = _capi.StateError
PermissionDeniedError = _capi.PermissionDeniedError
RuleViolationError = _capi.RuleViolationError
NotFoundError = _capi.NotFoundError
AlreadyExistsError = _capi.AlreadyExistsError
VersionError = _capi.VersionError
OutOfMemoryError = _capi.OutOfMemoryError
MisuseError = _capi.MisuseError
InternalError = _capi.InternalError

# IPART_OK, IPART_EINVAL, ... as an IntEnum named OK, EINVAL, ...
# (mypy cannot see members computed at import time.)
Status = enum.IntEnum("Status", {  # type: ignore[misc]
    name[len("IPART_"):]: getattr(capi, name)
    for name in dir(capi)
    if name.startswith("IPART_E") or name == "IPART_OK"
    if capi.ipart_error_name(getattr(capi, name)) == name
})
Status.__doc__ = "The status codes of the C library (ipart_status), named as in C without IPART_."

# The exception classes are made in C from the status table; their
# docstrings come from the same table.
IpartError.__doc__ = ("Base of every libipart error: .code, .name, .rule, .source, .path, "
                      ".key and .message describe the failure (ipart_error_last()); "
                      ".message_in(lang) gives the message in Norwegian or English.")


def _message_in(self: BaseException, lang: str) -> str:
    """The message in `lang`: Norwegian bokmål for "nb", English for "en" and
    for every other language (the catalogue's fallback, message_language()).
    Both texts are captured when the error is raised (ipart_error_message_in())."""
    english = str(getattr(self, "message", "") or (self.args[0] if self.args else ""))
    if capi.ipart_message_language(lang) == "nb":
        return str(getattr(self, "_message_nb", english) or english)
    return english


IpartError.message_in = _message_in
for _status in Status:
    _cls = getattr(_capi, capi.ipart_error_class(int(_status)) + "Error", None)
    if _status != Status["OK"] and _cls is not None and _cls is not IpartError:
        _cls.__doc__ = f"{capi.ipart_error_name(int(_status))}: {capi.ipart_strerror(int(_status))}."
del _status, _cls


def strerror(code: int) -> str:
    """English description of a status code ("invalid argument")."""
    return capi.ipart_strerror(int(code))


def error_name(code: int) -> str:
    """Name of a status code ("IPART_EINVAL")."""
    return capi.ipart_error_name(int(code))


def error_class(code: int) -> type:
    """The exception class raised for a status code."""
    return getattr(_capi, capi.ipart_error_class(int(code)) + "Error", InternalError)
