"""The partnership contract after the award: partners, caps, warnings and
proportionality (include/ipart/contract.h). Money is :class:`Money`."""
from typing import Any, List, NamedTuple, Optional

from . import capi
from ._money import Money


class PartnerStatus(NamedTuple):
    """One partner's contract (ipart_partner_status)."""
    partner: str
    state: str
    phase: Optional[str]
    phase_index: Optional[int]
    original: Money
    changes: Money
    change_limit: Money
    value: Money
    paid: Money
    payable: Money
    owed_on_termination: Money
    option_quantity: int
    option_value: Money


class CapStatus(NamedTuple):
    """One row of a budget cap (ipart_cap_status); ``partner`` is set for
    caps of scope "partner", ``phase`` for scope "phase"."""
    cap: str
    scope: str
    phase: Optional[str]
    partner: Optional[str]
    bites: str
    policy: str
    amount: Money
    committed: Money
    paid: Money
    headroom: Money


class RuleWarning(NamedTuple):
    """A warning raised by the event at index ``event`` (R17, R23, R25, R33)."""
    event: int
    rule: str
    key: str
    message: str  #: in English
    message_nb: str  #: in Norwegian bokmål

    def message_in(self, lang: Optional[str]) -> str:
        """The message in ``lang``: Norwegian bokmål for "nb", English for
        "en" and every other language."""
        return self.message_nb if capi.ipart_message_language(lang) == "nb" else self.message


class Proportionality(NamedTuple):
    """R23/R25; ratios in basis points (10000 = 1x), ``ratio`` None when the
    development value is zero."""
    development_value: Money
    purchase_value: Money
    committed: Money
    ratio: Optional[int]
    min_ratio: int
    max_ratio: int
    overrun_margin: int
    outside_band: bool
    overrun: bool


def partner_status(handle: Any, partner: str) -> PartnerStatus:
    s = capi.ipart_partner_status()
    capi.ipart_partnership_partner_status(s, handle, partner)
    w = Money._wrap
    return PartnerStatus(s.partner, s.state, s.phase or None,
                         s.phase_index if s.phase_index >= 0 else None, w(s.original),
                         w(s.changes), w(s.change_limit), w(s.value), w(s.paid), w(s.payable),
                         w(s.owed_on_termination), s.option_quantity, w(s.option_value))


def caps(handle: Any) -> List[CapStatus]:
    rows = []
    for i in range(capi.ipart_partnership_cap_count(handle)):
        c = capi.ipart_cap_status()
        capi.ipart_partnership_cap_at(c, handle, i)
        w = Money._wrap
        rows.append(CapStatus(c.cap, c.scope, c.phase or None, c.partner or None, c.bites,
                              c.policy, w(c.amount), w(c.committed), w(c.paid), w(c.headroom)))
    return rows


def cap_fits(handle: Any, cap: str, amount: Money, partner: Optional[str]) -> bool:
    if not isinstance(amount, Money):
        raise TypeError(f"cap_fits takes a Money amount, not {type(amount).__name__}")
    return bool(capi.ipart_partnership_cap_fits(handle, cap, partner, amount._c()))


def warnings(handle: Any) -> List[RuleWarning]:
    out = []
    for i in range(capi.ipart_partnership_warning_count(handle)):
        w = capi.ipart_warning()
        capi.ipart_partnership_warning_at(w, handle, i)
        out.append(RuleWarning(w.event, w.rule, w.key, w.message, w.message_nb))
    return out


def proportionality(handle: Any) -> Proportionality:
    v = capi.ipart_proportionality()
    capi.ipart_partnership_proportionality(v, handle)
    w = Money._wrap
    return Proportionality(w(v.development_value), w(v.purchase_value), w(v.committed),
                           v.ratio if v.ratio >= 0 else None, v.min_ratio, v.max_ratio,
                           v.overrun_margin, bool(v.outside_band), bool(v.overrun))
