"""Dates through the facade, driven by tests/cases/core/dates.json."""
import datetime

import pytest

import ipart
from ipart import capi
from conftest import load_case, status_class

CASES = load_case("core/dates.json")


def d(text):
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize("case", CASES["parse"], ids=lambda c: repr(c["text"]))
def test_parse(case):
    if "error" in case:
        with pytest.raises(status_class(case["error"])):
            ipart.parse_date(case["text"])
    else:
        assert ipart.parse_date(case["text"]) == datetime.date(*case["date"])
        assert ipart.format_date(ipart.parse_date(case["text"])) == case["text"]


@pytest.mark.parametrize("case", CASES["add_days"], ids=lambda c: f"{c['date']}{c['days']:+}")
def test_add_days(case):
    if "error" in case:
        with pytest.raises(status_class(case["error"])):
            ipart.add_days(d(case["date"]), case["days"])
    else:
        assert ipart.add_days(d(case["date"]), case["days"]) == d(case["result"])


@pytest.mark.parametrize("case", CASES["days_between"], ids=lambda c: c["from"] + ">" + c["to"])
def test_days_between(case):
    assert ipart.days_between(d(case["from"]), d(case["to"])) == case["days"]


@pytest.mark.parametrize("case", CASES["weekday"], ids=lambda c: c["date"])
def test_weekday(case):
    assert ipart.iso_weekday(d(case["date"])) == case["weekday"]
    assert case["weekday"] == d(case["date"]).isoweekday()  # the cases agree with Python


@pytest.mark.parametrize("case", CASES["make"], ids=lambda c: "-".join(map(str, c["date"])))
def test_make(case):
    # The facade builds every C date from a datetime.date through
    # ipart_date_make; Python's own check must agree with C's.
    y, m, dd = case["date"]
    if "error" in case:
        with pytest.raises(status_class(case["error"])) as info:
            capi.ipart_date_make(capi.ipart_date(), y, m, dd)
        assert info.value.key
        with pytest.raises(ValueError):
            datetime.date(y, m, dd)
    else:
        out = capi.ipart_date()
        capi.ipart_date_make(out, y, m, dd)
        assert (out.year, out.month, out.day) == (y, m, dd)
        assert ipart.format_date(datetime.date(y, m, dd)) == f"{y:04d}-{m:02d}-{dd:02d}"


@pytest.mark.parametrize("case", CASES["days_between"], ids=lambda c: c["from"] + ".." + c["to"])
def test_days_between_backwards_and_round_trip(case):
    a, b = d(case["from"]), d(case["to"])
    assert ipart.days_between(b, a) == -case["days"]
    assert ipart.add_days(a, case["days"]) == b
    assert ipart.compare_dates(a, b) == (case["days"] < 0) - (case["days"] > 0)


def test_extremes_of_the_calendar():
    first, last = datetime.date.min, datetime.date.max
    assert ipart.format_date(first) == "0001-01-01" and ipart.format_date(last) == "9999-12-31"
    assert ipart.days_between(first, last) == (last - first).days
    with pytest.raises(ipart.OutOfRangeError):
        ipart.add_days(last, 1)
    with pytest.raises(ipart.OutOfRangeError):
        ipart.add_days(first, -1)
    with pytest.raises(ipart.OutOfRangeError):
        ipart.add_days(first, 2**63 - 1)
    with pytest.raises(OverflowError):  # beyond int64: refused, never wrapped
        ipart.add_days(first, 2**64 + 1)


def test_compare_and_type_checks():
    assert ipart.compare_dates(datetime.date(2017, 1, 1), datetime.date(2017, 1, 2)) == -1
    assert ipart.compare_dates(datetime.date(2017, 1, 2), datetime.date(2017, 1, 2)) == 0
    with pytest.raises(TypeError):
        ipart.iso_weekday("2017-01-01")
    with pytest.raises(TypeError):  # a datetime is a date subclass, but not a civil date
        ipart.iso_weekday(datetime.datetime(2017, 1, 1, 12, 0))
    with pytest.raises(TypeError):
        ipart.add_days(datetime.date(2017, 1, 1), 1.0)
    with pytest.raises(TypeError):
        ipart.days_between(datetime.date(2017, 1, 1), None)
    with pytest.raises(ipart.MisuseError):
        ipart.parse_date(None)
    with pytest.raises(TypeError):
        ipart.parse_date(b"2017-01-01")
    with pytest.raises(ValueError):  # not silently cut at the NUL
        ipart.parse_date("2017-01-01\x00garbage")
    with pytest.raises(ValueError):
        ipart.parse_date("2017-01-0\udc80")
