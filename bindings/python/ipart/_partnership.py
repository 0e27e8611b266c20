"""The partnership: an append-only log of events checked by the rules."""
import datetime
import enum
import json
from typing import IO, Dict, Iterator, List, NamedTuple, Optional, Union

from . import _contract, capi
from ._contract import CapStatus, PartnerStatus, Proportionality, RuleWarning
from ._joint import AuthorityBudget
from . import _joint
from ._dates import _py_date
from ._errors import NotFoundError
from ._money import Money


class Stage(enum.IntEnum):
    """Procedure stages (ipart_stage); str() gives the JSON name."""
    NEED_IDENTIFICATION = capi.IPART_STAGE_NEED_IDENTIFICATION
    MARKET_DIALOGUE = capi.IPART_STAGE_MARKET_DIALOGUE
    NOTICE_PUBLISHED = capi.IPART_STAGE_NOTICE_PUBLISHED
    PREQUALIFICATION = capi.IPART_STAGE_PREQUALIFICATION
    NEGOTIATION = capi.IPART_STAGE_NEGOTIATION
    FINAL_TENDERS = capi.IPART_STAGE_FINAL_TENDERS
    AWARD_STANDSTILL = capi.IPART_STAGE_AWARD_STANDSTILL
    DEVELOPMENT = capi.IPART_STAGE_DEVELOPMENT
    PURCHASE = capi.IPART_STAGE_PURCHASE
    COMPLETED = capi.IPART_STAGE_COMPLETED
    CANCELLED = capi.IPART_STAGE_CANCELLED
    TERMINATED = capi.IPART_STAGE_TERMINATED

    def __str__(self) -> str:
        return capi.ipart_stage_name(int(self))


class Role(enum.IntEnum):
    AUTHORITY = capi.IPART_ROLE_AUTHORITY
    FOLLOWER = capi.IPART_ROLE_FOLLOWER
    OPERATOR = capi.IPART_ROLE_OPERATOR
    MEMBER = capi.IPART_ROLE_MEMBER

    def __str__(self) -> str:
        return capi.ipart_role_name(int(self))


class Party(NamedTuple):
    id: str
    name: str
    role: Role
    kind: str
    status: str


class Due(NamedTuple):
    """The earliest date-driven step (see ipart_due)."""
    date: datetime.date
    kind: str
    event_type: str


class ThresholdVerdict(NamedTuple):
    estimated_value: Money
    threshold: Money
    above: bool
    valid_from: datetime.date


class Right(NamedTuple):
    """One answer of a rights query, with what decides it."""
    answer: bool
    clause: str  # the clause of the terms ("" when none decides)
    rule: str    # "R36", "R28", "R37"
    reason: str


class Rights(NamedTuple):
    """What a party may do with a partner's asset at a point of the log
    (doc/ip-regimes.md). ``bool(rights.use)``... are the answers;
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


RIGHTS = ("owns", "use", "modify", "sublicense", "commercialise")


def _party(p: capi.ipart_party) -> Party:
    # Copy the borrowed C strings now: they live only until the next change.
    return Party(p.id, p.name, Role(p.role), p.kind, p.status)


class Partnership:
    """A partnership under a jurisdiction profile ("NO", "SE", "DK", "EU").

    ``apply`` takes an event (a dict or JSON text) and either applies it or
    raises, changing nothing. Use it as a context manager, or call
    ``close()``, to release the C object deterministically.
    """

    def __init__(self, profile: str = "NO", *, _handle=None):
        self._p = _handle if _handle is not None else capi.ipart_swig_partnership_new(profile)

    # -- documents ----------------------------------------------------------
    @classmethod
    def loads(cls, document: Union[str, bytes, dict]) -> "Partnership":
        """Load a document (JSON text or an already parsed dict), replaying
        every event through the guards."""
        if isinstance(document, dict):
            document = json.dumps(document, ensure_ascii=False)
        elif isinstance(document, bytes):
            document = document.decode("utf-8")
        return cls(_handle=capi.ipart_swig_partnership_load(document))

    @classmethod
    def load(cls, fp: IO) -> "Partnership":
        """Load a document from a file object (text or binary)."""
        return cls.loads(fp.read())

    def dumps(self) -> str:
        """The canonical document (loads(dumps()) dumps the same text)."""
        return capi.ipart_partnership_save(self._handle())

    def dump(self, fp: IO) -> None:
        fp.write(self.dumps())

    def clone(self) -> "Partnership":
        """An independent copy, for what-if scenarios."""
        return Partnership(_handle=capi.ipart_swig_partnership_clone(self._handle()))

    __copy__ = clone

    def __deepcopy__(self, memo):
        return self.clone()

    # -- events -------------------------------------------------------------
    def apply(self, event: Union[dict, str]) -> None:
        """Apply one event, or raise (RuleViolationError with .rule, ...)."""
        if isinstance(event, dict):
            event = json.dumps(event, ensure_ascii=False)
        elif not isinstance(event, str):
            raise TypeError(f"an event is a dict or JSON text, not {type(event).__name__}")
        capi.ipart_partnership_apply(self._handle(), event)

    def __len__(self) -> int:
        return capi.ipart_partnership_event_count(self._handle())

    def event(self, index: int) -> dict:
        """The index-th event, canonical, as a dict."""
        if index < 0:
            index += len(self)
        if index < 0:
            raise IndexError("event index out of range")
        return json.loads(capi.ipart_partnership_event_at(self._handle(), index))

    def __iter__(self) -> Iterator[dict]:
        for i in range(len(self)):
            yield self.event(i)

    @property
    def events(self) -> List[dict]:
        return list(self)

    # -- state --------------------------------------------------------------
    @property
    def profile(self) -> str:
        return capi.ipart_partnership_profile(self._handle())

    @property
    def currency(self) -> str:
        return capi.ipart_partnership_currency(self._handle())

    @property
    def stage(self) -> Stage:
        return Stage(capi.ipart_partnership_stage(self._handle()))

    @property
    def parties(self) -> List[Party]:
        out = []
        for i in range(capi.ipart_partnership_party_count(self._handle())):
            p = capi.ipart_party()
            capi.ipart_partnership_party_at(p, self._handle(), i)
            out.append(_party(p))
        return out

    def party(self, party_id: str) -> Party:
        p = capi.ipart_party()
        capi.ipart_partnership_party_get(p, self._handle(), party_id)
        return _party(p)

    @property
    def tenderers(self) -> List[dict]:
        return json.loads(capi.ipart_partnership_tenderers_json(self._handle()))

    @property
    def ranking(self) -> Optional[List[dict]]:
        """The last evaluation's ranking, best first; None before one."""
        try:
            return json.loads(capi.ipart_partnership_ranking_json(self._handle()))
        except NotFoundError:
            return None

    def actions(self, actor: str) -> List[dict]:
        """Every event type with whether `actor` may send it now, and if not
        the code and rule that block it."""
        return json.loads(capi.ipart_partnership_actions_json(self._handle(), actor))

    @property
    def next_due(self) -> Optional[Due]:
        d = capi.ipart_due()
        try:
            capi.ipart_partnership_next_due(d, self._handle())
        except NotFoundError:
            return None
        return Due(_py_date(d.date), d.kind, d.event_type)

    @property
    def threshold(self) -> ThresholdVerdict:
        """Estimated value (R30) and the EEA threshold verdict (R3)."""
        v = capi.ipart_threshold_verdict()
        capi.ipart_partnership_threshold(v, self._handle())
        return ThresholdVerdict(Money._wrap(v.estimated_value), Money._wrap(v.threshold),
                                bool(v.above), _py_date(v.valid_from))

    @property
    def budget_cap(self) -> Money:
        out = capi.ipart_money()
        capi.ipart_partnership_budget_cap(out, self._handle())
        return Money._wrap(out)

    @property
    def awarded_sum(self) -> Money:
        out = capi.ipart_money()
        capi.ipart_partnership_awarded_sum(out, self._handle())
        return Money._wrap(out)

    # -- the partnership contract (include/ipart/contract.h) -------------------
    def partner(self, partner: str) -> PartnerStatus:
        """A partner's contract: state, phase, money. NotFoundError if not awarded."""
        return _contract.partner_status(self._handle(), partner)

    def partner_detail(self, partner: str) -> dict:
        """The contract in detail: phases with their targets and instalments."""
        return _contract.partner_detail(self._handle(), partner)

    @property
    def caps(self) -> List[CapStatus]:
        """Every budget cap row: cap, committed, paid, headroom (R33)."""
        return _contract.caps(self._handle())

    def cap_fits(self, cap: str, amount: Money, partner: Optional[str] = None) -> bool:
        """Would ``amount`` more fit under ``cap`` (the ``partner``'s row of a
        "partner" cap)?"""
        return _contract.cap_fits(self._handle(), cap, amount, partner)

    @property
    def authority_budgets(self) -> List[AuthorityBudget]:
        """Each joint authority's budget view, in the order of the terms'
        joint block (R51); empty when the partnership is not joint."""
        return _joint.authority_budgets(self._handle())

    def authority_budget(self, authority: str) -> AuthorityBudget:
        """One joint authority's budget view. NotFoundError if ``authority``
        is not a member of the terms' joint block."""
        return _joint.authority_budget(self._handle(), authority)

    @property
    def warnings(self) -> List[RuleWarning]:
        """Warnings the log raised (R17, R23, R25, caps with policy "warn")."""
        return _contract.warnings(self._handle())

    @property
    def proportionality(self) -> Proportionality:
        """Purchase value against the development investment (R23, R25)."""
        return _contract.proportionality(self._handle())

    @property
    def forecast(self) -> dict:
        """The payments still to come: ``{"payments": [...], "total": "..."}``
        (amounts as canonical strings; see ipart_partnership_forecast_json)."""
        return json.loads(capi.ipart_partnership_forecast_json(self._handle()))

    def what_if(self, events) -> dict:
        """Apply ``events`` (a list of dicts, or JSON text of an array) to a
        clone and report where they lead: stage, next deadline, every cap's
        headroom, partners, the payments forecast and the warnings raised;
        ``refused`` names the first event refused and why. This partnership
        is not touched."""
        text = events if isinstance(events, str) else json.dumps(events)
        return json.loads(capi.ipart_partnership_what_if_json(self._handle(), text))

    # -- lifetime -----------------------------------------------------------
    # -- who owns, who may use, who may see (R19, R36-R38) ----------------------
    def rights(self, party: str, asset: str, at: Optional[int] = None) -> Rights:
        """The rights of ``party`` to ``asset`` ("op05.foreground" for a
        partner's results, "op05.background" for its background IP), after
        the first ``at`` events of the log (default: all)."""
        count = len(self) if at is None else at
        if count < 0:
            raise ValueError("at must not be negative")
        data = json.loads(capi.ipart_partnership_rights_json(self._handle(), count, party, asset))
        why = {r: Right(data[r]["answer"], data[r]["clause"], data[r]["rule"], data[r]["reason"])
               for r in RIGHTS}
        return Rights(data["party"], data["asset"], data["event_count"],
                      *(why[r].answer for r in RIGHTS), explanations=why)

    def view(self, party: str) -> dict:
        """The party-scoped view of the document: what ``party`` may see
        (its own items, the public ones, others' only with consent)."""
        return json.loads(capi.ipart_partnership_view_json(self._handle(), party))

    def _handle(self):
        if self._p is None:
            raise ValueError("the partnership is closed")
        return self._p

    def close(self) -> None:
        """Release the C object now (idempotent)."""
        self._p = None

    def __enter__(self) -> "Partnership":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __eq__(self, other):
        if not isinstance(other, Partnership):
            return NotImplemented
        return self.dumps() == other.dumps()

    __hash__ = None

    def __repr__(self) -> str:
        if self._p is None:
            return "<Partnership closed>"
        return f"<Partnership {self.profile} {self.stage} events={len(self)}>"
