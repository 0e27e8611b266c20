"""The procedure through the Python facade, driven by the golden cases of
tests/cases/procedure and tests/cases/documents (the same the C and Java
tests run)."""
import copy
import io
import json
import pathlib

import pytest

import ipart
from conftest import CASES, load_case, status_class

# Every golden procedure of tests/cases/procedure (a new file is tested
# without touching this module).
VALID = sorted(p.name for p in (CASES / "procedure").glob("*.json") if p.name != "rejections.json")
REJECTIONS = load_case("procedure/rejections.json")
INVALID_DOCUMENTS = load_case("documents/invalid.json")


def replay(name, count=None):
    doc = load_case("procedure/" + name)["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"][:count]:
        p.apply(event)
    return p


def test_the_known_procedures_are_among_the_cases():
    assert {"stavanger.json", "no_without_reduction.json", "se_initial_award.json",
            "se_negotiated.json", "dk_procedure.json"} <= set(VALID)


def check_dialogue(p, want):
    """The "dialogue" key of a checkpoint or expectation (tests/cases/README.md)."""
    if "facets" in want:
        assert [[f.mapping, f.facet, f.evidence, f.described] for f in p.need_facets] == \
            want["facets"]
        assert all(f.finding and f.consulted for f in p.need_facets)
    if "activities" in want:
        assert [[a.activity, a.kind, a.supplier, a.unshared] for a in p.dialogue_activities] == \
            want["activities"]
    if "contacts" in want:
        assert len(p.dialogue_contacts) == want["contacts"]
    if "information" in want:
        got = [[n.id, n.given_to, n.must_share, n.shared_on and n.shared_on.isoformat()]
               for n in p.dialogue_information]
        assert got == want["information"]
        assert all(n.channel for n in p.dialogue_information if n.shared_on)
    if "pairs" in want:
        assert [[r.activity, r.authority, r.smes, r.knowledge_institutions]
                for r in p.dialogue_pairs] == want["pairs"]


def check_contract(p, keys):
    """The contract keys of a checkpoint or expectation (tests/cases/README.md)."""
    if "dialogue" in keys:
        check_dialogue(p, keys["dialogue"])
    for partner, want in keys.get("partners", {}).items():
        got = p.partner(partner)._asdict()
        for key, value in want.items():
            assert str(got[key]) == str(value), f"{partner}.{key}"
    rows = {(c.cap, c.partner or ""): c for c in p.caps}
    for want in keys.get("caps", []):
        row = rows[(want["cap"], want.get("partner", ""))]
        for key in ("committed", "paid", "headroom"):
            if key in want:
                assert str(getattr(row, key)) == want[key], f"{want['cap']}.{key}"
    budgets = keys.get("authority_budgets")
    if budgets is not None:
        got = p.authority_budgets
        assert [b.authority for b in got] == [b["authority"] for b in budgets]
        for row, want in zip(got, budgets):
            assert p.authority_budget(row.authority) == row
            for key, value in want.items():
                assert str(getattr(row, key)) == str(value), f"{row.authority}.{key}"
    sources = keys.get("funding")
    if sources is not None:
        got = p.funding
        assert [f.source for f in got] == [f["source"] for f in sources]
        for row, want in zip(got, sources):
            assert p.funding_source(row.source) == row
            view = row._replace(funder_org_no=row.funder_org_no or "",
                                granted_to=row.granted_to or "", pays_for=" ".join(row.pays_for),
                                valid_until=row.valid_until and row.valid_until.isoformat())
            for key, value in want.items():
                got_value = getattr(view, key)
                assert (got_value if value is None else str(got_value)) == value, \
                    f"{row.source}.{key}"
    if "warnings" in keys:
        got = [(w.event, w.rule) for w in p.warnings]
        assert got == [(w["event"], w["rule"]) for w in keys["warnings"]]
        assert all(w.key and w.message for w in p.warnings)
        assert all(w.message_nb and w.message_nb != w.message for w in p.warnings)
    for party, status in keys.get("statuses", {}).items():
        assert p.party(party).status == status, party
    for party, want in keys.get("kinds", {}).items():
        got = p.party(party)
        assert (got.kind, got.parent) == (want["kind"], want["parent"]), party
    for want in keys.get("actions", []):
        got = next(a for a in p.actions(want["party"]) if a.type == want["type"])
        assert got.allowed == want["allowed"], (want, got.reason)
        if "code" in want:
            assert got.code == want["code"]
        assert got.rule == want.get("rule"), (want, got.reason)
        if got.allowed:
            assert (got.reason, got.reason_nb) == (None, None)
        else:
            assert got.reason_nb and got.reason_nb != got.reason, (want, got.reason)


@pytest.mark.parametrize("name", VALID)
def test_valid_procedure(name):
    case = load_case("procedure/" + name)
    doc = case["document"]
    checkpoints = {cp["after"]: cp for cp in case.get("checkpoints", [])}
    with ipart.Partnership(doc["profile"]) as p:
        for i, event in enumerate(doc["events"], 1):
            p.apply(event)
            cp = checkpoints.get(i)
            if not cp:
                continue
            check_contract(p, cp)
            if "stage" in cp:
                assert str(p.stage) == cp["stage"], f"after {i} events"
            if "party_count" in cp:
                assert len(p.parties) == cp["party_count"]
            if "next_due" in cp:
                due = p.next_due
                if cp["next_due"] is None:
                    assert due is None
                else:
                    assert (due.kind, due.date.isoformat()) == \
                        (cp["next_due"]["kind"], cp["next_due"]["date"])
                    if "event_type" in cp["next_due"]:
                        assert due.event_type == cp["next_due"]["event_type"]
        expect = case.get("expect", {})
        check_contract(p, expect)
        if "stage" in expect:
            assert str(p.stage) == expect["stage"]
        if "event_count" in expect:
            assert len(p) == expect["event_count"]
        if "awarded_sum" in expect:
            assert p.awarded_sum == ipart.Money(expect["awarded_sum"], p.currency)
        if "estimated_value" in expect:
            verdict = p.threshold
            assert str(verdict.estimated_value) == expect["estimated_value"]
            assert str(verdict.threshold) == expect["threshold"]
            assert verdict.above == expect["above_threshold"]
        if "ranking" in expect:
            got = [(r.tenderer, r.rank, str(r.points)) for r in p.ranking]
            assert got == [(r["tenderer"], r["rank"], r.get("total", g[2]))
                           for r, g in zip(expect["ranking"], got)]
        # Canonical round trip, and the original text loads to the same document.
        saved = p.dumps()
        assert ipart.Partnership.loads(saved).dumps() == saved
        assert ipart.Partnership.loads(doc).dumps() == saved
        assert ipart.Partnership.load(io.StringIO(json.dumps(doc))).dumps() == saved


@pytest.mark.parametrize("case", REJECTIONS, ids=lambda c: c["name"])
def test_rejection_names_its_rule_and_changes_nothing(case):
    p = replay(case["base"], case["prefix"])
    before, count, stage = p.dumps(), len(p), p.stage
    event = case.get("event_text", case.get("event"))
    with pytest.raises(status_class(case["code"])) as info:
        p.apply(event)
    e = info.value
    assert e.name == case["code"] and e.message
    if case.get("rule"):
        assert e.rule == case["rule"], e.message
    if e.code == ipart.Status.ERULE:
        assert e.source, f"{case['name']}: rule {e.rule} has no legal source (rules/profile.c)"
    if case.get("path"):
        assert e.path == case["path"]
    for figure in case.get("message_contains", []):
        assert figure in e.message, f"{case['name']}: {figure!r} not in {e.message!r}"
    # Each golden refusal reads in Norwegian; other languages get English.
    assert e.message_in("nb") != e.message, f"no Norwegian text for {e.key}: {e.message}"
    assert e.message_in("en") == e.message_in("sv") == e.message
    assert (p.dumps(), len(p), p.stage) == (before, count, stage)


@pytest.mark.parametrize("case", [c for c in REJECTIONS if "event_text" not in c and c.get("path")],
                         ids=lambda c: c["name"])
def test_a_refused_event_of_a_document_is_named_by_its_place(case):
    """Loading names the refused event by its index, whichever guard refuses it."""
    doc = load_case("procedure/" + case["base"])["document"]
    doc["events"] = doc["events"][:case["prefix"]] + [case["event"]]
    with pytest.raises(status_class(case["code"])) as info:
        ipart.Partnership.loads(doc)
    assert info.value.path == f"$.events[{case['prefix']}]" + case["path"][1:]


@pytest.mark.parametrize("case", INVALID_DOCUMENTS, ids=lambda c: c["name"])
def test_invalid_document(case):
    with pytest.raises(status_class(case["code"])) as info:
        ipart.Partnership.loads(case["text"])
    if case.get("path"):
        assert info.value.path == case["path"]


def test_clone_is_independent():
    doc = load_case("procedure/stavanger.json")["document"]
    p = replay("stavanger.json", 30)
    q = copy.copy(p)
    assert q == p and q is not p
    q.apply(doc["events"][30])
    assert len(q) == len(p) + 1 and q != p


def test_events_iterate_as_canonical_dicts():
    p = replay("stavanger.json", 12)
    events = list(p)
    assert len(events) == 12 == len(p.events)
    assert events[0]["type"] == "partnership_created" and p.event(-1) == events[-1]
    assert list(events[9])[:3] == ["type", "date", "actor"]


def test_queries():
    p = replay("stavanger.json", 92)  # the procedure, up to the last contract signed
    assert p.profile == "NO" and p.currency == "NOK" and p.stage is ipart.Stage.DEVELOPMENT
    authority = p.parties[0]
    assert authority.role is ipart.Role.AUTHORITY and authority.kind == "sub_central"
    followers = [x.id for x in p.parties if x.role is ipart.Role.FOLLOWER]
    assert len(followers) == 3
    partners = [t.id for t in p.tenderers if t.status == "partner"]
    assert len(partners) == 3 and len(p.tenderers) == 22
    assert p.party(partners[0]).status == "partner"
    assert p.budget_cap == ipart.Money("12000000.00", "NOK")
    assert p.awarded_sum <= p.budget_cap
    assert p.next_due is None
    allowed = {a.type: a for a in p.actions(authority.id)}
    schema = json.loads((pathlib.Path(__file__).resolve().parents[2] / "doc" / "schema" /
                         "ipart-document.schema.json").read_text(encoding="utf-8"))
    assert len(allowed) == len(schema["$defs"]["event"]["properties"]["type"]["enum"])
    assert allowed["note_recorded"].allowed
    assert allowed["negotiation_held"].allowed is False and allowed["negotiation_held"].code


def test_actions_name_the_blocking_rule():
    doc = load_case("procedure/stavanger.json")["document"]
    upto = next(i for i, e in enumerate(doc["events"]) if e["type"] == "final_tenders_called") + 1
    p = replay("stavanger.json", upto)
    negotiation = next(a for a in p.actions("stavanger") if a.type == "negotiation_held")
    assert (negotiation.allowed, negotiation.rule) == (False, "R14")
    assert p.next_due.kind == "final_tender_deadline"


def test_an_expired_option_is_refused_in_the_actions_with_its_date():
    p = replay("stavanger.json", 123)
    assert next(a for a in p.actions("kristiansand") if a.type == "option_exercised").rule == "R33"
    p.apply({"type": "note_recorded", "date": "2022-01-03", "actor": "stavanger",
             "text": "Opsjonen er utløpt."})
    option = next(a for a in p.actions("kristiansand") if a.type == "option_exercised")
    assert (option.allowed, option.code, option.rule) == (False, "IPART_ERULE", "R28")
    assert "2021-12-31" in option.reason
    # the same refusal in Norwegian: the same rule and date, another text (issue #15)
    assert "2021-12-31" in option.reason_nb and "(R28)" in option.reason_nb
    assert option.reason_nb != option.reason
    assert option.reason_in("nb") == option.reason_nb
    assert option.reason_in("en") == option.reason_in("sv") == option.reason_in(None) \
        == option.reason
    allowed = next(a for a in p.actions("stavanger") if a.allowed)
    assert (allowed.reason, allowed.reason_nb, allowed.reason_in("nb")) == (None, None, None)


def test_an_event_30_years_after_the_previous_is_accepted():
    p = replay("stavanger.json", 98)  # the last event is dated 2018-06-15
    p.apply({"type": "note_recorded", "date": "2048-06-15", "actor": "stavanger", "text": "Arkivert."})
    with pytest.raises(ipart.OutOfRangeError) as info:
        p.apply({"type": "note_recorded", "date": "2078-06-16", "actor": "stavanger", "text": "Arkivert."})
    assert info.value.key == "event.date.implausible" and "2078-06-15" in info.value.message


def test_closed_partnership_refuses_use():
    p = ipart.Partnership("NO")
    p.close()
    p.close()  # idempotent
    with pytest.raises(ValueError):
        len(p)
    assert repr(p) == "<Partnership closed>"


def test_bad_input_is_an_error_not_a_crash():
    p = ipart.Partnership("NO")
    with pytest.raises(ipart.ParseError):
        p.apply("{not json")
    with pytest.raises(ipart.InvalidArgumentError):
        p.apply({"type": "no_such_event", "date": "2017-01-01", "actor": "a"})
    with pytest.raises(ipart.InvalidArgumentError):
        ipart.Partnership("XX")
    with pytest.raises((ipart.MisuseError, TypeError)):
        p.apply(None)
    assert len(p) == 0


def test_ties_are_reported_not_broken():
    """op11's final tender made equal to op08's: both share rank 2, flagged tied."""
    doc = load_case("procedure/stavanger.json")["document"]
    events = doc["events"]
    assert events[85]["actor"] == "op11"
    events[85]["tender"]["price"] = "11600000.00"
    for score in events[87]["scores"]:
        if score["tenderer"] == "op11":
            score["score"] = 8
    p = ipart.Partnership(doc["profile"])
    for event in events[:87]:
        p.apply(event)
    assert p.ranking is None  # no evaluation yet
    p.apply(events[87])
    ranks = [(r.rank, r.tied) for r in p.ranking]
    assert ranks == [(1, False), (2, True), (2, True), (4, False)]
    assert p.ranking[1].points == p.ranking[2].points


THRESHOLDS = load_case("rules/thresholds.json")


def threshold_document(case):
    """The document of a threshold case (tests/cases/README.md, rules/thresholds.json)."""
    events = copy.deepcopy(THRESHOLDS["template"])
    for event in events:
        event["date"] = case["date"]
    events[0]["currency"] = case["currency"]
    events[0]["authority"]["kind"] = case["authority_kind"]
    events[1]["contract_type"] = case["contract_type"]
    return {"format": "ipart-document", "version": 1, "profile": case["profile"],
            "events": events}


@pytest.mark.parametrize("case", THRESHOLDS["cases"],
                         ids=lambda c: f"{c['profile']}-{c['date']}-{c['authority_kind']}")
def test_threshold_at_each_boundary(case):
    p = ipart.Partnership.loads(threshold_document(case))
    if "error" in case:
        with pytest.raises(status_class(case["error"])):
            p.threshold
        return
    verdict = p.threshold
    assert str(verdict.threshold) == case["threshold"]
    assert verdict.threshold.currency == case["currency"]
    assert verdict.valid_from.isoformat() == case["valid_from"]
# R41 (the procurement record) has no guard of its own: the append-only log is
# the record. Every event of every golden procedure is a protocol entry with its
# type, date and actor, and every discretionary decision keeps its reason (R42).
DECISIONS = {"candidate_assessed", "candidates_invited", "documents_changed", "tenders_reduced",
             "tenders_evaluated", "award_decided", "procedure_cancelled"}


@pytest.mark.parametrize("name", VALID)
def test_r41_every_event_is_a_protocol_entry(name):
    doc = load_case("procedure/" + name)["document"]
    p = replay(name)
    assert len(p) == len(doc["events"])
    for i, entry in enumerate(p.events):
        assert {"type", "date", "actor"} <= set(entry), f"event {i}"
        assert (entry["type"], entry["date"], entry["actor"]) == (
            doc["events"][i]["type"], doc["events"][i]["date"], doc["events"][i]["actor"])
        if entry["type"] in DECISIONS:
            assert entry["reason"].strip(), f"event {i} ({entry['type']}) keeps no reason"


def test_dialogue_report_says_who_took_part_and_what_was_shared():
    before = replay("troms_finnmark_dialogue.json", 12)
    assert before.dialogue_report()["unshared"] == 1
    assert [a.unshared for a in before.dialogue_activities if a.activity == "d3"] == [1]
    p = replay("troms_finnmark_dialogue.json")
    report = p.dialogue_report()
    assert report["format"] == "ipart-dialogue" and report["unshared"] == 0
    assert report["authority"]["id"] == "troms"  # the successor since the split
    d3 = next(a for a in report["activities"] if a["activity"] == "d3")
    assert d3["supplier"] == "arctic" and d3["information"][0]["shared_on"] == "2021-02-24"
    budget = next(n for n in p.dialogue_information if n.id == "d3-budget")
    assert (budget.given_to, budget.must_share, budget.shared_on.isoformat()) == \
        ("arctic", True, "2021-02-24")
    uit = [c for c in p.dialogue_contacts if c.activity == "d6" and c.id == "uit"]
    assert [(c.role, c.kind, c.sme) for c in uit] == [("participant", "knowledge_institution",
                                                        None)]
    assert [c.sme for c in p.dialogue_contacts if c.activity == "d2"][:3] == [True, True, False]
    # R50: the suppliers that took part in the preparation and applied later
    assert {c.id for c in p.dialogue_contacts if c.applied} == {"arctic", "bigco", "nordlys"}
    assert not any(c.applied for c in before.dialogue_contacts)
    webinar = p.dialogue_activities[0]
    assert (webinar.kind, webinar.attendance, webinar.date.isoformat()) == \
        ("webinar", 64, "2021-01-08")
    pair = p.dialogue_pairs[0]
    assert (pair.matched_by, pair.smes) == ("lup", ["arctic", "nordlys"])
    with pytest.raises(ipart.StateError):
        ipart.Partnership("NO").dialogue_report()


def test_need_facets_link_the_mapping_to_the_need_description():
    p = replay("dk_need_mapping.json")
    assert {f.facet for f in p.need_facets} >= {"technology", "strategy", "organisation",
                                                 "business_development", "market"}
    assert all(f.described and f.consulted == 4 for f in p.need_facets)
    assert p.dialogue_report()["need_mapping"] == "nm1"
    assert str(p.party("welfaretech").role) == "participant"
    assert p.party("welfaretech").kind == "innovation_agent"
# ---- batches (Partnership.apply_all, ipart_partnership_apply_all) ----------------------------

def test_a_batch_applies_like_a_load():
    doc = load_case("procedure/stavanger.json")["document"]
    loaded = ipart.Partnership.loads(doc)
    for events in (doc["events"], json.dumps(doc["events"]),
                   [json.dumps(e) for e in doc["events"]]):
        p = ipart.Partnership(doc["profile"])
        p.apply_all(events)
        assert p.dumps() == loaded.dumps()


def test_a_batch_stops_at_the_first_refused_event_and_keeps_those_before():
    doc = load_case("procedure/stavanger.json")["document"]
    events = copy.deepcopy(doc["events"])
    events[11]["date"] = "2017-01-01"
    p = ipart.Partnership(doc["profile"])
    with pytest.raises(ipart.StateError) as refused:
        p.apply_all(events)
    assert refused.value.path == "$[11]"
    assert len(p) == 11
    assert p.dumps() == replay("stavanger.json", 11).dumps()


def test_a_batch_that_is_not_an_array_applies_nothing():
    p = replay("stavanger.json", 11)
    before = p.dumps()
    with pytest.raises(ipart.ParseError):
        p.apply_all('[{"type": "note_recorded"},')
    with pytest.raises(ipart.InvalidArgumentError):
        p.apply_all('{"type": "note_recorded"}')
    with pytest.raises(TypeError):
        p.apply_all([42])
    with pytest.raises(json.JSONDecodeError):
        p.apply_all(['{"type": "note_recorded"}, {}'])  # one text, one event
    assert p.dumps() == before
