"""Exact money: decimal.Decimal amounts over the C int64 minor units."""
import decimal
import enum
from typing import Any, Callable, NoReturn, Tuple, Union

from . import capi


class Rounding(enum.IntEnum):
    """How a result between two minor units is rounded (ipart_rounding)."""
    HALF_UP = capi.IPART_ROUND_HALF_UP
    HALF_EVEN = capi.IPART_ROUND_HALF_EVEN
    DOWN = capi.IPART_ROUND_DOWN
    UP = capi.IPART_ROUND_UP
    FLOOR = capi.IPART_ROUND_FLOOR
    CEILING = capi.IPART_ROUND_CEILING


def currency_exponent(currency: str) -> int:
    """Decimals of an ISO 4217 currency (NOK 2, JPY 0, KWD 3)."""
    return capi.ipart_currency_exponent(currency)


def _check_int(value: object, what: str) -> int:
    # bool is an int in Python, but True * money is certainly a mistake.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def _c_money(minor: int, currency: str) -> capi.ipart_money:
    m = capi.ipart_money()
    capi.ipart_money_from_minor(m, minor, currency)
    return m


class Money:
    """An immutable amount of money in one currency.

    Built from a Decimal, a str or an int (whole units); never from a float,
    whose binary value is not the decimal the user meant. Parsing, formatting
    and arithmetic are the C library's, so results are identical in C, Python
    and Java.
    """

    __slots__ = ("_minor", "_currency")
    _minor: int
    _currency: str

    def __init__(self, amount: Union[decimal.Decimal, str, int], currency: str):
        if isinstance(amount, float):
            raise TypeError("Money does not take floats: use Decimal or str")
        if isinstance(amount, bool) or not isinstance(amount, (decimal.Decimal, str, int)):
            raise TypeError(f"Money takes a Decimal, str or int, not {type(amount).__name__}")
        if isinstance(amount, decimal.Decimal):
            text = format(amount, "f")  # "1E+3" -> "1000"; "12.500" keeps its decimals
        elif isinstance(amount, int):
            text = str(int(amount))  # an IntEnum's str() is its name
        else:
            text = amount
        m = capi.ipart_money()
        capi.ipart_money_parse(m, text, currency)
        object.__setattr__(self, "_minor", m.minor)
        object.__setattr__(self, "_currency", m.currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> "Money":
        """An amount of minor units (øre for NOK). ``minor`` must fit int64:
        a larger int raises OverflowError instead of wrapping."""
        return cls._wrap(_c_money(_check_int(minor, "minor"), currency))

    @classmethod
    def parse(cls, text: str, currency: str) -> "Money":
        """Parse a decimal string ("12000000.00"); see ipart_money_parse."""
        if not isinstance(text, str):
            raise TypeError(f"Money.parse takes a str, not {type(text).__name__}")
        return cls(text, currency)

    @classmethod
    def _wrap(cls, m: capi.ipart_money) -> "Money":
        obj = cls.__new__(cls)
        object.__setattr__(obj, "_minor", m.minor)
        object.__setattr__(obj, "_currency", m.currency)
        return obj

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Money is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> Tuple[Callable[[int, str], "Money"], Tuple[int, str]]:
        # pickle and copy rebuild through the C constructor, which validates.
        return (Money.from_minor, (self._minor, self._currency))

    def _c(self) -> capi.ipart_money:
        return _c_money(self._minor, self._currency)

    @property
    def minor(self) -> int:
        """The amount in minor units (an int64)."""
        return self._minor

    @property
    def currency(self) -> str:
        """The ISO 4217 code ("NOK")."""
        return self._currency

    @property
    def amount(self) -> decimal.Decimal:
        """The exact amount, with exactly the currency's number of decimals
        (Decimal("12000000.00") for NOK, Decimal("1200") for JPY)."""
        return decimal.Decimal(str(self))

    def format(self, lang: str = "nb") -> str:
        """Display text: "12 000 000,00 kr" (nb, nn), "NOK 12,000,000.00" (en), sv, da."""
        return capi.ipart_money_format_display(self._c(), lang)

    def __str__(self) -> str:
        """The canonical decimal string ("12000000.00", "-0.50")."""
        return capi.ipart_money_format(self._c())

    def __repr__(self) -> str:
        return f"Money('{self}', '{self._currency}')"

    def _binary(self, other: "Money", function: Callable[..., Any]) -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        out = capi.ipart_money()
        function(out, self._c(), other._c())
        return Money._wrap(out)

    def __add__(self, other: "Money") -> "Money":
        return self._binary(other, capi.ipart_money_add)

    def __sub__(self, other: "Money") -> "Money":
        return self._binary(other, capi.ipart_money_sub)

    def __mul__(self, factor: int) -> "Money":
        """Money * int (overflow-checked); there is no Money * float."""
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        out = capi.ipart_money()
        capi.ipart_money_mul(out, self._c(), factor)
        return Money._wrap(out)

    __rmul__ = __mul__

    def __neg__(self) -> "Money":
        return self * -1

    def __pos__(self) -> "Money":
        return self

    def ratio(self, numerator: int, denominator: int,
              rounding: Rounding = Rounding.HALF_EVEN) -> "Money":
        """self * numerator / denominator, rounded as asked."""
        out = capi.ipart_money()
        capi.ipart_money_ratio(out, self._c(), _check_int(numerator, "numerator"),
                               _check_int(denominator, "denominator"),
                               _check_int(rounding, "rounding"))
        return Money._wrap(out)

    def percent(self, basis_points: int, rounding: Rounding = Rounding.HALF_EVEN) -> "Money":
        """A percentage in basis points (1250 = 12.5 %)."""
        out = capi.ipart_money()
        capi.ipart_money_percent(out, self._c(), _check_int(basis_points, "basis_points"),
                                 _check_int(rounding, "rounding"))
        return Money._wrap(out)

    def compare(self, other: "Money") -> int:
        """-1, 0 or 1; CurrencyError for different currencies."""
        if not isinstance(other, Money):
            raise TypeError(f"cannot compare Money with {type(other).__name__}")
        return capi.ipart_money_compare(self._c(), other._c())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._currency == other._currency and self._minor == other._minor

    def __hash__(self) -> int:
        return hash((self._minor, self._currency))

    # Ordering goes through C: amounts of different currencies are not
    # ordered (CurrencyError); other types give NotImplemented (TypeError).
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.compare(other) < 0

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.compare(other) <= 0

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.compare(other) > 0

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.compare(other) >= 0
