"""libipart for Python: the innovation-partnership procedure (Directive
2014/24/EU Art. 31, Norwegian *innovasjonspartnerskap*).

The public API of this package is hand-written over the SWIG module
``ipart.capi``, which is internal. Money is :class:`decimal.Decimal` (via
:class:`Money`), dates are :class:`datetime.date`, and every failure raises
an :class:`IpartError` subclass carrying ``code``, ``name``, ``rule``,
``source``, ``path``, ``key`` and ``message``.
"""
from ._errors import (  # noqa: F401  (re-exported)
    IpartError, InvalidArgumentError, ParseError, OutOfRangeError,
    ArithmeticOverflowError, CurrencyError, StateError, PermissionDeniedError,
    RuleViolationError, NotFoundError, AlreadyExistsError, VersionError,
    OutOfMemoryError, MisuseError, InternalError, Status, strerror, error_name,
    error_class,
)
from ._version import __version__, version, check_version
from ._money import Money, Rounding, currency_exponent
from ._dates import parse_date, format_date, add_days, days_between, iso_weekday, compare_dates
from ._calendar import Calendar, Holiday, easter_sunday
from ._event import Event, FieldKind
from ._partnership import Partnership, Stage, Role, Party, Due, ThresholdVerdict
from ._contract import PartnerStatus, CapStatus, RuleWarning, Proportionality
from ._joint import AuthorityBudget, FundingSource
from ._dialogue import (NeedFacet, DialogueActivity, DialogueContact, DialogueInformation,
                        DialoguePair)
from ._queries import (EventHeader, Tenderer, Tender, Ranked, Action, PartnerPhase, Target, Instalment,
                       Payment, Forecast, Rights, Right)
from ._views import Parties, Events
from ._evaluation import (Evaluation, PriceModel, Kind, Score, Sweep, TIED, WEIGHT_TOTAL, points,
                          Stability, StabilityTender, Pair, WeightShift, WinnerChange, Removal)
from ._messages import message, message_language, message_has, message_keys

check_version()

__all__ = [
    "IpartError", "InvalidArgumentError", "ParseError", "OutOfRangeError",
    "ArithmeticOverflowError", "CurrencyError", "StateError", "PermissionDeniedError",
    "RuleViolationError", "NotFoundError", "AlreadyExistsError", "VersionError",
    "OutOfMemoryError", "MisuseError", "InternalError", "Status", "strerror", "error_name",
    "error_class", "__version__", "version", "Money", "Rounding", "currency_exponent",
    "parse_date", "format_date", "add_days", "days_between", "iso_weekday", "compare_dates",
    "Calendar", "Holiday", "easter_sunday", "Event", "FieldKind", "Partnership", "Stage", "Role", "Party", "Due",
    "ThresholdVerdict", "Rights", "Right", "PartnerStatus", "CapStatus", "RuleWarning", "Proportionality",
    "AuthorityBudget", "FundingSource",
    "NeedFacet", "DialogueActivity", "DialogueContact", "DialogueInformation", "DialoguePair",
    "Evaluation", "PriceModel", "Kind", "Score", "Sweep", "TIED",
    "WEIGHT_TOTAL", "points", "Parties", "Events", "EventHeader", "Tenderer", "Tender", "Ranked", "Action", "PartnerPhase",
    "Target", "Instalment", "Payment", "Forecast", "Stability", "StabilityTender", "Pair",
    "WeightShift", "WinnerChange", "Removal",
    "message", "message_language", "message_has", "message_keys",
]
