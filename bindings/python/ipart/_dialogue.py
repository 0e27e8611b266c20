"""The need mapping and market dialogue report (include/ipart/dialogue.h):
who took part, what was told to whom and what was shared with all (R50)."""
import datetime
import json
from typing import Any, Callable, Dict, List, NamedTuple, Optional, TypeVar

from . import capi
from ._dates import _py_date


class NeedFacet(NamedTuple):
    """One facet of a need mapping (ipart_need_facet); ``described`` when
    the need description rests on its mapping (R1)."""
    mapping: str
    date: datetime.date
    facet: str
    finding: str
    evidence: int
    consulted: int
    described: bool


class DialogueActivity(NamedTuple):
    """One activity of the market dialogue (ipart_dialogue_activity);
    ``unshared`` counts its information still to be shared with all (R50)."""
    event: int
    activity: str
    kind: str
    date: datetime.date
    title: Optional[str]
    summary: str
    supplier: Optional[str]
    attendance: Optional[int]
    information: int
    unshared: int


class DialogueContact(NamedTuple):
    """Who took part in an activity (ipart_dialogue_contact): a supplier or
    a party; ``sme`` None when not stated (and for parties); ``applied`` when
    the supplier later applied under the same id (R50: flag it for the
    assessment)."""
    activity: str
    id: str
    name: str
    role: str
    kind: Optional[str]
    sme: Optional[bool]
    applied: bool


class DialogueInformation(NamedTuple):
    """An item of information the authority gave (ipart_dialogue_information)."""
    id: str
    activity: str
    text: str
    given_to: Optional[str]
    must_share: bool
    shared_on: Optional[datetime.date]
    channel: Optional[str]


class DialoguePair(NamedTuple):
    """A pairing of a matchmaking (ipart_dialogue_pair): ``smes`` and
    ``knowledge_institutions`` as ids."""
    activity: str
    authority: str
    purpose: str
    matched_by: Optional[str]
    smes: List[str]
    knowledge_institutions: List[str]


_Row = TypeVar("_Row")


def _rows(handle: Any, count: Callable[[Any], int], at: Callable[[Any, Any, int], Any],
          struct: Callable[[], Any], make: Callable[[Any], _Row]) -> List[_Row]:
    out: List[_Row] = []
    for i in range(count(handle)):
        row = struct()
        at(row, handle, i)
        out.append(make(row))
    return out


def need_facets(handle: Any) -> List[NeedFacet]:
    return _rows(handle, capi.ipart_partnership_need_facet_count,
                 capi.ipart_partnership_need_facet_at, capi.ipart_need_facet,
                 lambda f: NeedFacet(f.mapping, _py_date(f.date), f.facet, f.finding, f.evidence,
                                     f.consulted, bool(f.described)))


def activities(handle: Any) -> List[DialogueActivity]:
    return _rows(handle, capi.ipart_partnership_dialogue_count,
                 capi.ipart_partnership_dialogue_at, capi.ipart_dialogue_activity,
                 lambda a: DialogueActivity(a.event, a.activity, a.kind, _py_date(a.date),
                                            a.title or None, a.summary, a.supplier or None,
                                            a.attendance if a.attendance >= 0 else None,
                                            a.information, a.unshared))


def contacts(handle: Any) -> List[DialogueContact]:
    return _rows(handle, capi.ipart_partnership_dialogue_contact_count,
                 capi.ipart_partnership_dialogue_contact_at, capi.ipart_dialogue_contact,
                 lambda c: DialogueContact(c.activity, c.id, c.name, c.role, c.kind or None,
                                           None if c.sme < 0 else bool(c.sme),
                                           bool(c.applied)))


def information(handle: Any) -> List[DialogueInformation]:
    return _rows(handle, capi.ipart_partnership_dialogue_information_count,
                 capi.ipart_partnership_dialogue_information_at,
                 capi.ipart_dialogue_information,
                 lambda n: DialogueInformation(n.id, n.activity, n.text, n.given_to or None,
                                               bool(n.must_share),
                                               _py_date(n.shared_on) if n.shared else None,
                                               n.channel or None))


def _members(handle: Any, pair: int, which: int, count: int) -> List[str]:
    out: List[str] = []
    for i in range(count):
        m = capi.ipart_dialogue_member()
        capi.ipart_partnership_dialogue_pair_member(m, handle, pair, which, i)
        out.append(m.id)
    return out


def pairs(handle: Any) -> List[DialoguePair]:
    out: List[DialoguePair] = []
    for i in range(capi.ipart_partnership_dialogue_pair_count(handle)):
        r = capi.ipart_dialogue_pair()
        capi.ipart_partnership_dialogue_pair_at(r, handle, i)
        out.append(DialoguePair(r.activity, r.authority, r.purpose, r.matched_by or None,
                                _members(handle, i, 0, r.smes),
                                _members(handle, i, 1, r.knowledge_institutions)))
    return out


def report(handle: Any) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(capi.ipart_partnership_dialogue_json(handle))
    return data
