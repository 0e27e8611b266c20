"""The partnership contract through the Python facade: partners, caps,
warnings and proportionality (the golden cases drive the numbers; these
tests cover the API around them)."""
import copy
import datetime

import pytest

import ipart
from conftest import load_case

NOK = "NOK"


def replay(name, count=None):
    doc = load_case("procedure/" + name)["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"][:count]:
        p.apply(event)
    return p


@pytest.fixture(scope="module")
def stavanger():
    return replay("stavanger.json")


def test_partner_status_is_typed_money(stavanger):
    s = stavanger.partner("op05")
    assert isinstance(s, ipart.PartnerStatus)
    assert s.state == "option_exercised" and s.phase == "p3" and s.phase_index == 2
    assert s.value == s.original + s.changes == ipart.Money("4100000.00", NOK)
    assert s.paid.amount == s.value.amount  # Decimal end to end
    assert s.option_quantity == 60 and s.option_value == ipart.Money("14400000.00", NOK)


def test_partner_before_any_phase_has_no_phase():
    p = replay("stavanger.json", 92)
    s = p.partner("op11")
    assert (s.state, s.phase, s.phase_index) == ("signed", None, None)
    assert s.owed_on_termination == ipart.Money(0, NOK)


def test_partner_that_is_not_awarded_is_not_found(stavanger):
    with pytest.raises(ipart.NotFoundError):
        stavanger.partner("op20")
    with pytest.raises(ipart.NotFoundError):
        stavanger.partner("nobody")


def test_partner_phases_list_targets_and_instalments(stavanger):
    assert stavanger.partner("op08").state == "terminated"
    phases = stavanger.partner_phases("op08")
    assert [ph.state for ph in phases] == ["ended", "ended", "ended"]
    p1 = phases[0]
    assert isinstance(p1.due, datetime.date) and isinstance(p1.price, ipart.Money)
    assert [t.status for t in p1.targets] == ["not_met", "met"]
    assert [(i.id, i.paid, i.payable) for i in p1.instalments] == \
        [("p1.i1", ipart.Money("0.00", NOK), False),
         ("p1.i2", ipart.Money("800000.00", NOK), False)]
    with pytest.raises(ipart.NotFoundError):
        stavanger.partner_phases("op20")
    # The deprecated dict is the JSON export of the same contract.
    with pytest.warns(DeprecationWarning):
        d = stavanger.partner_detail("op08")
    assert [ph["id"] for ph in d["phases"]] == [ph.id for ph in phases]


def test_cap_rows_and_what_fits(stavanger):
    rows = {(c.cap, c.partner): c for c in stavanger.caps}
    purchase = rows[("purchase", None)]
    assert purchase.headroom == ipart.Money(0, NOK) and purchase.policy == "stop"
    assert not stavanger.cap_fits("purchase", ipart.Money("0.01", NOK))
    assert stavanger.cap_fits("purchase", ipart.Money(0, NOK))
    assert stavanger.cap_fits("development_cap", ipart.Money("5580000.00", NOK))
    assert not stavanger.cap_fits("development_cap", ipart.Money("5580000.01", NOK))
    assert stavanger.cap_fits("per-partner", ipart.Money("2480000.00", NOK), "op11")
    assert rows[("per-partner", "op05")].headroom == ipart.Money("-100000.00", NOK)


def test_cap_fits_refuses_bad_questions(stavanger):
    with pytest.raises(ipart.NotFoundError):
        stavanger.cap_fits("no-such-cap", ipart.Money(1, NOK))
    with pytest.raises(ipart.InvalidArgumentError):
        stavanger.cap_fits("per-partner", ipart.Money(1, NOK))
    with pytest.raises(ipart.CurrencyError):
        stavanger.cap_fits("purchase", ipart.Money(1, "EUR"))
    with pytest.raises(TypeError):
        stavanger.cap_fits("purchase", 1)


def test_warnings_name_rule_and_event(stavanger):
    (w,) = stavanger.warnings
    assert w.rule == "R33" and w.key == "cap.exceeded" and "op05" in w.message
    # the same warning in Norwegian, with the same figures (issue #15)
    assert "op05" in w.message_nb and "4100000.00" in w.message_nb and "4000000.00" in w.message_nb
    assert w.message_nb != w.message and w.message_in("nb") == w.message_nb
    assert w.message_in("en") == w.message_in("sv") == w.message_in(None) == w.message
    assert stavanger.event(w.event)["type"] == "contract_changed"


def test_proportionality(stavanger):
    v = stavanger.proportionality
    assert v.ratio == 25000 and not v.outside_band and not v.overrun
    assert v.committed == ipart.Money("6420000.00", NOK)


def test_proportionality_before_terms_is_a_state_error():
    p = replay("stavanger.json", 1)
    with pytest.raises(ipart.StateError):
        p.proportionality


def test_what_if_on_a_clone_leaves_the_original(stavanger):
    q = copy.copy(stavanger)
    q.apply({"type": "option_exercised", "date": "2019-12-10", "actor": "kristiansand",
             "partner": "op05", "quantity": 1, "unit_price": "0.00"})
    assert q.partner("op05").option_quantity == 61
    assert stavanger.partner("op05").option_quantity == 60


def test_what_if_reports_and_leaves_the_original():
    doc = load_case("procedure/stavanger.json")["document"]
    p = replay("stavanger.json", 92)
    before = p.dumps()
    report = p.what_if(doc["events"][92:99])
    assert report["applied"] == 7 and report["refused"] is None
    assert report["stage"] == "development"
    assert report["next_due"] == {"kind": "phase_due", "date": "2018-09-28",
                                  "event_type": "milestone_assessed"}
    caps = {(c["cap"], c["partner"]): c for c in report["caps"]}
    assert caps[("development-payments", None)]["headroom"] == "11210000.00"
    forecast = report["forecast"]  # all of the award but op05's first instalment
    assert ipart.Money(forecast["total"], NOK) == ipart.Money("11750000.00", NOK) - \
        ipart.Money("790000.00", NOK)
    assert p.dumps() == before and len(p) == 92


def test_what_if_names_the_refused_event():
    doc = load_case("procedure/stavanger.json")["document"]
    p = replay("stavanger.json", 98)
    pay_op08 = dict(doc["events"][98], partner="op08", instalment="p1.i1", amount="800000.00")
    report = p.what_if([doc["events"][98], pay_op08, doc["events"][99]])
    assert report["applied"] == 1
    assert report["refused"] == {"index": 1, "code": "IPART_ERULE", "rule": "R22",
                                 "path": "$[1].instalment",
                                 "message": report["refused"]["message"],
                                 "message_nb": report["refused"]["message_nb"]}
    assert report["refused"]["message_nb"] != report["refused"]["message"]
    assert "R22" in report["refused"]["message_nb"]
    assert report["warnings"] == []


def test_what_if_refuses_what_is_not_a_list_of_events():
    p = replay("stavanger.json", 92)
    with pytest.raises(ipart.ParseError):
        p.what_if("[")
    with pytest.raises(ipart.InvalidArgumentError):
        p.what_if({"type": "note_recorded"})


def test_forecast_lists_what_is_left_to_pay(stavanger):
    assert stavanger.forecast == ipart.Forecast([], ipart.Money("0.00", NOK))
    p = replay("stavanger.json", 107)  # op08 terminated, settled at what it was paid
    payments = p.forecast.payments
    assert {x.partner for x in payments} == {"op05", "op11"}
    assert all(x.payable is False for x in payments)
