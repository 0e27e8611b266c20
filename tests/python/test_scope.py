"""Party-scoped access (R19, R37): ``p.as_party(party)`` answers every query
with what that party may see - on every golden procedure, for every party.
The same property as tests/c/test_scope.c and ScopeTest.java."""
import json
import pathlib
import re

import pytest

import ipart
from conftest import CASES, load_case

PROCEDURES = sorted(p.name for p in (CASES / "procedure").glob("*.json")
                    if p.name != "rejections.json")


def procedure(name):
    return ipart.Partnership.loads(load_case("procedure/" + name)["document"])


def names_other(text, operators, party):
    """The other operators a JSON text names ("op08", "op08.foreground")."""
    return {o for o in operators if o != party and re.search(f'"{re.escape(o)}[".]', text)}


def check_rows(p, s, mine):
    """`mine`: the party's own ids (a consortium and its members, R52)."""
    assert all(t.id in mine for t in s.tenderers)
    assert [t for t in p.tenderers if t.id in mine] == s.tenderers
    own_rank = [r for r in (p.ranking or []) if r.tenderer in mine]
    assert (s.ranking or []) == own_rank
    assert all(c.scope == "partner" and c.partner in mine for c in s.caps)
    assert all(pay.partner in mine for pay in s.forecast.payments)
    assert s.warnings == []


def check_contracts(p, s, party, operators):
    for other in operators:
        try:
            full = p.partner(other)
        except ipart.NotFoundError:
            continue
        if other == party:
            assert s.partner(party) == full
            assert s.partner_phases(party) == p.partner_phases(party)
        else:
            with pytest.raises(ipart.PermissionDeniedError) as e:
                s.partner(other)
            assert e.value.rule == "R19"


def check_log(p, s, party):
    shown = {entry["index"]: entry["event"] for entry in p.view(party)["events"]}
    assert len(s) == len(p)
    for index in range(len(p)):
        if index in shown:
            assert s.event(index) == shown[index]
        else:
            with pytest.raises(ipart.PermissionDeniedError):
                s.event(index)


def check_refusals(s, party, operators):
    for call in (s.dumps, lambda: s.timeline_svg("en"),
                 lambda: s.apply({"type": "note_recorded"}),
                 lambda: s.apply_all("[]"), lambda: s.apply_all([{"type": "note_recorded"}])):
        with pytest.raises(ipart.PermissionDeniedError):
            call()
    for other in operators - {party}:
        with pytest.raises(ipart.PermissionDeniedError):
            s.actions(other)
        with pytest.raises(ipart.PermissionDeniedError):
            s.as_party(other)


def consortia(p):
    """Each consortium member's consortium (R52: it sees what the consortium sees)."""
    return {m["id"]: e["operator"]["id"] for e in p.events if e["type"] == "participation_requested"
            for m in e["operator"].get("members", [])}


@pytest.mark.parametrize("name", PROCEDURES)
def test_every_query_of_every_party_answers_only_what_its_view_shows(name):
    p = procedure(name)
    operators = {x.id for x in p.parties if x.role == ipart.Role.OPERATOR}
    groups = consortia(p)
    checked = 0
    for party in p.parties:
        s = p.as_party(party.id)
        assert s.audience == party.id
        if party.role == ipart.Role.AUTHORITY:
            assert s.dumps() == p.dumps() and s.what_if([]) == p.what_if([])
            assert s.caps == p.caps and s.warnings == p.warnings
            continue
        me = groups.get(party.id, party.id)
        check_rows(p, s, {me} | {m for m, g in groups.items() if g == me})
        check_contracts(p, s, me, operators)
        check_log(p, s, party.id)
        check_refusals(s, me, operators)
        assert all(x.status == "awarded" for x in s.parties
                   if x.role == ipart.Role.OPERATOR and x.id != me)
        report = json.dumps(s.what_if([]))
        assert not names_other(report, operators, me), report
        checked += 1
    assert checked >= 3


def test_a_refused_what_if_quotes_no_other_figure():
    kase = load_case("procedure/stavanger.json")
    p = ipart.Partnership.loads({**kase["document"], "events": kase["document"]["events"][:117]})
    over = dict(kase["document"]["events"][117], amount="600000.00")
    assert "at most 592500.00" in p.what_if([over])["refused"]["message"]
    for party in ("op08", "op11", "baerum"):
        report = p.as_party(party).what_if([over])
        assert report["refused"]["code"] == "IPART_EPERM" and report["refused"]["rule"] == "R19"
        assert "592500" not in json.dumps(report)


def test_a_scoped_copy_is_read_only_and_only_narrows():
    p = procedure("stavanger.json")
    assert p.audience == ""
    with pytest.raises(ipart.NotFoundError):
        p.as_party("oslo")
    op05 = p.as_party("stavanger").as_party("op05")
    assert op05.clone().audience == "op05" and "as op05" in repr(op05)
    assert op05.rights("op05", "op05.foreground") == p.rights("op05", "op05.foreground")
    with pytest.raises(ipart.PermissionDeniedError):
        op05.rights("op05", "op08.foreground")
    follower = p.as_party("baerum")
    assert follower.tenderers == [] and follower.caps == [] and follower.ranking in (None, [])
    assert follower.rights("baerum", "op05.foreground") == p.rights("baerum", "op05.foreground")


def test_the_example_of_doc_scope_runs():
    page = pathlib.Path(__file__).resolve().parents[2] / "doc" / "scope.md"
    example = re.search(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    exec(example.group(1), {"p": procedure("stavanger.json"), "ipart": ipart})
