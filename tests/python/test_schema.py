"""The JSON Schema of documents (doc/schema/ipart-document.schema.json) against
the golden cases of tests/cases/procedure and tests/cases/documents.

- The schema is a valid draft 2020-12 schema.
- The document of every golden procedure case is schema-valid, in date order,
  and its expected ranking, awarded sum and estimated value follow from its
  events by the formula of tests/cases/README.md (computed here in pure Python).
- Every rejection case is consistent with its code: rule, permission, stage
  and id errors are schema-valid events (the library, not the schema, rejects
  them); EINVAL cases say with `schema_valid` whether the schema sees the
  problem; EPARSE cases are not JSON.
- Every invalid document that Python can parse without duplicate keys agrees
  with its `schema_valid`.

Cases come from $IPART_CASES_DIR (default: <repo>/tests/cases).

SPDX-License-Identifier: Apache-2.0
"""
import json
import os
from pathlib import Path

import jsonschema

import ipart
import pytest

REPO = Path(__file__).resolve().parents[2]
CASES = Path(os.environ.get("IPART_CASES_DIR", REPO / "tests" / "cases"))
SCHEMA_PATH = REPO / "doc" / "schema" / "ipart-document.schema.json"
PROCEDURE = CASES / "procedure"
NOT_PROCEDURES = {"rejections.json"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def schema():
    return load(SCHEMA_PATH)


@pytest.fixture(scope="module")
def document_validator(schema):
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def event_validator(schema):
    event_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/event"}
    return jsonschema.Draft202012Validator(event_schema)


def procedure_files():
    return sorted(p.name for p in PROCEDURE.glob("*.json") if p.name not in NOT_PROCEDURES)


def rejection_cases():
    return load(PROCEDURE / "rejections.json")


def invalid_documents():
    return load(CASES / "documents" / "invalid.json")


def errors(validator, instance):
    return sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))


def describe(errs):
    return "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errs[:5])


# ---- the schema itself -------------------------------------------------------

def test_schema_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_has_one_definition_per_event_type(schema):
    types = schema["$defs"]["event"]["properties"]["type"]["enum"]
    # The library lists every event type it knows in actions().
    known = [a.type for a in ipart.Partnership("NO").actions("anyone")]
    assert len(types) == len(set(types)) and types == known
    for t in types:
        definition = schema["$defs"][t]
        assert definition["properties"]["type"] == {"const": t}
        assert definition["additionalProperties"] is False
        assert {"type", "date", "actor"} <= set(definition["required"])


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object" and "allOf" not in node:  # not the type dispatcher
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_every_object_of_the_schema_is_closed(schema):
    objects = list(_objects(schema))
    assert len(objects) > 30
    for obj in objects:
        assert obj.get("additionalProperties") is False, obj


@pytest.mark.parametrize("value, valid", [
    ("2017-10-16", True), ("2016-02-29", True), ("2000-02-29", True), ("2017-02-29", False),
    ("1900-02-29", False), ("2017-09-31", False), ("2017-13-01", False), ("17-10-16", False),
    ("2017-10-16T00:00", False), ("16.10.2017", False)])
def test_date_pattern(event_validator, value, valid):
    event = {"type": "note_recorded", "date": value, "actor": "stavanger", "text": "x"}
    assert event_validator.is_valid(event) is valid


@pytest.mark.parametrize("value, valid", [
    ("12000000.00", True), ("0", True), ("-0.50", True), ("12.5", True), ("1.234", True),
    ("012", False), ("1.", False), ("+1.00", False), ("1 000.00", False), ("1,00", False),
    ("1.2345", False), (1200, False)])
def test_money_pattern(event_validator, value, valid):
    event = {"type": "tender_submitted", "date": "2017-11-20", "actor": "op03",
             "tender": {"kind": "initial", "development_price": "1.00", "price": value}}
    assert event_validator.is_valid(event) is valid


@pytest.mark.parametrize("value, valid", [
    ("op01", True), ("a" * 64, True), ("a" * 65, False), ("", False), ("Bærum", False),
    ("op 01", False), ("sykehuset-ostfold", True), ("x.y_z-1", True)])
def test_id_pattern(event_validator, value, valid):
    event = {"type": "contract_signed", "date": "2018-04-04", "actor": "stavanger", "partner": value}
    assert event_validator.is_valid(event) is valid


# ---- golden procedures ----------------------------------------------------------

def test_there_are_golden_procedures():
    assert {"stavanger.json", "se_initial_award.json", "dk_procedure.json",
            "no_without_reduction.json"} <= set(procedure_files())


@pytest.mark.parametrize("name", procedure_files())
def test_golden_document_is_schema_valid(document_validator, name):
    case = load(PROCEDURE / name)
    errs = errors(document_validator, case["document"])
    assert not errs, describe(errs)


@pytest.mark.parametrize("name", procedure_files())
def test_golden_document_is_in_date_order(name):
    events = load(PROCEDURE / name)["document"]["events"]
    assert events[0]["type"] == "partnership_created"
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)


def minor(text):
    """A canonical 2-decimal money string in minor units (NOK, SEK, DKK)."""
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    value = int(whole) * 100 + int((frac + "00")[:2])
    return -value if negative else value


def money(value):
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"


def expected_ranking(events):
    """The ranking of the last tenders_evaluated, by the README formula."""
    terms, tenders, eliminated, evaluation = None, {}, set(), None
    groups = {}  # a consortium member's tender is its consortium's (R52)
    for e in events:
        if e["type"] == "terms_set":
            terms = e
        elif e["type"] == "participation_requested":
            groups.update({m["id"]: e["operator"]["id"] for m in e["operator"].get("members", [])})
        elif e["type"] == "tender_submitted":
            tenders[groups.get(e["actor"], e["actor"])] = e["tender"]
        elif e["type"] == "tenders_reduced":
            eliminated.update(e["eliminated"])
        elif e["type"] == "tenders_evaluated":
            evaluation = e
            ranked_tenders = {t: v for t, v in tenders.items() if t not in eliminated}
    scale = terms.get("quality_scale", 10)
    scores = {(s["tenderer"], s["criterion"]): s["score"] for s in evaluation["scores"]}
    ranked = [t for t in ranked_tenders if any(k[0] == t for k in scores)]
    lowest = min(minor(ranked_tenders[t]["price"]) for t in ranked)
    rows = []
    for order, t in enumerate(ranked):
        total = 0
        for c in terms["award_criteria"]:
            if c["kind"] == "quality":
                num, den = scores[(t, c["id"])], scale
            else:
                num, den = lowest, minor(ranked_tenders[t]["price"])
            total += (2 * c["weight"] * 10000 * num + den) // (2 * den)  # round half up
        rows.append((-total, order, t, total))
    rows.sort()
    result, previous = [], None
    for i, (_, _, t, total) in enumerate(rows):
        rank = result[-1]["rank"] if previous == total else i + 1
        result.append({"tenderer": t, "rank": rank,
                       "total": f"{total // 10**6}.{total % 10**6:06d}"})
        previous = total
    return result, ranked_tenders


@pytest.mark.parametrize("name", procedure_files())
def test_golden_expectations_follow_from_the_events(name):
    case = load(PROCEDURE / name)
    events = case["document"]["events"]
    expect = case["expect"]
    assert expect["event_count"] == len(events)
    if "ranking" in expect:
        ranking, tenders = expected_ranking(events)
        assert ranking == expect["ranking"]
    if "awarded_sum" in expect:
        award = [e for e in events if e["type"] == "award_decided"][-1]
        total = sum(minor(tenders[p["tenderer"]]["development_price"]) for p in award["partners"])
        assert money(total) == expect["awarded_sum"]
        cap = [e for e in events if e["type"] == "terms_set"][-1]["budget"]["development_cap"]
        assert total <= minor(cap)
    if "estimated_value" in expect:
        budget = [e for e in events if e["type"] == "terms_set"][-1]["budget"]
        value = minor(budget["max_rnd_value"]) + minor(budget["estimated_purchase_value"])
        assert money(value) == expect["estimated_value"]
        assert (value >= minor(expect["threshold"])) is expect["above_threshold"]
    checkpoints = [c["after"] for c in case["checkpoints"]]
    assert checkpoints == sorted(checkpoints) and checkpoints[-1] == len(events)


# ---- rejections -------------------------------------------------------------------

CODES = {"IPART_EINVAL", "IPART_EPARSE", "IPART_ESTATE", "IPART_EPERM", "IPART_ERULE",
         "IPART_ENOTFOUND", "IPART_EEXISTS", "IPART_ECURRENCY", "IPART_ERANGE"}


def test_rejections_cover_the_rules():
    rules = {c["rule"] for c in rejection_cases() if c["rule"]}
    wanted = {"R1", "R3", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14", "R15",
              "R16", "R17", "R18", "R19", "R33", "R36", "R39", "R40", "R42", "R43", "R44", "R46",
              "R47", "R48"}
    assert wanted <= rules
    codes = {c["code"] for c in rejection_cases()}
    assert {"IPART_EPERM", "IPART_ESTATE", "IPART_EEXISTS", "IPART_ENOTFOUND", "IPART_EINVAL",
            "IPART_EPARSE"} <= codes


def test_rejection_names_are_unique():
    names = [c["name"] for c in rejection_cases()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", rejection_cases(), ids=lambda c: c["name"])
def test_rejection_is_consistent_with_its_code(event_validator, case):
    assert case["code"] in CODES
    # A rule violation names its rule; so may a stage refusal that a rule
    # explains (R12: no contract after every partner's); nothing else does.
    if case["code"] == "IPART_ERULE":
        assert case["rule"] is not None
    elif case["code"] != "IPART_ESTATE":
        assert case["rule"] is None
    base = load(PROCEDURE / case["base"])
    assert 0 <= case["prefix"] <= len(base["document"]["events"])
    if "event_text" in case:
        assert "event" not in case
        assert case["code"] == "IPART_EPARSE"
        with pytest.raises(ValueError):
            json.loads(case["event_text"])
        return
    event = case["event"]
    assert isinstance(event, dict)
    errs = errors(event_validator, event)
    if case["code"] == "IPART_EINVAL":
        assert "schema_valid" in case, "an EINVAL case must say whether the schema sees the problem"
    expected_valid = case.get("schema_valid", True)
    if expected_valid:
        assert not errs, describe(errs)
    else:
        assert errs, "the schema accepts an event the case says is malformed"


# ---- invalid documents ------------------------------------------------------------

def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise KeyError("duplicate key")
    return dict(pairs)


@pytest.mark.parametrize("case", invalid_documents(), ids=lambda c: c["name"])
def test_invalid_document_is_consistent_with_its_code(document_validator, case):
    assert case["code"].startswith("IPART_E")
    try:
        document = json.loads(case["text"], object_pairs_hook=_no_duplicates)
    except KeyError:
        assert case["code"] == "IPART_EINVAL"  # a duplicate key is a shape error
        return
    except ValueError:
        assert case["code"] == "IPART_EPARSE"
        return
    assert case["code"] != "IPART_EPARSE"
    assert "schema_valid" in case, "a parseable invalid document must say whether the schema sees the problem"
    errs = errors(document_validator, document)
    if case["schema_valid"]:
        assert not errs, describe(errs)
    else:
        assert errs, "the schema accepts a document the case says is malformed"
