"""Joint contracting authorities through the Python facade (RULES.md R51,
doc/joint.md): the budget views of joint_klimagrunn.json and the query's
errors. The golden case itself and the r51_* rejections run in
test_partnership.py."""
import pytest

import ipart
from conftest import load_case
from test_partnership import replay


def test_the_members_parts_add_up_to_the_contracts():
    with replay("joint_klimagrunn.json") as p:
        views = p.authority_budgets
        assert [v.authority for v in views] == ["vegvesen", "statsbygg", "nye-veier"]
        assert [v.lead for v in views] == [True, False, False]
        assert sum(v.share for v in views) == sum(v.risk_share for v in views) == 10000
        committed = sum((v.committed for v in views), ipart.Money("0.00", "NOK"))
        values = sum((p.partner(o).value for o in ("op05", "op08", "op11")),
                     ipart.Money("0.00", "NOK"))
        assert committed == values
        paid = sum((v.paid for v in views), ipart.Money("0.00", "NOK"))
        assert paid == sum((p.partner(o).paid for o in ("op05", "op08", "op11")),
                           ipart.Money("0.00", "NOK"))
        nye = p.authority_budget("nye-veier")
        assert nye.own_cap and nye.cap == ipart.Money("2350000.00", "NOK")
        assert nye.headroom == nye.cap - nye.committed


def test_a_member_pays_only_its_share():
    case = load_case("procedure/joint_klimagrunn.json")
    events = case["document"]["events"]
    with replay("joint_klimagrunn.json", 102) as p:
        before = p.dumps()
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(dict(events[103], amount="237000.01"))
        assert e.value.rule == "R51" and e.value.path == "$.amount"
        assert p.dumps() == before
        p.apply(events[103])  # Statsbygg's 237 000.00 is its exact share
        assert p.authority_budget("statsbygg").paid == ipart.Money("237000.00", "NOK")


def test_the_budget_query_names_what_it_cannot_answer():
    with replay("joint_klimagrunn.json") as p:
        with pytest.raises(ipart.NotFoundError):
            p.authority_budget("baerum")  # a follower is not a member of the buyer
    with replay("stavanger.json") as p:
        assert p.authority_budgets == []
        with pytest.raises(ipart.NotFoundError):
            p.authority_budget("stavanger")


# ---- external funding (doc/funding.md) ------------------------------------------------------

def nok(amount):
    return ipart.Money(amount, "NOK")


def test_funding_is_reported_beside_the_caps():
    with replay("funding_innovasjon_norge.json") as p, replay("no_without_reduction.json") as plain:
        grant, hso = p.funding
        assert (grant.source, grant.funder, grant.funder_org_no) == (
            "in-2018", "Innovasjon Norge", "986399445")
        assert grant.pays_for == ("rnd", "prototype") and grant.granted_to is None
        assert grant.valid_until.isoformat() == "2020-03-31"
        assert grant.drawn == grant.amount == nok("1500000.00") and grant.remaining == nok("0.00")
        assert hso.pays_for == ("test_pilot",) and hso.valid_until is None
        assert p.funding_source("hso-innovasjon") == hso
        assert [(c.committed, c.paid, c.headroom) for c in p.caps] == [
            (c.committed, c.paid, c.headroom) for c in plain.caps]
    with replay("stavanger.json") as p:
        assert p.funding == []
        with pytest.raises(ipart.NotFoundError):
            p.funding_source("in-2018")


def test_a_grant_pays_what_it_may_and_no_more():
    events = load_case("procedure/funding_innovasjon_norge.json")["document"]["events"]
    with replay("funding_innovasjon_norge.json", 45) as p:
        before = p.dumps()
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(dict(events[45], amount="300000.01"))
        assert (e.value.rule, e.value.path) == ("R33", "$.amount")
        assert "300000.00" in str(e.value)
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(dict(events[45], funded_by="hso-innovasjon"))
        assert (e.value.rule, e.value.path) == ("R33", "$.funded_by")
        assert p.dumps() == before
        p.apply(events[45])
        assert p.funding_source("in-2018").remaining == nok("0.00")


def test_the_funding_examples_of_events_md_are_the_golden_cases_events():
    import json
    import pathlib
    import re
    text = (pathlib.Path(__file__).resolve().parents[2] / "doc" / "events.md").read_text(
        encoding="utf-8")
    section = text[text.index("### `funding_granted`"):]
    section = section[:section.index("\n### ")]
    examples = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", section, re.S)]
    events = load_case("procedure/funding_innovasjon_norge.json")["document"]["events"]
    assert len(examples) == 2
    for example in examples:
        assert {k: v for k, v in next(e for e in events if e["date"] == example["date"] and
                                      e["type"] == example["type"]).items()
                if k in example} == example


SUCCEEDED = {"type": "authority_succeeded", "date": "2017-10-17", "actor": "vegvesen",
             "predecessor": "statsbygg", "kind": "merger", "effective": "2018-01-01",
             "successor": {"id": "statsbygg-ny", "name": "Statsbygg (ny)",
                           "kind": "central_government"},
             "takes_over": "rettigheter og plikter", "basis": "kongelig resolusjon"}


def assessed_by(actor):
    return {"type": "candidate_assessed", "date": "2017-10-18", "actor": actor,
            "candidate": "op01", "qualified": True, "reason": "Oppfyller kravene."}


def test_a_joint_authority_taken_over_is_held_to_its_may_send_until_it_goes():
    with replay("joint_klimagrunn.json", 35) as p:
        p.apply(SUCCEEDED)
        before = p.dumps()
        with pytest.raises(ipart.RuleViolationError) as e:
            p.apply(assessed_by("statsbygg"))
        assert e.value.rule == "R51" and e.value.key == "joint.may_send"
        assert p.dumps() == before
        p.apply(assessed_by("vegvesen"))


def group_events():
    """Sykehuset Telemark HF buys; Helse Sør-Øst RHF, a follower, is the parent
    of two more of its trusts (R54)."""
    def follower(fid, name, kind, parent=None):
        party = {"id": fid, "name": name, "kind": kind}
        if parent:
            party["parent"] = parent
        return {"type": "follower_named", "date": "2018-03-01", "actor": "telemark",
                "follower": party}
    return [{"type": "partnership_created", "date": "2018-03-01", "actor": "telemark",
             "authority": {"id": "telemark", "name": "Sykehuset Telemark HF",
                           "kind": "hospital_trust"}, "title": "T", "currency": "NOK"},
            follower("hso", "Helse Sør-Øst RHF", "regional_health_authority"),
            follower("ostfold", "Sykehuset Østfold HF", "hospital_trust", "hso"),
            follower("vestfold", "Sykehuset i Vestfold HF", "hospital_trust", "hso")]


def test_a_parent_sees_its_entities_and_an_entity_only_itself():
    with ipart.Partnership("NO") as p:
        for event in group_events():
            p.apply(event)
        assert [(x.id, x.kind, x.parent) for x in p.parties] == [
            ("telemark", "hospital_trust", ""), ("hso", "regional_health_authority", ""),
            ("ostfold", "hospital_trust", "hso"), ("vestfold", "hospital_trust", "hso")]
        with p.as_party("hso") as hso, p.as_party("vestfold") as vestfold:
            assert hso.actions("ostfold") and hso.actions("vestfold")
            assert vestfold.actions("vestfold")
            for other in ("ostfold", "hso"):
                with pytest.raises(ipart.PermissionDeniedError):
                    vestfold.actions(other)
