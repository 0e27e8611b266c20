"""Typed events (ipart.Event, Partnership.apply_event): the same log, saved
bytes and errors as the same events applied as JSON, over golden cases."""
import datetime

import pytest

import ipart
from conftest import load_case, status_class
from typed_values import typed_values


def build(p: ipart.Partnership, json_event: dict) -> ipart.Event:
    event = ipart.Event(json_event["type"])
    return event.update(typed_values(p, event, "", json_event))


@pytest.mark.parametrize("name", ["stavanger.json", "se_negotiated.json",
                                  "consortium_ostfold.json"])
def test_golden_events_built_give_the_same_saved_bytes(name):
    doc = load_case(f"procedure/{name}")["document"]
    by_json, by_event = ipart.Partnership(doc["profile"]), ipart.Partnership(doc["profile"])
    for event in doc["events"]:
        by_json.apply(event)
        by_event.apply_event(build(by_event, event))
    assert by_event.dumps() == by_json.dumps()
    assert len(by_event) == len(doc["events"])
    assert ipart.Partnership.loads(by_event.dumps()).dumps() == by_event.dumps()


def test_apply_events_takes_dicts_of_typed_values():
    doc = load_case("procedure/stavanger.json")["document"]
    by_json, by_event = ipart.Partnership(doc["profile"]), ipart.Partnership(doc["profile"])
    by_json.apply_all(doc["events"][:40])
    probe = ipart.Partnership(doc["profile"])
    values = []
    for event in doc["events"][:40]:
        typed = typed_values(probe, build(probe, event), "", event)
        values.append({"type": event["type"], **typed})
        probe.apply(event)
    assert by_event.apply_events(values) == 40
    assert by_event.dumps() == by_json.dumps()


@pytest.mark.parametrize("case", ["r1_market_check_not_done", "value_score_above_scale"])
def test_rejections_give_the_same_error_and_change_nothing(case):
    kase = next(c for c in load_case("procedure/rejections.json") if c["name"] == case)
    doc = load_case(f"procedure/{kase['base']}")["document"]
    p = ipart.Partnership(doc["profile"])
    p.apply_all(doc["events"][:kase["prefix"]])
    before = p.dumps()
    with pytest.raises(status_class(kase["code"])) as by_json:
        p.apply(kase["event"])
    with pytest.raises(status_class(kase["code"])) as by_event:
        p.apply_event(build(p, kase["event"]))
    for attribute in ("code", "rule", "path", "key", "message"):
        assert getattr(by_event.value, attribute) == getattr(by_json.value, attribute)
    assert p.dumps() == before


def test_a_refused_value_names_the_json_path_and_changes_nothing():
    event = ipart.Event("candidate_assessed", candidate="op01")
    with pytest.raises(ipart.InvalidArgumentError) as e:
        event.set("candidate", "not an id")
    assert e.value.path == "$.candidate"
    assert e.value.key == "document.id.syntax"
    with pytest.raises(ipart.InvalidArgumentError) as e:
        event.set("qualified", "yes")
    assert e.value.message == "$.qualified: expected true or false, got a string"
    with pytest.raises(ipart.InvalidArgumentError) as e:
        event.set("date", datetime.date(2017, 2, 28)).set("candidat", "op01")
    assert "did you mean 'candidate'" in e.value.message
    p = ipart.Partnership("NO")
    with pytest.raises(ipart.InvalidArgumentError) as e:
        p.apply_event(event)  # actor, qualified and reason are missing
    assert e.value.path == "$.actor"
    with pytest.raises(TypeError):
        event.set("reason", 1.5)
    assert event.kind("candidate") == ipart.FieldKind.ID
    assert event.type == "candidate_assessed"
