"""Wrong arguments raise Python exceptions; nothing crashes the interpreter.

Every wrapped C function of ipart.capi is called with arguments of every
wrong kind (None, which reaches C as NULL, floats, ints beyond int64,
foreign objects, strings with a NUL), and every public facade callable
likewise. Each call must either succeed or raise one of the expected
exception types: a crash fails the whole test process, and a SystemError
would mean a wrapper returned a value with an exception set.
"""
import datetime
import decimal
import inspect

import pytest

import ipart
from ipart import capi

EXPECTED = (TypeError, ValueError, OverflowError, LookupError, ipart.IpartError)
BAD = [None, 1.5, 2**70, -1, "NO\x00", b"NO", object(), datetime.date(2017, 1, 1),
       decimal.Decimal("1")]
CAPI_FUNCTIONS = sorted(n for n in dir(capi)
                        if n.startswith("ipart_") and inspect.isfunction(getattr(capi, n)))
# Functions that free or consume their argument are called with None only.
FREEING = {"ipart_partnership_free"}


def call(fn, args):
    try:
        fn(*args)
    except EXPECTED:
        pass


def test_the_sweep_sees_the_api():
    assert {"ipart_money_parse", "ipart_date_parse", "ipart_period_end",
            "ipart_calendar_holiday_at", "ipart_partnership_apply"} <= set(CAPI_FUNCTIONS)


@pytest.mark.parametrize("name", CAPI_FUNCTIONS)
def test_capi_function_with_wrong_arguments(name):
    fn = getattr(capi, name)
    arity = len(inspect.signature(fn).parameters)
    for bad in ([None] if name in FREEING else BAD):
        call(fn, [bad] * arity)
        for i in range(arity):  # one wrong argument among plausible ones
            args = [None] * arity
            args[i] = bad
            call(fn, args)


@pytest.mark.parametrize("name", ["ipart_money_parse", "ipart_date_parse", "ipart_currency_exponent",
                                  "ipart_calendar_holiday_count"])
def test_none_reaches_c_as_null_and_is_misuse(name):
    fn = getattr(capi, name)
    args = {"ipart_money_parse": [capi.ipart_money(), None, "NOK"],
            "ipart_date_parse": [capi.ipart_date(), None],
            "ipart_currency_exponent": [None],
            "ipart_calendar_holiday_count": [None, 2017]}[name]
    with pytest.raises(ipart.MisuseError) as info:
        fn(*args)
    assert info.value.code == ipart.Status.EMISUSE and "NULL" in info.value.message


def test_wrong_type_for_a_string_names_the_parameter():
    with pytest.raises(TypeError, match="argument 'text' must be str or None, not int"):
        capi.ipart_date_parse(capi.ipart_date(), 20170101)
    with pytest.raises(ValueError, match="argument 'currency' contains a NUL"):
        capi.ipart_currency_exponent("NO\x00K")


FACADE = {
    "Money": 2, "Money.parse": 2, "Money.from_minor": 2, "currency_exponent": 1,
    "parse_date": 1, "format_date": 1, "add_days": 2, "days_between": 2, "iso_weekday": 1,
    "compare_dates": 2, "Calendar": 1, "easter_sunday": 1, "strerror": 1, "error_name": 1,
    "error_class": 1,
}


def facade(name):
    obj = ipart
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("name", sorted(FACADE))
def test_facade_function_with_wrong_arguments(name):
    fn, arity = facade(name), FACADE[name]
    for bad in BAD:
        call(fn, [bad] * arity)


@pytest.mark.parametrize("method, arity", [
    ("holidays", 1), ("is_holiday", 1), ("is_working_day", 1), ("next_working_day", 1),
    ("period_end", 2)])
def test_calendar_methods_with_wrong_arguments(method, arity):
    fn = getattr(ipart.Calendar("NO"), method)
    for bad in BAD:
        if isinstance(bad, datetime.date) and arity == 1 and method != "holidays":
            continue  # a valid call
        call(fn, [bad] * arity)


@pytest.mark.parametrize("method, arity", [
    ("format", 1), ("ratio", 3), ("percent", 2), ("compare", 1), ("__add__", 1), ("__sub__", 1),
    ("__mul__", 1), ("__lt__", 1), ("__eq__", 1)])
def test_money_methods_with_wrong_arguments(method, arity):
    fn = getattr(ipart.Money("1", "NOK"), method)
    for bad in BAD:
        call(fn, [bad] * arity)


def test_the_interpreter_survived_and_the_library_still_works():
    assert str(ipart.Money("1", "NOK") + ipart.Money("2", "NOK")) == "3.00"
    assert ipart.Calendar("NO").period_end(datetime.date(2019, 4, 8), 10) == datetime.date(2019, 4, 23)
