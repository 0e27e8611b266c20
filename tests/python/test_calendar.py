"""Calendars and periods through the facade, driven by tests/cases/core/calendar.json."""
import datetime

import pytest

import ipart
from conftest import load_case, status_class

CASES = load_case("core/calendar.json")


def d(text):
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize("case", CASES["easter"], ids=lambda c: str(c["year"]))
def test_easter(case):
    if "error" in case:
        with pytest.raises(status_class(case["error"])):
            ipart.easter_sunday(case["year"])
    else:
        assert ipart.easter_sunday(case["year"]) == d(case["date"])


@pytest.mark.parametrize("case", CASES["holidays"], ids=lambda c: f"{c['profile']}{c['year']}")
def test_complete_holiday_lists(case):
    cal = ipart.Calendar(case["profile"])
    got = cal.holidays(case["year"])
    assert [(h.date.isoformat(), h.id) for h in got] == [(h["date"], h["id"]) for h in case["holidays"]]
    for h in got:
        assert cal.is_holiday(h.date) and not cal.is_working_day(h.date)
        assert h.name_en and h.name_local


@pytest.mark.parametrize("case", CASES["holiday_errors"], ids=lambda c: f"{c['profile']}{c['year']}")
def test_holiday_errors(case):
    with pytest.raises(status_class(case["error"])):
        ipart.Calendar(case["profile"]).holidays(case["year"])


@pytest.mark.parametrize("case", CASES["periods"], ids=lambda c: f"{c['profile']}:{c['from']}+{c['days']}")
def test_periods(case):
    if "error" in case:
        with pytest.raises(status_class(case["error"])):
            ipart.Calendar(case["profile"]).period_end(d(case["from"]), case["days"])
    else:
        cal = ipart.Calendar(case["profile"])
        end = cal.period_end(d(case["from"]), case["days"])
        assert end == d(case["end"])
        assert cal.is_working_day(end) and cal.next_working_day(end) == end


def test_norwegian_easter_2017_as_published():
    cal = ipart.Calendar("NO")
    ids = {h.id: h.date for h in cal.holidays(2017)}
    assert ids["maundy_thursday"] == datetime.date(2017, 4, 13)
    assert ids["good_friday"] == datetime.date(2017, 4, 14)
    assert ids["easter_monday"] == datetime.date(2017, 4, 17)
    assert ids["constitution_day"] == datetime.date(2017, 5, 17)
    assert ids["whit_monday"] == datetime.date(2017, 6, 5)


def test_unknown_profile_is_refused_at_construction():
    with pytest.raises(ipart.InvalidArgumentError, match="NO, SE, DK") as info:
        ipart.Calendar("no")
    assert "EU" in info.value.message and info.value.key
    with pytest.raises(ipart.MisuseError):
        ipart.Calendar(None)
    with pytest.raises(TypeError):
        ipart.Calendar(47)
    with pytest.raises(ValueError):
        ipart.Calendar("NO\x00")


@pytest.mark.parametrize("profile", ["NO", "SE", "DK", "EU"])
def test_calendar_value_semantics(profile):
    cal = ipart.Calendar(profile)
    assert cal.profile == profile and repr(cal) == f"Calendar('{profile}')"
    assert cal == ipart.Calendar(profile) and hash(cal) == hash(ipart.Calendar(profile))
    assert cal != ipart.Calendar("EU" if profile != "EU" else "NO") and cal != profile


def test_default_profile_is_norway():
    assert ipart.Calendar().profile == "NO"
    assert ipart.Calendar().is_holiday(datetime.date(2017, 5, 17))
    assert not ipart.Calendar("EU").is_holiday(datetime.date(2017, 5, 17))


@pytest.mark.parametrize("case", [c for c in CASES["holidays"]], ids=lambda c: f"{c['profile']}{c['year']}")
def test_working_days_of_the_whole_year(case):
    cal = ipart.Calendar(case["profile"])
    holidays = {d(h["date"]) for h in case["holidays"]}
    day = datetime.date(case["year"], 1, 1)
    while day.year == case["year"]:
        assert cal.is_holiday(day) == (day in holidays), day
        working = day.isoweekday() < 6 and day not in holidays
        assert cal.is_working_day(day) == working, day
        nxt = cal.next_working_day(day)
        assert nxt >= day and cal.is_working_day(nxt)
        assert all(not cal.is_working_day(day + datetime.timedelta(k)) for k in range((nxt - day).days))
        day += datetime.timedelta(1)


def test_holiday_is_a_named_tuple():
    h = ipart.Calendar("NO").holidays(2017)[0]
    assert isinstance(h, tuple) and h._fields == ("date", "id", "name_en", "name_local")
    assert h == (datetime.date(2017, 1, 1), "new_years_day", h.name_en, h.name_local)
    assert isinstance(h.date, datetime.date) and h.name_local


def test_bad_arguments_raise_cleanly():
    cal = ipart.Calendar("NO")
    with pytest.raises(TypeError):
        cal.holidays("2017")
    with pytest.raises(TypeError):
        cal.is_holiday("2017-05-17")
    with pytest.raises(TypeError):
        cal.period_end(datetime.date(2017, 1, 1), 1.5)
    with pytest.raises(OverflowError):
        cal.period_end(datetime.date(2017, 1, 1), 2**40)
    with pytest.raises(ipart.InvalidArgumentError):
        cal.period_end(datetime.date(2017, 1, 1), -1)
    with pytest.raises(TypeError):
        ipart.easter_sunday(None)
