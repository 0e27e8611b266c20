"""Status codes and exceptions come from the one C table (IPART_ERROR_MAP).

The table is read three ways and must agree: from the C header itself
(include/ipart/errors.h), from the constants of the generated module
(ipart.capi), and from the classes the module's init made from it.
"""
import pathlib
import pickle
import re

import pytest

import ipart
from ipart import capi
from conftest import load_case

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROW = re.compile(r'XX\((\w+),\s*(-?\d+),\s*(\w+),\s*"([^"]*)"\)')


def header_table():
    """[(name, value, class, message)] of IPART_ERROR_MAP in errors.h."""
    text = (ROOT / "include" / "ipart" / "errors.h").read_text(encoding="utf-8")
    block = text[text.index("#define IPART_ERROR_MAP(XX)"):text.index("enum ipart_error_code")]
    return [(n, int(v), c, m) for n, v, c, m in ROW.findall(block)]


TABLE = header_table()
FAILURES = [row for row in TABLE if row[0] != "OK"]

# The builtin each class also derives from (None: only IpartError).
BUILTINS = {
    "EINVAL": ValueError, "EPARSE": ValueError, "ERANGE": ValueError, "EOVERFLOW": OverflowError,
    "ECURRENCY": ValueError, "ESTATE": None, "EPERM": PermissionError, "ERULE": None,
    "ENOTFOUND": LookupError, "EEXISTS": None, "EVERSION": None, "ENOMEM": MemoryError,
    "EMISUSE": TypeError, "EINTERNAL": None,
}


def test_header_table_was_read():
    assert len(TABLE) >= 15 and TABLE[0][:2] == ("OK", 0)
    assert [v for _, v, _, _ in TABLE] == list(range(0, -len(TABLE), -1))  # dense, never reused


def test_status_enum_is_the_c_table():
    assert [(s.name, s.value) for s in sorted(ipart.Status, reverse=True)] == \
        [(n, v) for n, v, _, _ in TABLE]
    for name, value, cls, message in TABLE:
        assert getattr(capi, "IPART_" + name) == value
        assert ipart.error_name(value) == "IPART_" + name
        assert ipart.strerror(value) == message
        assert capi.ipart_error_class(value) == cls


def test_unknown_codes_have_safe_descriptions():
    assert ipart.strerror(99) == "unknown status"
    assert ipart.error_name(-99) == "IPART_UNKNOWN"
    assert ipart.error_class(-99) is ipart.InternalError


def test_builtin_table_of_this_test_covers_every_code():
    assert set(BUILTINS) == {n for n, _, _, _ in FAILURES}


@pytest.mark.parametrize("name, value, cls_name, message", FAILURES, ids=lambda x: str(x))
def test_every_code_has_its_exception_class(name, value, cls_name, message):
    cls = getattr(ipart, cls_name + "Error")
    assert cls.__name__ == cls_name + "Error" and cls.__module__ == "ipart"
    assert cls.__name__ in ipart.__all__
    assert cls is getattr(ipart._capi, cls.__name__)  # made by the extension module
    assert issubclass(cls, ipart.IpartError) and issubclass(cls, Exception)
    assert ipart.error_class(value) is cls
    builtin = BUILTINS[name]
    if builtin is not None:
        assert issubclass(cls, builtin)
    # No class is caught by another code's handler (siblings, not a chain).
    for other, _, other_cls, _ in FAILURES:
        if other != name:
            assert not issubclass(cls, getattr(ipart, other_cls + "Error"))


def test_base_class():
    assert ipart.IpartError.__module__ == "ipart"
    assert issubclass(ipart.IpartError, Exception)
    assert not issubclass(ipart.IpartError, ValueError)
    assert not issubclass(ipart.NotFoundError, KeyError)  # KeyError's str() would quote the message


# ---- every code that a call can produce, produced by a call ----------------------

def _rejection(code):
    """Replay the first golden rejection case of a code (EPERM, EEXISTS...)."""
    case = next(c for c in load_case("procedure/rejections.json") if c["code"] == code)
    doc = load_case("procedure/" + case["base"])["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"][:case["prefix"]]:
        p.apply(event)
    return lambda: p.apply(case.get("event_text", case.get("event")))


def _invalid_document(code):
    case = next(c for c in load_case("documents/invalid.json") if c["code"] == code)
    return lambda: ipart.Partnership.loads(case["text"])


TRIGGERS = {
    "EINVAL": lambda: ipart.parse_date("2017-02-29"),
    "EPARSE": lambda: ipart.parse_date("2017-2-1"),
    "ERANGE": lambda: ipart.Calendar("NO").holidays(1800),
    "EOVERFLOW": lambda: ipart.Money.from_minor(2**63 - 1, "NOK") + ipart.Money.from_minor(1, "NOK"),
    "ECURRENCY": lambda: ipart.Money("1", "XYZ"),
    "ESTATE": lambda: ipart.Partnership().apply(
        {"type": "note_recorded", "date": "2017-01-01", "actor": "x", "text": "t"}),
    "EPERM": lambda: _rejection("IPART_EPERM")(),
    "ERULE": lambda: _rejection("IPART_ERULE")(),
    "ENOTFOUND": lambda: ipart.Partnership().party("nobody"),
    "EEXISTS": lambda: _rejection("IPART_EEXISTS")(),
    "EVERSION": lambda: _invalid_document("IPART_EVERSION")(),
    "EMISUSE": lambda: capi.ipart_money_parse(capi.ipart_money(), None, "NOK"),
}
# No call reaches these from Python: ENOMEM needs the C allocator hook, and
# EINTERNAL is a library bug.
UNREACHABLE = {"ENOMEM", "EINTERNAL"}


def test_every_code_has_a_trigger_or_a_reason():
    assert set(TRIGGERS) | UNREACHABLE == {n for n, _, _, _ in FAILURES}
    assert not set(TRIGGERS) & UNREACHABLE


@pytest.mark.parametrize("name", sorted(TRIGGERS))
def test_each_code_raises_its_class_with_the_detail(name):
    with pytest.raises(ipart.error_class(ipart.Status[name])) as info:
        TRIGGERS[name]()
    e = info.value
    assert type(e) is ipart.error_class(ipart.Status[name])
    assert e.code == ipart.Status[name] and isinstance(e.code, int)
    assert e.name == "IPART_" + name
    assert e.message and str(e) == e.message and e.args == (e.message,)
    assert e.key and re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", e.key), e.key
    for attr in ("rule", "source", "path"):
        assert isinstance(getattr(e, attr), str)
    # The detail read in the wrapper is the one C still holds.
    last = capi.ipart_error_last()
    assert (last.code, last.key, last.message) == (e.code, e.key, e.message)


def test_parse_error_detail():
    with pytest.raises(ipart.ParseError) as info:
        ipart.Money("12,00", "NOK")
    e = info.value
    assert e.code == ipart.Status.EPARSE and e.name == "IPART_EPARSE"
    assert e.key == "money.parse.syntax"
    assert "'12,00'" in e.message and str(e) == e.message
    assert e.rule == "" and e.path == "" and e.source == ""


def test_rule_violation_carries_rule_source_and_path(cases):
    base = cases("procedure/stavanger.json")["document"]
    events = base["events"]
    p = ipart.Partnership(base["profile"])
    for event in events[:9]:
        p.apply(event)
    with pytest.raises(ipart.RuleViolationError) as info:
        p.apply(dict(events[9], request_deadline="2017-10-13"))
    e = info.value
    assert (e.code, e.rule, e.path) == (ipart.Status.ERULE, "R6", "$.request_deadline")
    assert "Reg. 1182/71" in e.source


def test_a_refusal_reads_in_norwegian_or_english_with_one_key_and_rule(cases):
    base = cases("procedure/stavanger.json")["document"]
    p = ipart.Partnership(base["profile"])
    for event in base["events"][:9]:
        p.apply(event)
    with pytest.raises(ipart.RuleViolationError) as info:
        p.apply(dict(base["events"][9], request_deadline="2017-10-13"))
    e = info.value
    assert (e.rule, e.key) == ("R6", "notice.deadline.short")
    assert e.message_in("en") == ("the request deadline 2017-10-13 is too early: at least 30 days "
                                  "from the day after dispatch gives 2017-10-16 (R6)")
    assert e.message_in("nb") == ("fristen for forespørsel om deltakelse 2017-10-13 er for tidlig: "
                                  "minst 30 dager fra dagen etter utsendelse gir 2017-10-16 (R6)")
    assert e.message_in("en") == e.message_in("sv") == e.message_in(None) == e.message == str(e)
    # Captured when raised: a later failure on this thread does not change it.
    nb = e.message_in("nb")
    with pytest.raises(ipart.ParseError):
        ipart.parse_date("2017-2-1")
    assert e.message_in("nb") == nb
    assert pickle.loads(pickle.dumps(e)).message_in("nb") == nb


def test_builtin_handlers_catch_the_library_errors():
    with pytest.raises(ValueError):
        ipart.parse_date("nonsense")
    with pytest.raises(OverflowError):
        TRIGGERS["EOVERFLOW"]()
    with pytest.raises(LookupError):
        TRIGGERS["ENOTFOUND"]()
    with pytest.raises(TypeError):
        TRIGGERS["EMISUSE"]()
    with pytest.raises(PermissionError):
        TRIGGERS["EPERM"]()


def test_exceptions_pickle_with_their_detail():
    with pytest.raises(ipart.ParseError) as info:
        ipart.parse_date("x")
    e = pickle.loads(pickle.dumps(info.value))
    assert type(e) is ipart.ParseError
    assert (e.code, e.name, e.key, e.message) == \
        (info.value.code, info.value.name, info.value.key, info.value.message)


def test_a_message_cut_inside_a_utf8_character_still_raises_the_library_error():
    # The C detail buffers have fixed sizes; the echoed input is cut short.
    for n in (60, 250, 300, 600):
        with pytest.raises(ipart.ParseError) as info:
            ipart.Money.parse("1" + "ø" * n, "NOK")
        assert info.value.key.startswith("money.parse") and isinstance(info.value.message, str)


def test_error_detail_struct_reads_as_plain_values():
    # The code field shares its C type with ipart_status; reading it must
    # return the int, not raise the error it describes.
    with pytest.raises(ipart.CurrencyError):
        ipart.currency_exponent("XYZ")
    last = capi.ipart_error_last()
    assert last.code == ipart.Status.ECURRENCY
    assert last.key and last.message
    capi.ipart_error_clear()
    cleared = capi.ipart_error_last()
    assert (cleared.code, cleared.message, cleared.rule) == (0, "", "")
