"""The partnership: an append-only log of events checked by the rules."""
import datetime
import enum
import json
from typing import IO, Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Union

import warnings as _warnings

from . import _contract, _dialogue, _queries, capi
from ._contract import CapStatus, PartnerStatus, Proportionality, RuleWarning
from ._joint import AuthorityBudget, FundingSource
from . import _joint
from ._queries import (Action, EventHeader, Forecast, PartnerPhase, Ranked,  # noqa: F401
                       Right, Rights, RIGHTS, Tenderer)
from ._dates import _py_date
from ._dialogue import (DialogueActivity, DialogueContact, DialogueInformation, DialoguePair,
                        NeedFacet)
from ._errors import NotFoundError
from ._event import Event
from ._money import Money
from ._views import Events, Parties



def _event_value(event: Union[Dict[str, Any], str]) -> Any:
    """One event of a batch as a JSON value: a text is parsed, so it stays
    one element of the array whatever it holds."""
    if isinstance(event, dict):
        return event
    if isinstance(event, str):
        return json.loads(event)
    raise TypeError(f"an event is a dict or JSON text, not {type(event).__name__}")

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
    """Roles of parties (ipart_role); str() gives the JSON name."""
    AUTHORITY = capi.IPART_ROLE_AUTHORITY
    FOLLOWER = capi.IPART_ROLE_FOLLOWER
    OPERATOR = capi.IPART_ROLE_OPERATOR
    PARTICIPANT = capi.IPART_ROLE_PARTICIPANT
    MEMBER = capi.IPART_ROLE_MEMBER

    def __str__(self) -> str:
        return capi.ipart_role_name(int(self))


class Party(NamedTuple):
    """A party (ipart_party): ``kind`` is an authority's kind ("" for
    operators; doc/authority-kinds.md), ``status`` an operator's standing
    ("" for authorities): "applied", "qualified", "rejected", "invited",
    "declined" (no tender by the tender deadline), "tendering",
    "not_awarded" (left out of the award), "eliminated", "awarded",
    "partner" or "terminated"; ``parent`` the id of the party that buys for
    it as its group's central purchasing body (R54), "" for none."""
    id: str
    name: str
    role: Role
    kind: str
    status: str
    parent: str = ""


class Due(NamedTuple):
    """The earliest date-driven step (see ipart_due)."""
    date: datetime.date
    kind: str
    event_type: str


class ThresholdVerdict(NamedTuple):
    """The estimated value (R30) against the EEA threshold in force (R3)."""
    estimated_value: Money
    threshold: Money
    above: bool
    valid_from: datetime.date


def _party(p: capi.ipart_party) -> Party:
    # Copy the borrowed C strings now: they live only until the next change.
    return Party(p.id, p.name, Role(p.role), p.kind, p.status, p.parent)


class Partnership:
    """A partnership under a jurisdiction profile ("NO", "SE", "DK", "EU").

    ``apply`` takes an event (a dict or JSON text) and either applies it or
    raises, changing nothing. Use it as a context manager, or call
    ``close()``, to release the C object deterministically.
    """

    def __init__(self, profile: str = "NO", *, _handle: Any = None):
        self._p = _handle if _handle is not None else capi.ipart_partnership_new(profile)

    # -- documents ----------------------------------------------------------
    @classmethod
    def loads(cls, document: Union[str, bytes, Dict[str, Any]]) -> "Partnership":
        """Load a document (JSON text or an already parsed dict), replaying
        every event through the guards."""
        if isinstance(document, dict):
            document = json.dumps(document, ensure_ascii=False)
        elif isinstance(document, bytes):
            document = document.decode("utf-8")
        return cls(_handle=capi.ipart_partnership_load(document))

    @classmethod
    def load(cls, fp: IO[Any]) -> "Partnership":
        """Load a document from a file object (text or binary)."""
        return cls.loads(fp.read())

    def dumps(self) -> str:
        """The canonical document (loads(dumps()) dumps the same text)."""
        return capi.ipart_partnership_save(self._handle())

    def dump(self, fp: IO[str]) -> None:
        """Write the canonical document to a text file object."""
        fp.write(self.dumps())

    def clone(self) -> "Partnership":
        """An independent copy, for what-if scenarios."""
        return Partnership(_handle=capi.ipart_partnership_clone(self._handle()))

    __copy__ = clone

    # -- party-scoped access (R19, R37) ---------------------------------------
    def as_party(self, party: str) -> "Partnership":
        """A read-only copy whose every query answers what ``party`` may see
        (R19, R37): its own items, the public ones and what other operators
        consented to show it. The library authorizes, the host authenticates:
        serve a party only from its scoped copy. Queries about another
        operator's items raise PermissionDeniedError (rule R19); ``apply``
        raises too. A partnership that is not scoped is the contracting
        authority's, with full access."""
        return Partnership(_handle=capi.ipart_partnership_as_party(self._handle(), party))

    @property
    def audience(self) -> str:
        """The party a scoped copy answers for; "" for the authority's full access."""
        return capi.ipart_partnership_audience(self._handle())

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Partnership":
        return self.clone()

    # -- events -------------------------------------------------------------
    def apply(self, event: Union[Dict[str, Any], str]) -> None:
        """Apply one event, or raise (RuleViolationError with .rule, ...)."""
        if isinstance(event, dict):
            event = json.dumps(event, ensure_ascii=False)
        elif not isinstance(event, str):
            raise TypeError(f"an event is a dict or JSON text, not {type(event).__name__}")
        capi.ipart_partnership_apply(self._handle(), event)

    def apply_all(self, events: Union[str, Iterable[Union[Dict[str, Any], str]]]) -> None:
        """Apply a batch of events in one call into the library: a JSON
        array text, or an iterable of events (dicts or JSON texts).

        Atomic per event, not per batch: the first refused event raises (its
        ``path`` names it, "$[3].date") and the events before it stay
        applied (``len(p)`` tells how many). Text that is not a JSON array
        applies nothing. For all-or-nothing, apply to ``p.clone()`` and keep
        the clone.

        A list of JSON-shaped dicts (str keys; str, int, float, bool, None,
        dict, list and tuple values) is read by the library in place, with
        the outcome of the text ``json.dumps`` gives; anything else takes
        ``json.dumps`` and raises what it raises, applying nothing. Values
        nested deeper than the library's 32 levels, a cycle among them, are
        refused with ``OutOfRangeError`` (``IPART_ERANGE``) before anything is
        applied (``json.dumps`` raised ``ValueError`` for a cycle)."""
        if not isinstance(events, str):
            values = events if type(events) is list else [_event_value(e) for e in events]
            if capi.ipart_py_apply_json_list(self._handle(), values):
                return
            if values is events:
                values = [_event_value(e) for e in events]
            events = json.dumps(values, ensure_ascii=False)
        capi.ipart_partnership_apply_all(self._handle(), events)

    def apply_event(self, event: Union["Event", str], fields: Optional[Dict[str, Any]] = None,
                    **_more: Any) -> None:
        """Apply a typed event without JSON: an :class:`Event`, or an event
        type and its fields as Python values (``p.apply_event("note_recorded",
        date=datetime.date(2017, 5, 2), actor="stavanger", text="...")``).
        The log entry and any error are those :meth:`apply` gives for the
        same event as a dict; nothing changes when it raises."""
        if isinstance(event, str):
            event = Event(event, fields, **_more)
        elif fields or _more:
            raise TypeError("apply_event takes fields only with an event type")
        elif not isinstance(event, Event):
            raise TypeError(f"apply_event takes an Event or a type, not {type(event).__name__}")
        capi.ipart_partnership_apply_event(self._handle(), event._e)

    def apply_events(self, events: Iterable[Union["Event", Dict[str, Any]]]) -> int:
        """Apply a batch of typed events in one call into the library:
        :class:`Event` objects, or dicts of Python values with their "type"
        (the values :meth:`Event.set` takes), converted in the extension
        into one reused event. Atomic per event, as :meth:`apply_all`: the
        first refused one raises, its ``path`` naming it ("$[3].date"), and
        the events before it stay applied. Returns how many were applied.
        An element that is neither an ``Event`` nor a dict, a value of
        another type or a dict without its "type" raises TypeError (KeyError
        for the type) naming the element the same way."""
        return capi.ipart_py_apply_events(self._handle(), events, Event, Money)

    def __len__(self) -> int:
        return capi.ipart_partnership_event_count(self._handle())

    def event(self, index: int) -> Dict[str, Any]:
        """The index-th event, canonical, as a dict."""
        if index < 0:
            index += len(self)
        if index < 0:
            raise IndexError("event index out of range")
        return json.loads(capi.ipart_partnership_event_at(self._handle(), index))

    def event_header(self, index: int) -> EventHeader:
        """The type, date and sender of the index-th event (negative counts
        from the end), without its payload."""
        if index < 0:
            index += len(self)
        if index < 0:
            raise IndexError("event index out of range")
        return _queries.event_header(self._handle(), index)

    def __iter__(self) -> Iterator[Dict[str, Any]]:
        for i in range(len(self)):
            yield self.event(i)

    @property
    def events(self) -> Events:
        """The event log as a live sequence of canonical dicts:
        ``p.events[3]``, ``p.events[-1]``, slices, ``p.events.header(i)``."""
        return Events(self)

    # -- state --------------------------------------------------------------
    @property
    def profile(self) -> str:
        """The jurisdiction profile ("NO", "SE", "DK", "EU")."""
        return capi.ipart_partnership_profile(self._handle())

    @property
    def currency(self) -> str:
        """The currency of the case ("" before partnership_created)."""
        return capi.ipart_partnership_currency(self._handle())

    @property
    def stage(self) -> Stage:
        """The current procedure stage."""
        return Stage(capi.ipart_partnership_stage(self._handle()))

    @property
    def parties(self) -> Parties:
        """Every party, the authority first, in the order they joined, as a
        live sequence also indexed by id: ``p.parties["op05"]``,
        ``"op05" in p.parties``, ``p.parties[0]``, slices."""
        return Parties(self)

    def _party_at(self, index: int) -> Party:
        p = capi.ipart_party()
        capi.ipart_partnership_party_at(p, self._handle(), index)
        return _party(p)

    def party(self, party_id: str) -> Party:
        """The party with an id; NotFoundError if there is none."""
        p = capi.ipart_party()
        capi.ipart_partnership_party_get(p, self._handle(), party_id)
        return _party(p)

    @property
    def tenderers(self) -> List[Tenderer]:
        """Every economic operator with its latest tender, in order of
        application (see :class:`Tenderer`)."""
        return _queries.tenderers(self._handle())

    @property
    def ranking(self) -> Optional[List[Ranked]]:
        """The last evaluation's ranking, best first (see :class:`Ranked`);
        None before one."""
        return _queries.ranking(self._handle())

    def actions(self, actor: str) -> List[Action]:
        """Every event type with whether `actor` may send it now, and if not
        the code and rule that block it (see :class:`Action`)."""
        return _queries.actions(self._handle(), actor)

    @property
    def next_due(self) -> Optional[Due]:
        """The earliest date-driven step, or None when nothing is pending."""
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
        """The development budget cap of the terms (R33); StateError before them."""
        out = capi.ipart_money()
        capi.ipart_partnership_budget_cap(out, self._handle())
        return Money._wrap(out)

    @property
    def awarded_sum(self) -> Money:
        """The sum of the development prices awarded (0 before the award)."""
        out = capi.ipart_money()
        capi.ipart_partnership_awarded_sum(out, self._handle())
        return Money._wrap(out)

    # -- the partnership contract (include/ipart/contract.h) -------------------
    def partner(self, partner: str) -> PartnerStatus:
        """A partner's contract: state, phase, money. NotFoundError if not awarded."""
        return _contract.partner_status(self._handle(), partner)

    def partner_phases(self, partner: str) -> List[PartnerPhase]:
        """The phases of a partner's contract with their targets and
        instalments (empty until it is signed). NotFoundError if not awarded."""
        self.partner(partner)  # NotFoundError for an operator without a contract
        return _queries.partner_phases(self._handle(), partner)

    def partner_detail(self, partner: str) -> Dict[str, Any]:
        """Deprecated: the JSON export of the contract as a dict; use
        :meth:`partner` and :meth:`partner_phases`."""
        _warnings.warn("partner_detail() is deprecated: use partner() and partner_phases()",
                       DeprecationWarning, stacklevel=2)
        return json.loads(capi.ipart_partnership_partner_json(self._handle(), partner))

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
    def funding(self) -> List[FundingSource]:
        """The external funding sources (grants, co-funding), in the order
        they were granted (funding_granted), with what the payments naming
        them drew; empty when there are none. Beside the caps, never part
        of them (doc/funding.md)."""
        return _joint.funding(self._handle())

    def funding_source(self, source: str) -> FundingSource:
        """One funding source by id. NotFoundError if no source with that
        id was granted."""
        return _joint.funding_source(self._handle(), source)

    @property
    def warnings(self) -> List[RuleWarning]:
        """Warnings the log raised (R17, R23, R25, caps with policy "warn")."""
        return _contract.warnings(self._handle())

    @property
    def proportionality(self) -> Proportionality:
        """Purchase value against the development investment (R23, R25)."""
        return _contract.proportionality(self._handle())

    @property
    def forecast(self) -> Forecast:
        """The payments still to come and their total (see :class:`Forecast`)."""
        return _queries.forecast(self._handle())

    def what_if(self, events: Union[str, List[Dict[str, Any]]]) -> Dict[str, Any]:
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
        return _queries.rights(self._handle(), self._point(at), party, asset)

    def _point(self, at: Optional[int]) -> int:
        """The point of the log a query at ``at`` asks about: all of it for None."""
        count = len(self) if at is None else at
        if count < 0:
            raise ValueError("at must not be negative")
        return count

    # -- the need mapping and the market dialogue (include/ipart/dialogue.h) ----
    @property
    def need_facets(self) -> List[NeedFacet]:
        """The facets of every need mapping, in log order (R1)."""
        return _dialogue.need_facets(self._handle())

    @property
    def dialogue_activities(self) -> List[DialogueActivity]:
        """The market dialogue's activities, in log order (R50)."""
        return _dialogue.activities(self._handle())

    @property
    def dialogue_contacts(self) -> List[DialogueContact]:
        """Who took part in each activity: suppliers and parties."""
        return _dialogue.contacts(self._handle())

    @property
    def dialogue_information(self) -> List[DialogueInformation]:
        """What the authority told, to whom, and when it was shared with all (R50)."""
        return _dialogue.information(self._handle())

    @property
    def dialogue_pairs(self) -> List[DialoguePair]:
        """The matchmakings' pairings: buyer, SMEs, knowledge institutions, purpose."""
        return _dialogue.pairs(self._handle())

    def dialogue_report(self) -> Dict[str, Any]:
        """The need mapping and dialogue report as JSON (for the eForms E1 notice)."""
        return _dialogue.report(self._handle())

    def view(self, party: str, at: Optional[int] = None) -> Dict[str, Any]:
        """The party-scoped view of the document: what ``party`` may see
        (its own items, the public ones, others' only with consent), after
        the first ``at`` events of the log (default: all) as it was then,
        without replaying them (ipart_partnership_view_at_json)."""
        return json.loads(capi.ipart_partnership_view_at_json(self._handle(), self._point(at),
                                                              party))

    def record(self, party: str, lang: str = "en") -> Dict[str, Any]:
        """The procurement record (R41: Art. 84(1), FOA § 25-5) as ``party``
        may see it, in ``lang`` ("nb" or "en"; others fall back to English)."""
        return json.loads(self.record_json(party, lang))

    def record_json(self, party: str, lang: str = "en") -> str:
        """The procurement record as the library's canonical JSON text."""
        return capi.ipart_partnership_record_json(self._handle(), party, lang)

    def record_text(self, party: str, lang: str = "en") -> str:
        """The procurement record as readable text in ``lang``."""
        return capi.ipart_partnership_record_text(self._handle(), party, lang)

    def ocds(self, ocid: str, party: str, lang: str = "en") -> Dict[str, Any]:
        """The OCDS 1.1.5 record package (one ``ocid`` for the partnership,
        a release per significant event, the compiled release) as ``party``
        may see it."""
        return json.loads(self.ocds_json(ocid, party, lang))

    def ocds_json(self, ocid: str, party: str, lang: str = "en") -> str:
        """The OCDS record package as the library's canonical JSON text."""
        return capi.ipart_partnership_ocds_json(self._handle(), ocid, party, lang)

    def eforms_xml(self, subtype: str, party: str, settings: Union[str, Dict[str, Any]]) -> str:
        """The eForms notice ``subtype`` as UBL XML: "16" (contract notice),
        "29" (award), "38" (modification) or "E1" (pre-market consultation,
        from the need mapping and the market dialogue); ``settings`` gives
        what the log does not hold (ipart_partnership_eforms_xml)."""
        return capi.ipart_partnership_eforms_xml(self._handle(), subtype, party,
                                                 _settings_text(settings))

    def eforms_map(self, subtype: str, party: str, settings: Union[str, Dict[str, Any]]) -> Dict[str, List[str]]:
        """The same notice's values keyed by eForms field id ("BT-105-Procedure")."""
        return json.loads(self.eforms_map_json(subtype, party, settings))

    def eforms_map_json(self, subtype: str, party: str, settings: Union[str, Dict[str, Any]]) -> str:
        """The field map as the library's canonical JSON text."""
        return capi.ipart_partnership_eforms_map_json(self._handle(), subtype, party,
                                                      _settings_text(settings))

    def timeline_svg(self, lang: str = "en") -> str:
        """The timeline as a standalone SVG document: one lane per partner
        (phases, targets met or not, gates, terminations, phase dues, its
        payments against its caps), the procedure's deadlines and
        standstill above, the development budget below; labels in ``lang``
        ("nb" or "en", else InvalidArgumentError)."""
        return capi.ipart_partnership_timeline_svg(self._handle(), lang)

    def view_withheld(self, party: str, at: Optional[int] = None) -> int:
        """How many events the party-scoped view of ``party`` withholds
        (after the first ``at`` events, default: all)."""
        return capi.ipart_partnership_view_withheld_at(self._handle(), self._point(at), party)

    def _handle(self) -> Any:
        if self._p is None:
            raise ValueError("the partnership is closed")
        return self._p

    def close(self) -> None:
        """Release the C object now (idempotent)."""
        self._p = None

    def __enter__(self) -> "Partnership":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Partnership):
            return NotImplemented
        return self.dumps() == other.dumps()

    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable

    def __repr__(self) -> str:
        if self._p is None:
            return "<Partnership closed>"
        seen = f" as {self.audience}" if self.audience else ""
        return f"<Partnership {self.profile} {self.stage} events={len(self)}{seen}>"


def _settings_text(settings: Union[str, Dict[str, Any]]) -> str:
    """The eForms settings as JSON text, whether given as text or as a dict."""
    return settings if isinstance(settings, str) else json.dumps(settings)
