"""Civil dates: datetime.date over the C ipart_date (validated in C)."""
import datetime

from . import capi


def _c_date(d: datetime.date) -> capi.ipart_date:
    if not isinstance(d, datetime.date) or isinstance(d, datetime.datetime):
        raise TypeError(f"expected a datetime.date, not {type(d).__name__}")
    out = capi.ipart_date()
    capi.ipart_date_make(out, d.year, d.month, d.day)
    return out


def _py_date(d: capi.ipart_date) -> datetime.date:
    return datetime.date(d.year, d.month, d.day)


def parse_date(text: str) -> datetime.date:
    """Parse ISO 8601 "YYYY-MM-DD" exactly (ParseError, or InvalidArgumentError
    for a date that does not exist such as 2017-02-29)."""
    out = capi.ipart_date()
    capi.ipart_date_parse(out, text)
    return _py_date(out)


def format_date(d: datetime.date) -> str:
    """The ISO 8601 text "YYYY-MM-DD"."""
    return capi.ipart_date_format(_c_date(d))


def add_days(d: datetime.date, days: int) -> datetime.date:
    """d + days (negative allowed); OutOfRangeError outside the years 1..9999."""
    out = capi.ipart_date()
    capi.ipart_date_add_days(out, _c_date(d), days)
    return _py_date(out)


def days_between(start: datetime.date, end: datetime.date) -> int:
    """Days from `start` to `end` (positive when `end` is later)."""
    return capi.ipart_date_days_between(_c_date(start), _c_date(end))


def iso_weekday(d: datetime.date) -> int:
    """1 = Monday .. 7 = Sunday."""
    return capi.ipart_date_weekday(_c_date(d))


def compare_dates(a: datetime.date, b: datetime.date) -> int:
    """-1, 0 or 1."""
    return capi.ipart_date_compare(_c_date(a), _c_date(b))
