"""Typed events (ipart.Event, Partnership.apply_event): the same log, saved
bytes and errors as the same events applied as JSON, over golden cases."""
import copy
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


# ---- batches (Partnership.apply_events, ipart_partnership_apply_events) -------------------

def typed_dicts(profile: str, events: list) -> list:
    """Each JSON event as a dict of typed values with its "type"."""
    probe, out = ipart.Partnership(profile), []
    for event in events:
        out.append({"type": event["type"], **typed_values(probe, build(probe, event), "", event)})
        probe.apply(event)
    return out


@pytest.mark.parametrize("name", ["stavanger.json", "se_negotiated.json",
                                  "consortium_ostfold.json"])
def test_a_batch_of_events_or_dicts_saves_the_bytes_of_the_json_path(name):
    doc = load_case(f"procedure/{name}")["document"]
    by_json = ipart.Partnership(doc["profile"])
    by_json.apply_all(doc["events"])
    dicts = typed_dicts(doc["profile"], doc["events"])
    events = [ipart.Event(d["type"], {k: v for k, v in d.items() if k != "type"}) for d in dicts]
    by_events, by_dicts = ipart.Partnership(doc["profile"]), ipart.Partnership(doc["profile"])
    assert by_events.apply_events(events) == len(doc["events"])
    assert by_dicts.apply_events(dicts) == len(doc["events"])
    mixed = ipart.Partnership(doc["profile"])
    assert mixed.apply_events(e if i % 2 else d for i, (e, d) in enumerate(zip(events, dicts))) \
        == len(doc["events"])
    raw = ipart.Partnership(doc["profile"])
    assert ipart.capi.ipart_partnership_apply_events(raw._handle(), [e._e for e in events]) \
        == len(events)
    for p in (by_events, by_dicts, mixed, raw):
        assert p.dumps() == by_json.dumps()


def error_of(call) -> tuple:
    with pytest.raises(ipart.IpartError) as e:
        call()
    return tuple(getattr(e.value, a) for a in ("code", "rule", "path", "key", "message")) \
        + (e.value.message_in("nb"),)


@pytest.mark.parametrize("case", ["r1_market_check_not_done", "value_score_above_scale",
                                  "r13_only_two_invited"])
def test_a_refused_event_in_a_batch_keeps_those_before_and_names_its_index(case):
    kase = next(c for c in load_case("procedure/rejections.json") if c["name"] == case)
    doc = load_case(f"procedure/{kase['base']}")["document"]
    prefix = kase["prefix"]
    start = max(prefix - 2, 0)
    batch = doc["events"][start:prefix] + [kase["event"]] + doc["events"][prefix:prefix + 1]
    expected = ipart.Partnership(doc["profile"])
    expected.apply_all(doc["events"][:prefix])
    dicts = typed_dicts(doc["profile"], doc["events"][:prefix])[start:]
    probe = expected.clone()
    dicts.append({"type": kase["event"]["type"],
                  **typed_values(probe, build(probe, kase["event"]), "", kase["event"])})
    dicts += typed_dicts(doc["profile"], doc["events"][:prefix + 1])[prefix:]
    assert len(dicts) == len(batch)
    events = [ipart.Event(d["type"], {k: v for k, v in d.items() if k != "type"}) for d in dicts]

    def fresh() -> ipart.Partnership:
        p = ipart.Partnership(doc["profile"])
        p.apply_all(doc["events"][:start])
        return p

    by_json = error_of(lambda: fresh().apply_all(batch))
    assert by_json[2].startswith(f"$[{prefix - start}]")
    for run in (lambda p: p.apply_events(events), lambda p: p.apply_events(dicts),
                lambda p: ipart.capi.ipart_partnership_apply_events(p._handle(),
                                                                   [e._e for e in events])):
        p = fresh()
        assert error_of(lambda: run(p)) == by_json
        assert len(p) == prefix
        assert p.dumps() == expected.dumps()


def put(event: dict, path: tuple, value) -> dict:
    """A deep copy of `event` with `value` at `path` (keys and indexes)."""
    event = copy.deepcopy(event)
    at = event
    for step in path[:-1]:
        at = at[step]
    at[path[-1]] = value
    return event


# Faults deep inside the terms (Stavanger's event 5): in an object, in the
# third element of an array of objects, in an array inside an array's
# element, in an id array, a null; each set after its object's other fields,
# so the builder has entered that object or element before.
@pytest.mark.parametrize("path, value", [
    (("selection_criteria", 2, "nope"), 1),
    (("selection_criteria", 2, "kind"), "no_such_kind"),
    (("selection_criteria", 2, "text"), 7),
    (("award_criteria", 2, "weight"), -5),
    (("caps", 2, "id"), None),
    (("candidates", "min"), "three"),
    (("reservations", "nope"), True),
    (("development", "phases", 0, "targets", 1, "id"), "bad id"),
    (("development", "phases", 1, "share"), 10 ** 9),
    (("ipr", "licences", 0, "licensees", 0), "Stavanger kommune"),
    (("ipr", "licences", 0, "licensees"), [None]),
])
def test_a_fault_inside_a_nested_element_names_its_path_as_the_json_path(path, value):
    doc = load_case("procedure/stavanger.json")["document"]
    terms = doc["events"][5]
    assert terms["type"] == "terms_set"
    bad = put(terms, path, value)
    dicts = typed_dicts(doc["profile"], doc["events"][:6])
    bad_dict = put(dicts[5], path, value)

    def fresh() -> ipart.Partnership:
        p = ipart.Partnership(doc["profile"])
        p.apply_all(doc["events"][:4])
        return p

    expected = fresh()
    expected.apply(doc["events"][4])
    by_json = error_of(lambda: fresh().apply_all([doc["events"][4], bad]))
    assert by_json[2].startswith("$[1]." + path[0])
    p = fresh()
    assert error_of(lambda: p.apply_events([dicts[4], bad_dict])) == by_json
    assert p.dumps() == expected.dumps()


def note(text: str = "Notert.") -> dict:
    return {"type": "note_recorded", "date": datetime.date(2019, 12, 3), "actor": "stavanger",
            "text": text}


def stavanger() -> ipart.Partnership:
    return ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])


def test_an_empty_batch_applies_nothing():
    p = stavanger()
    before = p.dumps()
    assert p.apply_events([]) == 0
    assert p.apply_events(iter(())) == 0
    assert ipart.capi.ipart_partnership_apply_events(p._handle(), []) == 0
    assert p.dumps() == before


@pytest.mark.parametrize("bad, error, message", [
    (None, TypeError, "$[1]: an event is an ipart.Event or a dict, not NoneType"),
    ("note", TypeError, "$[1]: an event is an ipart.Event or a dict, not str"),
    (ipart.Money("1", "NOK"), TypeError, "$[1]: an event is an ipart.Event or a dict, not Money"),
    ({"date": datetime.date(2019, 12, 3)}, KeyError, "$[1]: an event dict needs its 'type'"),
    ({"type": 7}, TypeError, "$[1]: an event's 'type' is a str, not int"),
    (dict(note(), text=1.5), TypeError, "$[1].text: an event field takes str, bool, int, "
                                        "datetime.date, Money, None, dict, list or tuple, not float"),
    (dict(note(), date=datetime.datetime(2019, 12, 3)), TypeError,
     "$[1].date: expected a datetime.date, not datetime.datetime"),
    ({**note(), 5: "x"}, TypeError, "$[1]: a field is named by a str, not int"),
    (dict(note(), text="a\0b"), ValueError, "$[1].text: a string contains a NUL character"),
    (dict(note(), text="bø\0"), ValueError, "$[1].text: a string contains a NUL character"),
    ({**note(), "te\0xt": "x"}, ValueError, "$[1]: a string contains a NUL character"),
    ({**note(), "tø\0": "x"}, ValueError, "$[1]: a string contains a NUL character"),
    (dict(note(), text=2 ** 70), OverflowError, "$[1].text: 1180591620717411303424 does not fit int64"),
])
def test_foreign_elements_and_values_are_precise_errors(bad, error, message):
    p = stavanger()
    count = len(p)
    with pytest.raises(error) as e:
        p.apply_events([note(), bad, note()])
    assert (e.value.args[0] if error is KeyError else str(e.value)) == message
    assert len(p) == count + 1  # the one before stays applied


# A NUL first, last, at an eight-byte word's edges or past them, in ASCII
# and in UTF-8 text, in a value and in a key, is found wherever it is (a
# word-at-a-time scan was tried in its place and measured slower).
NUL_PLACES = [0, 6, 7, 8, 9, 15, 16, 23, 39]


@pytest.mark.parametrize("at", NUL_PLACES)
@pytest.mark.parametrize("filler", ["x", "ø"])
def test_a_nul_anywhere_in_a_long_value_or_key_is_refused(at, filler):
    text = filler * 40
    text = text[:at] + "\0" + text[at + 1:]
    for bad, where in ((dict(note(), text=text), "$[1].text"), ({**note(), text: "x"}, "$[1]")):
        p, only_first = stavanger(), stavanger()
        only_first.apply_events([note()])
        with pytest.raises(ValueError) as e:
            p.apply_events([note(), bad])
        assert str(e.value) == f"{where}: a string contains a NUL character"
        assert p.dumps() == only_first.dumps()  # the one before applied, the refused one not


@pytest.mark.parametrize("size", [1, 7, 8, 9, 16, 17, 40])
def test_a_value_of_any_length_without_nul_is_taken_whole(size):
    """Bytes next to NUL (0x01, 0x7f, 0x80 and up in UTF-8) are no NUL."""
    text = ("\x01\x7fø\u0100a" * 10)[:size]
    by_dicts, by_json = stavanger(), stavanger()
    assert by_dicts.apply_events([note(text)]) == 1
    by_json.apply(dict(note(text), date="2019-12-03"))
    assert by_dicts.dumps() == by_json.dumps()


def test_strings_ascii_or_not_reach_the_log_as_given():
    """ASCII strs are read in place, others through their UTF-8: both give
    the bytes of the JSON path; a "type" key is the event's own only at the
    top (a nested one is a field, refused as unknown)."""
    texts = ["Notert.", "Møte om løsningen på Ås", "emoji \U0001F600 and ü", "a" * 300]
    by_dicts, by_json = stavanger(), stavanger()
    assert by_dicts.apply_events([note(t) for t in texts]) == len(texts)
    for t in texts:
        by_json.apply(dict(note(t), date="2019-12-03"))
    assert by_dicts.dumps() == by_json.dumps()
    consent = {"type": "consent_given", "date": datetime.date(2019, 12, 3), "actor": "stavanger",
               "item": {"type": "x"}, "recipients": ["op01"]}
    assert error_of(lambda: by_dicts.apply_events([consent]))[2:4] \
        == ("$[0].item.type", "document.field.unknown")
    assert by_dicts.dumps() == by_json.dumps()


def test_refused_values_and_none_in_the_raw_call_name_the_element():
    p = stavanger()
    count = len(p)
    assert error_of(lambda: p.apply_events([note(), dict(note(), actor="Stavanger kommune")]))[2:4] \
        == ("$[1].actor", "document.id.syntax")
    assert error_of(lambda: p.apply_events([note(), ipart.Event("note_recorded")]))[2:5] \
        == ("$[1].date", "document.field.missing", "$[1].date: required field is missing")
    assert error_of(lambda: p.apply_events([{"type": "no_such_event"}]))[2:4] \
        == ("$[0].type", "event.type.unknown")
    event = ipart.Event("note_recorded", {k: v for k, v in note().items() if k != "type"})
    with pytest.raises(ipart.MisuseError) as e:
        ipart.capi.ipart_partnership_apply_events(p._handle(), [event._e, None])
    assert e.value.path == "$[1]"
    with pytest.raises(TypeError, match=r"events\[0\] must be an ipart_event"):
        ipart.capi.ipart_partnership_apply_events(p._handle(), [event])
    assert len(p) == count + 3
    scoped = p.as_party("op01")
    with pytest.raises(ipart.PermissionDeniedError) as e:
        scoped.apply_events([event])
    assert (e.value.rule, e.value.path) == ("R19", "$[0]")


class ShiftyMoney(ipart.Money):
    """Money whose amount is read through Python code that empties the batch."""
    __slots__ = ()
    batch: list = []

    def __getattribute__(self, name: str) -> object:
        if name == "_minor":
            ShiftyMoney.batch.clear()
        return super().__getattribute__(name)


def test_python_code_run_during_the_batch_cannot_break_it():
    p = stavanger()
    count = len(p)
    paid = {"type": "instalment_paid", "date": datetime.date(2019, 12, 3), "actor": "stavanger",
            "partner": "op05", "instalment": None,
            "amount": ShiftyMoney.from_minor(100, "NOK")}
    ShiftyMoney.batch = batch = [note(), paid, note(), note()]
    try:
        applied = p.apply_events(batch)  # the list is emptied while `paid` is converted
    except ipart.IpartError as e:
        assert e.path.startswith("$[1]")
        applied = 1
    assert batch == []
    assert applied in (1, 2)
    assert len(p) == count + applied
    assert p.apply_events(note(str(i)) for i in range(3)) == 3


def test_batches_in_two_threads_give_their_own_results():
    import threading
    doc = load_case("procedure/stavanger.json")["document"]
    dicts = typed_dicts(doc["profile"], doc["events"])
    expected = ipart.Partnership.loads(doc).dumps()
    results = []

    def run() -> None:
        for _ in range(5):
            p = ipart.Partnership(doc["profile"])
            p.apply_events(dicts)
            results.append(p.dumps() == expected)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 10


# ---- keys and values the converter meets in dicts -----------------------------------------------
# Keys of a str subclass, keys made at run time, a type reset after refused
# events and containers in a value field: the same log and errors as the
# JSON path.

class Key(str):
    """A str subclass as a dict key: equal and hashed as its text."""
    __slots__ = ()


def json_note(text: object = "Notert.") -> dict:
    return dict(note(), date="2019-12-03", text=text)


def test_keys_of_a_str_subclass_give_the_same_log_and_errors():
    by_dicts, by_json = stavanger(), stavanger()
    events = [{Key(k): v for k, v in note(f"Notert {i}.").items()} for i in range(3)]
    assert all(type(k) is Key for k in events[0])
    assert by_dicts.apply_events(events) == 3
    by_json.apply_all([json_note(f"Notert {i}.") for i in range(3)])
    assert by_dicts.dumps() == by_json.dumps()
    bad = {Key(k): v for k, v in dict(note(), actor="Stavanger kommune").items()}
    assert error_of(lambda: by_dicts.apply_events([bad])) \
        == error_of(lambda: by_json.apply_all([dict(json_note(), actor="Stavanger kommune")]))
    assert by_dicts.dumps() == by_json.dumps()


def test_keys_made_at_run_time_give_the_same_log():
    """Fresh key objects (not interned) and keys freed between batches,
    whose addresses a new key of other text may take."""
    by_dicts, by_json = stavanger(), stavanger()
    names = ["date", "actor", "text"]
    for batch in range(4):
        events = []
        for i in range(150):
            fresh = ["".join(list(n)) for n in (names if (batch + i) % 2 else reversed(names))]
            assert all(f is not n for f, n in zip(sorted(fresh), sorted(names)))
            values = {"date": datetime.date(2019, 12, 3), "actor": "stavanger",
                      "text": f"{batch}.{i}"}
            events.append({"type": "note_recorded", **{k: values[k] for k in fresh}})
        assert by_dicts.apply_events(events) == 150
        del events
        by_json.apply_all([json_note(f"{batch}.{i}") for i in range(150)])
    assert by_dicts.dumps() == by_json.dumps()


def test_a_type_set_again_after_a_refused_batch_applies_as_the_json_path():
    by_dicts, by_json = stavanger(), stavanger()
    before = by_dicts.dumps()
    refused = [dict(note(), text=True), dict(note(), actor="Stavanger kommune"),
               dict(note(), date=None), dict(note(), text="a\0b")]
    refused_json = [json_note(True), dict(json_note(), actor="Stavanger kommune"),
                    dict(json_note(), date=None)]
    for bad, bad_json in zip(refused, refused_json):
        assert error_of(lambda: by_dicts.apply_events([bad])) \
            == error_of(lambda: by_json.apply_all([bad_json]))
    with pytest.raises(ValueError, match=r"^\$\[0\]\.text: a string contains a NUL character$"):
        by_dicts.apply_events([refused[3]])
    assert by_dicts.dumps() == before
    assert by_dicts.apply_events([note("Etter feilen.")]) == 1
    by_json.apply(json_note("Etter feilen."))
    assert by_dicts.dumps() == by_json.dumps()


# The builder's words (the JSON reader says
# "got an object" or "got an array" at the field itself for all of these).
@pytest.mark.parametrize("value, path, got", [
    ({"a": 1}, "$[1].text", "an object"),
    ({}, "$[1].text", "an empty array or object"),
    (["x"], "$[1].text[0]", "an array"),
    ([], "$[1].text", "an empty array or object"),
    (({"a": "b"},), "$[1].text[0]", "an array"),
    (True, "$[1].text", "a boolean"),
    (None, "$[1].text", "null"),
])
def test_a_dict_or_list_in_a_value_field_is_refused_by_its_path(value, path, got):
    p = stavanger()
    count = len(p)
    with pytest.raises(ipart.InvalidArgumentError) as e:
        p.apply_events([note(), dict(note(), text=value)])
    assert (e.value.path, e.value.key) == (path, "document.field.type")
    assert e.value.message == f"{path}: expected a string, got {got}"
    assert len(p) == count + 1  # the note before stays applied
