"""Partnership.apply_all of a list of JSON-shaped dicts, written to JSON text
in the extension (bindings/swig/ipart_python_json.i) instead of json.dumps:
the same bytes json.dumps gives, and for whatever the serializer declines
json.dumps's route with exactly its errors, nothing applied."""
import collections
import copy
import datetime
import decimal
import enum
import json
import math
import random

import pytest

import ipart
from ipart import capi
from ipart._partnership import _event_value
from conftest import CASES, load_case

PROCEDURES = sorted(p.name for p in (CASES / "procedure").glob("*.json")
                    if p.name != "rejections.json")
REJECTIONS = load_case("procedure/rejections.json")


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def todays_route(p, events):
    """apply_all of a list as it was before the serializer: json.dumps."""
    text = dumps([_event_value(e) for e in events])
    capi.ipart_partnership_apply_all(p._handle(), text)


def outcome(apply, p, events):
    """What an apply_all did: its exception (class, text, the library's
    detail) or None, the events then applied and the saved document."""
    try:
        apply(p, events)
        error = None
    except Exception as e:  # noqa: BLE001 - every error is compared
        error = (type(e), str(e), tuple(getattr(e, a, None)
                                        for a in ("code", "rule", "path", "key", "message")))
    return error, len(p), p.dumps()


def same_as_todays_route(start, events):
    """apply_all(events) on start() does what json.dumps's route does on
    another start(); returns that outcome. `events`: a list, or a function
    making the iterable anew."""
    make = events if callable(events) else lambda: events
    now = outcome(lambda p, e: p.apply_all(e), start(), make())
    assert now == outcome(todays_route, start(), make())
    return now


def replay(name, count=None):
    doc = load_case(f"procedure/{name}")["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"][:count]:
        p.apply(event)
    return p


# ---- the text: json.dumps's bytes ------------------------------------------------------

def every_case_value():
    """Every golden case file of tests/cases whole, and every event of every
    procedure and rejection case on its own."""
    for path in sorted(CASES.rglob("*.json")):
        value = json.loads(path.read_text(encoding="utf-8"))
        yield value
        if isinstance(value, dict) and "document" in value:
            yield from value["document"]["events"]
    yield from (case["event"] for case in REJECTIONS if "event" in case)


def test_every_event_of_every_golden_case_is_written_as_json_dumps_writes_it():
    count = 0
    for value in every_case_value():
        assert capi.ipart_py_json_text(value) == dumps(value)
        count += 1
    assert count > 1000


TRICKY_STRINGS = [
    "", "plain", 'quote " inside', "back\\slash", "\\\"", "\u0000", "a\u0000b",
    "".join(chr(c) for c in range(0x20)), "\x7f", "\u2028\u2029", "\U0001F600 astral",
    "\U0010FFFF", "\uFFFF\uE000\uFEFF", "Leverandør AS, Tromsø – «sitat»", "é" * 1000,
    "mixed ø and \U0001F600 and \n", "/slash/", "\t\r\n\b\f",
]


@pytest.mark.parametrize("text", TRICKY_STRINGS)
def test_strings_are_escaped_as_json_dumps_escapes_them(text):
    for value in (text, {text: text}, [text, {"k": text}]):
        assert capi.ipart_py_json_text(value) == dumps(value)
    assert json.loads(capi.ipart_py_json_text(text)) == text


def test_strings_of_every_length_and_offset_are_escaped_as_json_dumps_escapes_them():
    """The 16- and 8-byte scans and the byte loop, with a character that
    stops them at each place of strings of 0 to 40 characters."""
    stops = ["\x00", "\x1f", '"', "\\", "\x7f", "\x80", "\xff", "\u0100", "\u2028",
             "\uffff", "\U00010000", "\U0010ffff", "\n"]
    plain = [" ", "~", "a", "!", "#", "[", "]", "0"]
    rng = random.Random(18)
    for length in range(41):
        for at in range(length):
            for stop in stops:
                chars = [rng.choice(plain) for _ in range(length)]
                chars[at] = stop
                text = "".join(chars)
                assert capi.ipart_py_json_text(text) == dumps(text), (length, at, stop)
        mixed = "".join(rng.choice(stops + plain * 3) for _ in range(length))
        assert capi.ipart_py_json_text(mixed) == dumps(mixed)


SCALARS = [
    0, 1, -1, 2**31, -2**31, 2**63 - 1, -2**63, 10**18, True, False, None,
    0.1, 1e300, -0.0, 0.0, 5e-324, 1e16, 1e22, 1.5e-07, 123456789.0, -2.5, 1 / 3,
    2.0**63, [], {}, (), [[]], {"": {}}, (1, (2, 3)), [True, 1, 1.0, False, 0, 0.0],
]


@pytest.mark.parametrize("value", SCALARS, ids=repr)
def test_numbers_bools_null_and_containers_are_written_as_json_dumps_writes_them(value):
    assert capi.ipart_py_json_text(value) == dumps(value)
    assert capi.ipart_py_json_text({"v": [value]}) == dumps({"v": [value]})


def test_keys_written_once_are_copied_rightly_whatever_their_objects():
    """Keys are copied from where the same key object was written before:
    more keys than the copies' slots, equal keys of other objects, keys
    with escapes, long and non-ASCII ones, in many dicts."""
    keys = [f"field_{i}" for i in range(200)] + ["", "q\"uote", "ø", "x" * 40, "\U0001F600"]
    keys += ["".join(["field_", "7"])]  # equal to a key above, another object
    rng = random.Random(7)
    value = [{k: rng.choice([1, "v", None, [k]]) for k in rng.sample(keys, 30)}
             for _ in range(300)]
    assert capi.ipart_py_json_text(value) == dumps(value)


def test_bool_and_int_stay_apart():
    assert capi.ipart_py_json_text([True, 1, False, 0]) == "[true, 1, false, 0]"


def test_nesting_up_to_the_limit_is_written():
    value = "leaf"
    for level in range(64):
        value = [value] if level % 2 else {"k": value}
    assert capi.ipart_py_json_text(value) == dumps(value)


# ---- declined: anything json.dumps might write differently, or refuse ------------------

class Text(str):
    def __str__(self):
        return "other"


class Number(int):
    def __repr__(self):
        return "other"


class Real(float):
    pass


class Mapping(dict):
    pass


class Items(list):
    pass


class Colour(enum.IntEnum):
    RED = 1


def cycle():
    value = {"a": []}
    value["a"].append(value)
    return value


def nested(levels):
    value = "leaf"
    for _ in range(levels):
        value = [value]
    return value


DECLINED = {
    "int above int64": 2**63,
    "int below int64": -2**63 - 1,
    "huge int": 10**5000,
    "NaN": math.nan,
    "infinity": math.inf,
    "minus infinity": -math.inf,
    "lone surrogate": "\ud800",
    "lone low surrogate in a key": {"\udc00": 1},
    "int key": {1: "one"},
    "None key": {None: 1},
    "bool key": {True: 1},
    "float key": {1.5: 1},
    "tuple key": {(1,): 1},
    "str subclass": Text("x"),
    "str subclass key": {Text("k"): 1},
    "int subclass": Number(5),
    "IntEnum": Colour.RED,
    "float subclass": Real(0.5),
    "dict subclass": Mapping(a=1),
    "OrderedDict": collections.OrderedDict(a=1),
    "list subclass": Items([1]),
    "Money": ipart.Money("12.50", "NOK"),
    "date": datetime.date(2017, 5, 2),
    "Decimal": decimal.Decimal("1.5"),
    "set": {1},
    "bytes": b"x",
    "object": object(),
    "cycle": cycle(),
    "65 levels": nested(65),
    "deep": nested(5000),
}


@pytest.mark.parametrize("name", DECLINED)
def test_the_serializer_declines_what_it_may_not_write_exactly(name):
    value = DECLINED[name]
    assert capi.ipart_py_json_text(value) is None
    assert capi.ipart_py_json_text([{"ok": 1}, {"v": value}]) is None


def note(**more):
    event = {"type": "note_recorded", "date": "2017-09-29", "actor": "stavanger",
             "text": "Notat."}
    event.update(more)
    return event


def stavanger_prefix():
    return replay("stavanger.json", 11)


@pytest.mark.parametrize("name", DECLINED)
def test_a_declined_batch_raises_what_json_dumps_route_raises_and_applies_nothing_more(name):
    before = stavanger_prefix()
    events = [note(), note(text=DECLINED[name])]
    p = stavanger_prefix()
    assert capi.ipart_py_apply_json_list(p._handle(), events) is False
    assert len(p) == len(before) and p.dumps() == before.dumps()
    error, count, _ = same_as_todays_route(stavanger_prefix, events)
    if name == "str subclass":  # json.dumps writes its characters: applied
        assert error is None and count == len(before) + 2
    if name in ("Money", "date", "Decimal", "set", "bytes", "object"):
        assert error[0] is TypeError and "is not JSON serializable" in error[1]
        assert count == len(before)  # nothing applied
    if name == "cycle":
        assert error[:2] == (ValueError, "Circular reference detected")
        assert count == len(before)


def test_a_declined_element_anywhere_keeps_the_whole_batch_on_json_dumps_route():
    events = [note(), note(), {"type": "note_recorded", 1: "x"}]
    error, count, _ = same_as_todays_route(stavanger_prefix, events)
    assert error is not None and error[0] is not TypeError  # json.dumps wrote "1"
    assert count == 13  # the library refused the third: atomic per event


def test_elements_that_are_not_dicts_take_json_dumps_route():
    good = note()
    for events in ([good, dumps(good)], [good, 42], [good, "not json"], [good, Mapping(good)],
                   Items([good]), (good, good), [good, None]):
        same_as_todays_route(stavanger_prefix, events)
    same_as_todays_route(stavanger_prefix, lambda: iter([good, dumps(good)]))
    same_as_todays_route(stavanger_prefix, lambda: (e for e in [good, 42]))


def test_a_generator_of_dicts_and_texts_applies_like_the_list():
    doc = load_case("procedure/stavanger.json")["document"]
    p = ipart.Partnership(doc["profile"])
    p.apply_all(e if i % 2 else dumps(e) for i, e in enumerate(doc["events"]))
    assert p.dumps() == ipart.Partnership.loads(doc).dumps()


# ---- applied: the same events, the same errors, atomic per event ------------------------

@pytest.mark.parametrize("name", PROCEDURES)
def test_every_golden_procedure_applies_through_the_serializer_like_a_load(name):
    doc = load_case(f"procedure/{name}")["document"]
    p = ipart.Partnership(doc["profile"])
    assert capi.ipart_py_apply_json_list(p._handle(), doc["events"]) is True
    assert p.dumps() == ipart.Partnership.loads(doc).dumps()


def test_every_rejection_refused_at_its_place_in_a_batch_as_by_json_dumps_route():
    """Each case of rejections.json as the last event of a batch holding its
    base's prefix: the same error (its path naming the event's index), the
    events before it applied, the saved document that of the prefix."""
    prefixes = {}
    for case in REJECTIONS:
        doc = load_case(f"procedure/{case['base']}")["document"]
        events = doc["events"][:case["prefix"]] + [case.get("event", case.get("event_text"))]
        key = (case["base"], case["prefix"])
        if key not in prefixes:
            prefixes[key] = replay(case["base"], case["prefix"]).dumps()
        error, count, saved = same_as_todays_route(lambda: ipart.Partnership(doc["profile"]), events)
        if "event_text" in case:  # json.loads's error, or the library's
            continue
        assert error is not None and error[2][1] == (case.get("rule") or ""), case["name"]
        at = f"$[{case['prefix']}]"
        assert error[2][2] == (at + case["path"][1:] if case.get("path") else at), case["name"]
        assert count == case["prefix"] and saved == prefixes[key], case["name"]


def test_a_nul_in_a_string_is_the_library_s_error_at_its_path():
    events = [note(), note(text="a\u0000b")]
    error, count, _ = same_as_todays_route(stavanger_prefix, events)
    assert issubclass(error[0], ipart.IpartError) and error[2][2] == "$[1].text"
    assert count == 11  # the batch's text check refuses it before the first event


def test_a_refused_batch_on_a_fresh_partnership_changes_nothing():
    p = stavanger_prefix()
    before = p.dumps()
    with pytest.raises(ipart.StateError) as refused:
        p.apply_all([note(date="2016-01-01")])
    assert refused.value.path.startswith("$[0]")
    assert p.dumps() == before and len(p) == 11


def test_the_list_is_not_changed_and_a_second_batch_gives_the_same_document():
    doc = load_case("procedure/stavanger.json")["document"]
    events = copy.deepcopy(doc["events"])
    p = ipart.Partnership(doc["profile"])
    p.apply_all(events)
    assert events == doc["events"]
    q = ipart.Partnership(doc["profile"])
    q.apply_all(events)
    assert q.dumps() == p.dumps()
