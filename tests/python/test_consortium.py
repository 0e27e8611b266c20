"""Consortia and subcontractors through the Python facade (RULES.md R52,
R53): members as parties, acting for the consortium, and seeing what it
sees. The golden case consortium_ostfold.json and the r52_*/r53_*
rejections run in test_partnership.py."""
import pytest

import ipart
from conftest import load_case

EVENTS = load_case("procedure/consortium_ostfold.json")["document"]["events"]


def replay(count=None):
    p = ipart.Partnership("NO")
    for event in EVENTS[:count]:
        p.apply(event)
    return p


def test_members_are_parties_of_their_consortium():
    with replay() as p:
        lead = p.party("glommen")
        assert lead.role is ipart.Role.MEMBER and str(lead.role) == "member"
        assert lead.status == "member" and lead.kind == ""
        assert p.party("op01").status == "partner"


def test_the_lead_acts_for_the_consortium_and_the_log_keeps_it_as_sender():
    with replay() as p:
        final = [i for i, e in enumerate(EVENTS) if e["type"] == "tender_submitted"
                 and e["actor"] == "glommen"]
        assert len(final) == 1 and p.event(final[0])["actor"] == "glommen"
        assert p.partner("op01").original == ipart.Money("2400000.00", "NOK")


def test_a_member_sees_and_holds_what_its_consortium_does():
    with replay() as p:
        member = p.view("pasientrad")
        group = p.view("op01")
        assert member["party"] == "pasientrad"
        assert member["events"] == group["events"] and member["withheld"] == group["withheld"]
        held = p.rights("pasientrad", "op01.foreground")
        assert held._replace(party="op01") == p.rights("op01", "op01.foreground")
        assert held.owns
        other = p.view("op02")
        assert len(other["events"]) < len(group["events"])


def test_a_member_without_authority_changes_nothing():
    index = [i for i, e in enumerate(EVENTS) if e["actor"] == "glommen"][0]
    with replay(index) as p:
        before = p.dumps()
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(dict(EVENTS[index], actor="ostfold-sensor"))
        assert e.value.rule == "R52" and e.value.path == "$.actor"
        assert p.dumps() == before
