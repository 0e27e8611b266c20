"""Public-holiday calendars and Regulation 1182/71 period counting."""
import datetime
from typing import List, NamedTuple

from . import capi
from ._dates import _c_date, _py_date


class Holiday(NamedTuple):
    """One public holiday (or, for SE, a day treated as one for periods)."""
    date: datetime.date
    id: str
    name_en: str
    name_local: str


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter Sunday (OutOfRangeError outside 1583..9999)."""
    out = capi.ipart_date()
    capi.ipart_easter_sunday(out, year)
    return _py_date(out)


class Calendar:
    """The public-holiday calendar of a profile: "NO" (default), "SE", "DK"
    or "EU" (weekends only). An unknown profile raises InvalidArgumentError
    here, naming the accepted codes. Holidays are known for the years
    1900..2199; other years raise OutOfRangeError."""

    __slots__ = ("_profile",)

    def __init__(self, profile: str = "NO"):
        # Validate in C now rather than at first use.
        capi.ipart_calendar_holiday_count(profile, capi.IPART_CALENDAR_FIRST_YEAR)
        self._profile = profile

    @property
    def profile(self) -> str:
        """The profile whose holidays this calendar holds ("NO")."""
        return self._profile

    def __repr__(self) -> str:
        return f"Calendar({self._profile!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Calendar):
            return NotImplemented
        return self._profile == other._profile

    def __hash__(self) -> int:
        return hash(("Calendar", self._profile))

    def holidays(self, year: int) -> List[Holiday]:
        """Every holiday of a year, in date order."""
        out = []
        for i in range(capi.ipart_calendar_holiday_count(self._profile, year)):
            h = capi.ipart_holiday()
            capi.ipart_calendar_holiday_at(h, self._profile, year, i)
            out.append(Holiday(_py_date(h.date), h.id, h.name_en, h.name_local))
        return out

    def is_holiday(self, d: datetime.date) -> bool:
        """Whether `d` is a holiday (a plain weekend day is not)."""
        return bool(capi.ipart_calendar_is_holiday(self._profile, _c_date(d)))

    def is_working_day(self, d: datetime.date) -> bool:
        """Not a Saturday, Sunday or holiday."""
        return bool(capi.ipart_calendar_is_working_day(self._profile, _c_date(d)))

    def next_working_day(self, d: datetime.date) -> datetime.date:
        """`d` itself if it is a working day, else the next one."""
        out = capi.ipart_date()
        capi.ipart_calendar_next_working_day(out, self._profile, _c_date(d))
        return _py_date(out)

    def period_end(self, start: datetime.date, days: int) -> datetime.date:
        """Last day of a period of `days` days counted from the day after
        `start` (Reg. 1182/71 Art. 3)."""
        out = capi.ipart_date()
        capi.ipart_period_end(out, self._profile, _c_date(start), days)
        return _py_date(out)
