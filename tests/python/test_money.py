"""Money through the facade, driven by tests/cases/core/money.json."""
import decimal

import pytest

import ipart
from conftest import load_case

CASES = load_case("core/money.json")
ROUNDING = {r.name.lower(): r for r in ipart.Rounding}


def money(j):
    return ipart.Money.from_minor(int(j["minor"]), j["currency"])


def assert_raises_status(status_name, fn):
    with pytest.raises(ipart.error_class(ipart.Status[status_name[len("IPART_"):]])) as info:
        fn()
    assert info.value.name == status_name and info.value.message and info.value.key


@pytest.mark.parametrize("case", CASES["parse"], ids=lambda c: repr(c["text"]) + c["currency"])
def test_parse(case):
    if "error" in case:
        assert_raises_status(case["error"], lambda: ipart.Money.parse(case["text"], case["currency"]))
    else:
        m = ipart.Money.parse(case["text"], case["currency"])
        assert m.minor == int(case["minor"]) and m.currency == case["currency"]


@pytest.mark.parametrize("case", CASES["format"], ids=lambda c: c["minor"] + c["currency"])
def test_format_display_and_decimal_round_trip(case):
    m = money(case)
    assert str(m) == case["canonical"]
    for lang, text in case["display"].items():
        assert m.format(lang) == text
    assert m.amount == decimal.Decimal(case["canonical"])
    assert ipart.Money(m.amount, m.currency) == m  # Decimal -> C -> Decimal is exact


@pytest.mark.parametrize("case", CASES["display_errors"], ids=lambda c: c["lang"])
def test_display_errors(case):
    assert_raises_status(case["error"], lambda: money(case).format(case["lang"]))


def run(case):
    a = money(case["a"])
    op = case["op"]
    if op == "add":
        return a + money(case["b"])
    if op == "sub":
        return a - money(case["b"])
    if op == "mul":
        return a * int(case["factor"])
    if op == "ratio":
        return a.ratio(int(case["numerator"]), int(case["denominator"]), ROUNDING[case["rounding"]])
    if op == "percent":
        return a.percent(int(case["basis_points"]), ROUNDING[case["rounding"]])
    return a.compare(money(case["b"]))


@pytest.mark.parametrize("case", CASES["arithmetic"],
                         ids=lambda c: c["op"] + ":" + c["a"]["minor"] + ":" + c.get("rounding", ""))
def test_arithmetic(case):
    if "error" in case:
        assert_raises_status(case["error"], lambda: run(case))
    elif case["op"] == "compare":
        assert run(case) == case["result"]
    else:
        assert run(case) == money(case["result"])


@pytest.mark.parametrize("case", CASES["currencies"], ids=lambda c: c["currency"] or "empty")
def test_currencies(case):
    if "error" in case:
        assert_raises_status(case["error"], lambda: ipart.currency_exponent(case["currency"]))
    else:
        assert ipart.currency_exponent(case["currency"]) == case["exponent"]


def test_int64_limits_overflow_instead_of_wrapping():
    top = ipart.Money.from_minor(2**63 - 1, "NOK")
    with pytest.raises(ipart.ArithmeticOverflowError):
        top + ipart.Money.from_minor(1, "NOK")
    with pytest.raises(OverflowError):  # Python ints beyond int64 never wrap silently
        ipart.Money.from_minor(2**63, "NOK")
    bottom = ipart.Money.from_minor(-2**63, "NOK")
    assert ipart.Money.parse(str(bottom), "NOK") == bottom
    with pytest.raises(ipart.ArithmeticOverflowError):
        bottom * -1


def test_floats_and_other_types_are_refused():
    with pytest.raises(TypeError):
        ipart.Money(0.1, "NOK")
    with pytest.raises(TypeError):
        ipart.Money(True, "NOK")
    with pytest.raises(TypeError):
        ipart.Money.from_minor(1, "NOK") * 1.5


def test_value_semantics():
    a = ipart.Money("12.50", "NOK")
    assert a == ipart.Money(decimal.Decimal("12.5"), "NOK") and hash(a) == hash(ipart.Money(12.5.__str__(), "NOK"))
    assert a != ipart.Money("12.50", "SEK")
    assert 3 * a == a * 3 == ipart.Money("37.50", "NOK")
    assert ipart.Money("1", "NOK") < a <= a
    with pytest.raises(ipart.CurrencyError):
        a < ipart.Money("1", "SEK")
    assert repr(a) == "Money('12.50', 'NOK')"


def test_none_is_misuse_not_a_crash():
    with pytest.raises((ipart.MisuseError, TypeError)):
        ipart.Money.parse(None, "NOK")
    with pytest.raises((ipart.MisuseError, TypeError)):
        ipart.Money("1", None)
