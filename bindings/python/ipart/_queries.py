"""Typed results of the list-shaped queries (tenderers, ranking, actions, a
partner's contract, the payments forecast, rights explanations).

Each record is an immutable NamedTuple read from the C library's typed
count/at accessors, never from JSON: money is :class:`Money`, points are
:class:`decimal.Decimal` numbers of points, dates are :class:`datetime.date`
and parties, tenders and phases are named by their ids. ``record._asdict()``
gives a dict for pandas or JSON.
"""
import datetime
import decimal
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from . import capi
from ._dates import _py_date
from ._evaluation import points
from ._money import Money


class EventHeader(NamedTuple):
    """The type, date and sender of a logged event (ipart_event_header)."""
    type: str
    date: datetime.date
    actor: str


def event_header(handle: Any, index: int) -> EventHeader:
    """The header of the index-th event, without parsing its payload."""
    h = capi.ipart_event_header()
    capi.ipart_partnership_event_header_at(h, handle, index)
    return EventHeader(h.type, _py_date(h.date), h.actor)


class Tender(NamedTuple):
    """A tenderer's latest tender (ipart_tenderer)."""
    kind: str                 #: "initial", "intermediate" or "final"
    version: int              #: 1 for the first, counting resubmissions
    price: Money              #: the evaluated price
    development_price: Money  #: its price of the development (R33)
    date: datetime.date       #: the day it was submitted


class Tenderer(NamedTuple):
    """An economic operator's standing in the competition (ipart_tenderer)."""
    id: str
    name: str
    status: str               #: as Party.status ("invited", "partner"...)
    qualified: bool
    invited: bool
    eliminated: bool
    tender: Optional[Tender]  #: None until it submits one


class Ranked(NamedTuple):
    """A tenderer of the last evaluation, best first (ipart_ranked).
    ``points`` is its total out of 100 points; ``scores`` its points per
    award criterion id (weights included), which add up to ``points``."""
    tenderer: str
    rank: int                 #: 1 = best; tied tenderers share a rank
    tied: bool
    points: decimal.Decimal
    scores: Dict[str, decimal.Decimal]

    @property
    def total(self) -> int:
        """The total in integer millionths of a point (as Score.total)."""
        return int(self.points * 1000000)


class Action(NamedTuple):
    """Whether an actor may send one event type now (ipart_action). When
    not, ``code`` names the error apply() would raise ("IPART_ESTATE"),
    ``rule`` the rule ("R14", None when no rule decides) and ``reason`` why,
    in English (``reason_nb`` in Norwegian bokmål; both None when allowed)."""
    type: str
    allowed: bool
    code: Optional[str]
    rule: Optional[str]
    reason: Optional[str]
    reason_nb: Optional[str]

    def reason_in(self, lang: Optional[str]) -> Optional[str]:
        """The reason in ``lang``: Norwegian bokmål for "nb", English for
        "en" and every other language; None when the action is allowed."""
        return self.reason_nb if capi.ipart_message_language(lang) == "nb" else self.reason


class Target(NamedTuple):
    """A target of a phase and whether the partner met it (R21)."""
    id: str
    status: str               #: "pending", "met" or "not_met"


class Instalment(NamedTuple):
    """An instalment of a phase for one partner (R22)."""
    id: str
    target: str               #: the target whose approval makes it payable
    amount: Money
    paid: Money
    payable: bool             #: approved and not yet paid in full


class PartnerPhase(NamedTuple):
    """One phase of a partner's contract (ipart_partner_phase)."""
    id: str
    kind: str                 #: "rnd", "prototype", "test_pilot", "pre_series"
    due: datetime.date
    price: Money              #: this partner's price for the phase
    state: str                #: "pending", "active", "review", "passed", "ended"
    targets: List[Target]
    instalments: List[Instalment]


class Payment(NamedTuple):
    """A payment still to come (ipart_payment): what is left of an
    instalment, or (``phase``, ``instalment`` and ``due`` None) the unpaid
    settlement of a terminated partner."""
    partner: str
    phase: Optional[str]
    instalment: Optional[str]
    due: Optional[datetime.date]
    amount: Money
    payable: bool


class Forecast(NamedTuple):
    """The payments still to come and their total."""
    payments: List[Payment]
    total: Money


def tenderers(handle: Any) -> List[Tenderer]:
    """Every operator with its latest tender, in order of application."""
    out = []
    for i in range(capi.ipart_partnership_tenderer_count(handle)):
        t = capi.ipart_tenderer()
        capi.ipart_partnership_tenderer_at(t, handle, i)
        tender = (Tender(t.tender_kind, t.tender_version, Money._wrap(t.price),
                         Money._wrap(t.development_price), _py_date(t.tender_date))
                  if t.has_tender else None)
        out.append(Tenderer(t.id, t.name, t.status, bool(t.qualified), bool(t.invited),
                            bool(t.eliminated), tender))
    return out


def ranking(handle: Any) -> Optional[List[Ranked]]:
    """The last evaluation's ranking, best first; None before one."""
    count = capi.ipart_partnership_ranked_count(handle)
    if count == 0:
        return None
    out = []
    for i in range(count):
        r = capi.ipart_ranked()
        capi.ipart_partnership_ranked_at(r, handle, i)
        scores = {}
        for k in range(r.criteria):
            s = capi.ipart_score()
            capi.ipart_partnership_ranked_score_at(s, handle, i, k)
            scores[s.criterion] = points(s.points)
        out.append(Ranked(r.tenderer, r.rank, bool(r.tied), points(r.total), scores))
    return out


def actions(handle: Any, actor: str) -> List[Action]:
    """Every event type with whether ``actor`` may send it now."""
    out = []
    for i in range(capi.ipart_partnership_action_count(handle)):
        a = capi.ipart_action()
        capi.ipart_partnership_action_at(a, handle, actor, i)
        if a.allowed:
            out.append(Action(a.type, True, None, None, None, None))
        else:
            out.append(Action(a.type, False, capi.ipart_error_name(a.code), a.rule or None,
                              a.reason, a.reason_nb))
    return out


def _phase_items(handle: Any, partner: str, k: int,
                 ph: Any) -> Tuple[List[Target], List[Instalment]]:
    targets, instalments = [], []
    for i in range(ph.target_count):
        t = capi.ipart_partner_target()
        capi.ipart_partnership_partner_target_at(t, handle, partner, k, i)
        targets.append(Target(t.id, t.status))
    for i in range(ph.instalment_count):
        n = capi.ipart_partner_instalment()
        capi.ipart_partnership_partner_instalment_at(n, handle, partner, k, i)
        instalments.append(Instalment(n.id, n.target, Money._wrap(n.amount), Money._wrap(n.paid),
                                      bool(n.payable)))
    return targets, instalments


def partner_phases(handle: Any, partner: str) -> List[PartnerPhase]:
    """The phases of a partner's contract (empty until it is signed)."""
    out = []
    for k in range(capi.ipart_partnership_partner_phase_count(handle, partner)):
        ph = capi.ipart_partner_phase()
        capi.ipart_partnership_partner_phase_at(ph, handle, partner, k)
        targets, instalments = _phase_items(handle, partner, k, ph)
        out.append(PartnerPhase(ph.id, ph.kind, _py_date(ph.due), Money._wrap(ph.price),
                                ph.state, targets, instalments))
    return out


def forecast(handle: Any) -> Forecast:
    """The payments still to come, partner by partner in the plan's order."""
    rows = []
    for i in range(capi.ipart_partnership_payment_count(handle)):
        p = capi.ipart_payment()
        capi.ipart_partnership_payment_at(p, handle, i)
        rows.append(Payment(p.partner, p.phase or None, p.instalment or None,
                            _py_date(p.due) if p.has_due else None, Money._wrap(p.amount),
                            bool(p.payable)))
    total = capi.ipart_money()
    capi.ipart_partnership_payment_total(total, handle)
    return Forecast(rows, Money._wrap(total))


class Right(NamedTuple):
    """One answer of a rights query, with what decides it."""
    answer: bool
    clause: str  #: the clause of the terms ("" when none decides)
    rule: str    #: "R36", "R28", "R37"
    reason: str  #: in English
    reason_nb: str  #: in Norwegian bokmål

    def reason_in(self, lang: Optional[str]) -> str:
        """The reason in ``lang``: Norwegian bokmål for "nb", English for
        "en" and every other language (ipart_rights_explanation_reason())."""
        return self.reason_nb if capi.ipart_message_language(lang) == "nb" else self.reason


class Rights(NamedTuple):
    """What a party may do with a partner's asset at a point of the log
    (doc/ip-regimes.md). ``rights.use``... are the answers;
    ``explanations[right]`` says why."""
    party: str
    asset: str
    event_count: int
    owns: bool
    use: bool
    modify: bool
    sublicense: bool
    commercialise: bool
    explanations: Dict[str, Right]


#: The rights every query answers, in the order of ipart_rights_explanation_at().
RIGHTS = ("owns", "use", "modify", "sublicense", "commercialise")


def rights(handle: Any, event_count: int, party: str, asset: str) -> Rights:
    """The explained rights of ``party`` to ``asset`` after ``event_count`` events."""
    x = capi.ipart_partnership_rights_explain(handle, event_count, party, asset)
    why: Dict[str, Right] = {}
    for i in range(capi.ipart_rights_explanation_count(x)):
        a = capi.ipart_right_answer()
        capi.ipart_rights_explanation_at(a, x, i)
        why[a.right] = Right(bool(a.answer), a.clause, a.rule, a.reason,
                             capi.ipart_rights_explanation_reason(x, i, "nb"))
    return Rights._make([capi.ipart_rights_explanation_party(x),
                         capi.ipart_rights_explanation_asset(x),
                         capi.ipart_rights_explanation_event_count(x),
                         *(why[r].answer for r in RIGHTS), why])
