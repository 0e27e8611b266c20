"""Partnership.apply_all of a list of JSON-shaped dicts, read in place by the
library through the extension's tree reader (bindings/swig/ipart_python_json.i,
ipart_partnership_apply_tree) instead of json.dumps: the outcome of the text
json.dumps gives (the same error, events applied and saved bytes), and for
whatever the reader declines json.dumps's route with exactly its errors,
nothing applied. Only values nested deeper than the library reads (a cycle)
differ: the library's depth refusal instead of json.dumps's own error."""
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


# ---- read in place: the outcome of json.dumps's text ----------------------------------

def clone_of(p):
    return lambda: p.clone()


TRICKY_STRINGS = [
    "", "plain", 'quote " inside', "back\\slash", "\\\"", "".join(chr(c) for c in range(1, 0x20)),
    "\x7f", "\u2028\u2029", "\U0001F600 astral", "\U0010FFFF", "\uFFFF\uE000\uFEFF",
    "Leverandør AS, Tromsø – «sitat»", "é" * 1000, "mixed ø and \U0001F600 and \n", "/slash/",
    "\t\r\n\b\f",
]


@pytest.mark.parametrize("text", TRICKY_STRINGS)
def test_strings_and_keys_are_read_as_json_dumps_writes_them(text):
    """A note's text is kept as given (the saved bytes show it); a key the
    event does not know is refused with the key in its path and message."""
    base = stavanger_prefix()
    applied, count, _ = same_as_todays_route(clone_of(base), [note(), note(text=text)])
    if applied is None:
        assert count == 13
    else:  # a blank text
        assert not text.strip() and applied[2][:3] == (capi.IPART_EINVAL, "", "$[1].text")
        assert count == 12
    refused, count, _ = same_as_todays_route(clone_of(base), [note(), dict(note(), **{text: text})])
    assert refused is not None and refused[2][2].startswith("$[1]") and count == 12


def test_strings_of_every_length_and_offset_are_read_as_json_dumps_writes_them():
    """Compact ASCII strs read in place and every other kind through its
    UTF-8, with a character that changes the kind or needs an escape at
    each place of strings of 0 to 40 characters, all in one batch."""
    stops = ["\x01", "\x1f", '"', "\\", "\x7f", "\x80", "\xff", "\u0100", "\u2028",
             "\uffff", "\U00010000", "\U0010ffff", "\n"]
    plain = [" ", "~", "a", "!", "#", "[", "]", "0"]
    rng = random.Random(18)
    texts = []
    for length in range(41):
        for at in range(length):
            for stop in stops:
                chars = [rng.choice(plain) for _ in range(length)]
                chars[at] = stop
                texts.append("".join(chars))
        texts.append("".join(rng.choice(stops + plain * 3) for _ in range(length)))
    texts = [t for t in texts if t.strip()]  # a note's text is not blank
    error, count, _ = same_as_todays_route(clone_of(stavanger_prefix()),
                                           [note(text=t) for t in texts])
    assert error is None and count == 11 + len(texts)


NUMBERS = [
    0, 48, -1, 2**31, 2**53 - 1, 2**53, 2**53 + 1, -2**53 - 1, 2**63 - 1, -2**63, 10**18,
    2**63, -2**63 - 1,
    True, False, None, 48.0, 48.5, -0.0, 0.0, 0.1, 1e300, 5e-324, 1e16, 1e22, 1.5e-07,
    2.0**53 + 2, 2.0**63, -2.5, 1 / 3, "48", [], {}, (), [48], {"": {}}, (1, (2, 3)),
]


@pytest.mark.parametrize("value", NUMBERS, ids=repr)
def test_numbers_bools_null_and_containers_in_an_int_field_as_json_dumps_route(value):
    """market_dialogue_held's "participants" is an integer >= 0: ints as
    their double (exact to 2^53, rounded beyond as cJSON rounds the
    digits), bools apart from ints, floats as they are."""
    base = replay("stavanger.json", 6)
    event = dict(load_case("procedure/stavanger.json")["document"]["events"][6],
                 participants=value)
    error, count, saved = same_as_todays_route(clone_of(base), [event])
    if value in (0, 48, 48.0, 0.0) and type(value) is not bool:
        assert error is None and count == 7, error
    else:
        assert error[2][2] == "$[0].participants" and count == 6, error
    p = base.clone()
    try:
        declined = capi.ipart_py_apply_json_list(p._handle(), [event]) is False
    except ipart.IpartError:
        declined = False
    assert declined == (type(value) is int and not -2**63 <= value < 2**63)


def test_nesting_up_to_the_limit_is_read_and_deeper_refused_as_json_dumps_route():
    """The batch's array is level 1 and the event level 2: a note's text
    nested in 29 lists is at level 32, the deepest the library reads."""
    for levels in (28, 29, 30, 31, 64):
        error, count, _ = same_as_todays_route(stavanger_prefix, [note(), note(text=nested(levels))])
        assert count == (11 if levels >= 30 else 12), levels  # depth: before the first event
        assert error[0] is (ipart.OutOfRangeError if levels >= 30 else ipart.InvalidArgumentError)


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


def nested(levels, value="leaf"):
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
}


@pytest.mark.parametrize("name", DECLINED)
def test_the_reader_declines_what_json_dumps_might_write_otherwise_wherever_it_is(name):
    value = DECLINED[name]
    for event in (note(v=value), note(v=[1, {"k": (value,)}]), note(v={"a": {"b": value}})):
        p = stavanger_prefix()
        assert capi.ipart_py_apply_json_list(p._handle(), [note(), event]) is False
        assert len(p) == 11


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


DEEPER_THAN_THE_LIBRARY_READS = {
    "cycle": (cycle, ValueError),  # json.dumps: "Circular reference detected"
    "5000 levels": (lambda: nested(5000), RecursionError),
    "Money 40 levels down": (lambda: nested(40, ipart.Money("1", "NOK")), TypeError),
}


@pytest.mark.parametrize("name", DEEPER_THAN_THE_LIBRARY_READS)
def test_values_deeper_than_the_library_reads_are_its_depth_refusal_nothing_applied(name):
    """The library reads no value nested deeper than 32 levels, so a cycle
    ends there: IPART_ERANGE at the first value that deep, nothing applied,
    where json.dumps's route raised its own error."""
    make, before = DEEPER_THAN_THE_LIBRARY_READS[name]
    events = [note(), note(text=make())]
    p = stavanger_prefix()
    saved = p.dumps()
    with pytest.raises(ipart.OutOfRangeError) as refused:
        p.apply_all(events)
    assert refused.value.code == capi.IPART_ERANGE and refused.value.key == "document.depth"
    assert refused.value.path.startswith("$[1].text") and "deeper than 32 levels" in str(refused.value)
    assert len(p) == 11 and p.dumps() == saved
    assert outcome(todays_route, stavanger_prefix(), events)[0][0] is before


def test_an_event_refused_in_the_middle_keeps_the_events_before_it_as_json_dumps_route():
    events = [note(), note(), note(date="2016-01-01"), note()]
    error, count, _ = same_as_todays_route(stavanger_prefix, events)
    assert error[0] is ipart.StateError and error[2][2].startswith("$[2]") and count == 13


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
