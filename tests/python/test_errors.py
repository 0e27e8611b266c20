"""Status codes and exceptions come from the one C table (IPART_ERROR_MAP)."""
import pytest

import ipart
from ipart import capi

EXPECTED_CLASSES = {
    "EINVAL": ("InvalidArgumentError", ValueError), "EPARSE": ("ParseError", ValueError),
    "ERANGE": ("OutOfRangeError", ValueError), "EOVERFLOW": ("ArithmeticOverflowError", OverflowError),
    "ECURRENCY": ("CurrencyError", ValueError), "ESTATE": ("StateError", None),
    "EPERM": ("PermissionDeniedError", PermissionError), "ERULE": ("RuleViolationError", None),
    "ENOTFOUND": ("NotFoundError", LookupError), "EEXISTS": ("AlreadyExistsError", None),
    "EVERSION": ("VersionError", None), "ENOMEM": ("OutOfMemoryError", MemoryError),
    "EMISUSE": ("MisuseError", TypeError), "EINTERNAL": ("InternalError", None),
}


def test_status_enum_covers_the_c_table():
    assert {s.name for s in ipart.Status} == set(EXPECTED_CLASSES) | {"OK"}
    assert ipart.Status.OK == 0 and ipart.Status.EINVAL == -1 and ipart.Status.EINTERNAL == -14
    for status in ipart.Status:
        assert ipart.error_name(status) == "IPART_" + status.name
        assert ipart.strerror(status)


@pytest.mark.parametrize("name", sorted(EXPECTED_CLASSES))
def test_every_code_has_its_exception_class(name):
    cls_name, builtin = EXPECTED_CLASSES[name]
    cls = getattr(ipart, cls_name)
    assert issubclass(cls, ipart.IpartError)
    assert ipart.error_class(ipart.Status[name]) is cls
    if builtin:
        assert issubclass(cls, builtin)


def test_exception_carries_the_detail():
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


def test_each_code_that_a_call_can_raise_maps_to_its_class():
    triggers = {
        "EPARSE": lambda: ipart.parse_date("2017-2-1"),
        "EINVAL": lambda: ipart.parse_date("2017-02-29"),
        "ERANGE": lambda: ipart.Calendar("NO").holidays(1800),
        "EOVERFLOW": lambda: ipart.Money.from_minor(2**63 - 1, "NOK") + ipart.Money.from_minor(1, "NOK"),
        "ECURRENCY": lambda: ipart.Money("1", "XYZ"),
        "ENOTFOUND": lambda: ipart.Partnership().party("nobody"),
        "EMISUSE": lambda: capi.ipart_money_parse(capi.ipart_money(), None, "NOK"),
        "ESTATE": lambda: ipart.Partnership().apply(
            {"type": "note_recorded", "date": "2017-01-01", "actor": "x", "text": "t"}),
    }
    for name, trigger in triggers.items():
        with pytest.raises(ipart.error_class(ipart.Status[name])) as info:
            trigger()
        assert info.value.code == ipart.Status[name], name
