"""Calendars and periods through the facade, driven by tests/cases/core/calendar.json."""
import datetime

import pytest

import ipart
from conftest import load_case

CASES = load_case("core/calendar.json")


def d(text):
    return datetime.date.fromisoformat(text)


def status_class(name):
    return ipart.error_class(ipart.Status[name[len("IPART_"):]])


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
    with pytest.raises(ipart.InvalidArgumentError, match="NO, SE, DK"):
        ipart.Calendar("no")
