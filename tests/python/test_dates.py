"""Dates through the facade, driven by tests/cases/core/dates.json."""
import datetime

import pytest

import ipart
from conftest import load_case

CASES = load_case("core/dates.json")


def d(text):
    return datetime.date.fromisoformat(text)


def status_class(name):
    return ipart.error_class(ipart.Status[name[len("IPART_"):]])


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


def test_compare_and_type_checks():
    assert ipart.compare_dates(datetime.date(2017, 1, 1), datetime.date(2017, 1, 2)) == -1
    with pytest.raises(TypeError):
        ipart.iso_weekday("2017-01-01")
    with pytest.raises((ipart.MisuseError, TypeError)):
        ipart.parse_date(None)
