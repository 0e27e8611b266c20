"""Money through the facade, driven by tests/cases/core/money.json."""
import decimal

import pytest

import ipart
from conftest import load_case, status_class

CASES = load_case("core/money.json")
ROUNDING = {r.name.lower(): r for r in ipart.Rounding}


def money(j):
    return ipart.Money.from_minor(int(j["minor"]), j["currency"])


def assert_raises_status(status_name, fn):
    with pytest.raises(status_class(status_name)) as info:
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
    assert a == ipart.Money(decimal.Decimal("12.5"), "NOK") and hash(a) == hash(ipart.Money("12.5", "NOK"))
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


# ---- Decimal in, Decimal out -----------------------------------------------------

@pytest.mark.parametrize("text, currency, minor", [
    ("1E+3", "NOK", 100000), ("12.5", "NOK", 1250), ("12.50", "NOK", 1250), ("-0.5", "NOK", -50),
    ("0", "JPY", 0), ("1200", "JPY", 1200), ("1.234", "KWD", 1234), ("-0", "NOK", 0)])
def test_decimal_in(text, currency, minor):
    m = ipart.Money(decimal.Decimal(text), currency)
    assert (m.minor, m.currency) == (minor, currency)
    assert m.amount == decimal.Decimal(text)


@pytest.mark.parametrize("minor, currency, exponent", [
    (1, "NOK", -2), (1, "KWD", -3), (1200, "JPY", 0), (-5, "EUR", -2), (0, "NOK", -2)])
def test_amount_has_exactly_the_currency_decimals(minor, currency, exponent):
    m = ipart.Money.from_minor(minor, currency)
    assert m.amount.as_tuple().exponent == exponent == -ipart.currency_exponent(currency)
    assert m.amount == decimal.Decimal(minor).scaleb(exponent)
    assert ipart.Money(m.amount, currency) == m and ipart.Money(str(m), currency) == m


@pytest.mark.parametrize("text", ["12.500", "NaN", "Infinity", "-Infinity", "1E-3"])
def test_decimal_the_currency_cannot_hold_is_a_parse_error_from_c(text):
    # Nothing is rounded on the way in: 12.500 NOK has three decimals.
    with pytest.raises(ipart.ParseError) as info:
        ipart.Money(decimal.Decimal(text), "NOK")
    assert info.value.key.startswith("money.parse")


def test_int_amounts_are_whole_units():
    assert ipart.Money(12, "NOK").minor == 1200
    assert ipart.Money(-3, "JPY").minor == -3
    assert ipart.Money(ipart.Rounding.UP, "NOK").minor == 300  # an IntEnum is its value
    with pytest.raises(ipart.ArithmeticOverflowError):
        ipart.Money(2**62, "NOK")


def test_int64_bounds_are_exact():
    top = ipart.Money.from_minor(2**63 - 1, "NOK")
    bottom = ipart.Money.from_minor(-2**63, "NOK")
    assert str(top) == "92233720368547758.07" and str(bottom) == "-92233720368547758.08"
    assert top.amount == decimal.Decimal("92233720368547758.07")
    assert ipart.Money(top.amount, "NOK") == top
    assert bottom - ipart.Money.from_minor(0, "NOK") == bottom
    with pytest.raises(ipart.ArithmeticOverflowError):
        bottom - ipart.Money.from_minor(1, "NOK")
    with pytest.raises(ipart.ArithmeticOverflowError):
        top * 2
    with pytest.raises(OverflowError):
        ipart.Money.from_minor(-2**63 - 1, "NOK")
    with pytest.raises(ipart.ArithmeticOverflowError):
        ipart.Money("92233720368547758.08", "NOK")


# ---- value semantics ----------------------------------------------------------------

def test_immutable_hashable_and_picklable():
    import copy
    import pickle
    a = ipart.Money("12000000.00", "NOK")
    with pytest.raises(AttributeError):
        a._minor = 1
    with pytest.raises(AttributeError):
        a.minor = 1
    with pytest.raises(AttributeError):
        del a._currency
    assert not hasattr(a, "__dict__")
    assert str(a) == "12000000.00" and a.minor == 1200000000
    assert pickle.loads(pickle.dumps(a)) == a and copy.deepcopy(a) == a
    assert len({a, ipart.Money("12000000", "NOK"), ipart.Money.from_minor(1200000000, "NOK"),
                ipart.Money("12000000", "SEK")}) == 2
    assert {a: 1}[ipart.Money(decimal.Decimal("12000000"), "NOK")] == 1


def test_equality_and_ordering_rules():
    nok, sek = ipart.Money("1.00", "NOK"), ipart.Money("1.00", "SEK")
    assert nok != sek and not (nok == sek)
    assert nok != 1 and nok != decimal.Decimal("1.00") and nok != "1.00"
    with pytest.raises(TypeError):
        nok < 1
    with pytest.raises(TypeError):
        nok >= decimal.Decimal(1)
    with pytest.raises(TypeError):
        nok.compare("1.00")
    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        with pytest.raises(ipart.CurrencyError):
            getattr(nok, op)(sek)
    two = nok * 2
    assert nok < two and two > nok and nok <= nok and nok >= nok
    assert sorted([two, nok, -nok]) == [-nok, nok, two]
    assert max([nok, two]) is two


def test_arithmetic_operators_check_their_operands():
    nok = ipart.Money("1.50", "NOK")
    assert -nok == ipart.Money("-1.50", "NOK") and +nok is nok
    with pytest.raises(ipart.CurrencyError):
        nok + ipart.Money("1", "SEK")
    with pytest.raises(TypeError):
        nok + 1
    with pytest.raises(TypeError):
        nok - decimal.Decimal("1")
    with pytest.raises(TypeError):
        nok * decimal.Decimal(2)
    with pytest.raises(TypeError):
        True * nok
    with pytest.raises(TypeError):
        nok * nok
    with pytest.raises(TypeError):
        nok.ratio(1.0, 3)
    with pytest.raises(TypeError):
        nok.percent(True)
    with pytest.raises(TypeError):
        ipart.Money.from_minor(True, "NOK")
    with pytest.raises(TypeError):
        ipart.Money.from_minor(1.0, "NOK")
    with pytest.raises(ipart.InvalidArgumentError):
        nok.ratio(1, 0)
    with pytest.raises(ipart.InvalidArgumentError):
        nok.percent(100, rounding=99)  # C validates the mode


def test_ratio_and_percent_default_to_half_even():
    m = ipart.Money.from_minor(25, "NOK")
    assert m.ratio(1, 10).minor == 2 and m.ratio(1, 10, ipart.Rounding.HALF_UP).minor == 3
    assert ipart.Money.from_minor(35, "NOK").percent(1000).minor == 4  # 3.5 -> 4 (even)
    assert ipart.Money.from_minor(25, "NOK").percent(1000).minor == 2  # 2.5 -> 2 (even)


def test_display_and_repr():
    m = ipart.Money("12000000", "NOK")
    assert m.format() == m.format("nb") == "12 000 000,00 kr"
    assert m.format("en") == "NOK 12,000,000.00"
    assert repr(m) == "Money('12000000.00', 'NOK')"
    assert eval(repr(m), {"Money": ipart.Money}) == m


def test_text_with_a_nul_is_refused_not_truncated():
    with pytest.raises(ValueError):
        ipart.Money.parse("1\x00junk", "NOK")
    with pytest.raises(ValueError):
        ipart.Money("1", "NOK\x00")
    with pytest.raises(ValueError):
        ipart.currency_exponent("NOK\x00X")


def test_currency_codes():
    assert ipart.currency_exponent("NOK") == 2 and ipart.currency_exponent("JPY") == 0
    with pytest.raises(ipart.CurrencyError):
        ipart.currency_exponent("nok")
    with pytest.raises(ipart.MisuseError):
        ipart.currency_exponent(None)
    with pytest.raises(TypeError):
        ipart.currency_exponent(b"NOK")
