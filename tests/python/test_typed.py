"""Typed results of the list-shaped queries against the JSON exports and the
golden cases: at every step of every golden procedure the records of
tenderers, ranking, actions, partner_phases, forecast and rights carry
exactly what the C library's JSON export says, with Money, Decimal points,
datetime.date and ids; and they give the golden expectations."""
import datetime
import decimal
import json

import pytest

import ipart
from ipart import capi
from conftest import CASES, load_case

PROCEDURES = sorted(p.name for p in (CASES / "procedure").glob("*.json")
                    if p.name != "rejections.json")


def money(m):
    assert isinstance(m, ipart.Money)
    return str(m)


def day(d):
    assert isinstance(d, datetime.date)
    return d.isoformat()


def pts(d):
    assert isinstance(d, decimal.Decimal)
    return f"{d:.6f}"


def tenderer_export(t):
    tender = None
    if t.tender is not None:
        x = t.tender
        tender = {"kind": x.kind, "version": x.version, "price": money(x.price),
                  "development_price": money(x.development_price), "date": day(x.date)}
    return {"id": t.id, "name": t.name, "status": t.status, "qualified": t.qualified,
            "invited": t.invited, "eliminated": t.eliminated, "tender": tender}


def ranked_export(r):
    assert sum(r.scores.values()) == r.points and r.total == int(r.points * 1000000)
    return {"tenderer": r.tenderer, "rank": r.rank, "total": pts(r.points), "tied": r.tied,
            "scores": {k: pts(v) for k, v in r.scores.items()}}


def phase_export(ph):
    return {"id": ph.id, "kind": ph.kind, "due": day(ph.due), "price": money(ph.price),
            "state": ph.state,
            "targets": [{"id": t.id, "status": t.status} for t in ph.targets],
            "instalments": [{"id": i.id, "target": i.target, "amount": money(i.amount),
                             "paid": money(i.paid), "payable": i.payable}
                            for i in ph.instalments]}


def forecast_export(f):
    assert sum((x.amount for x in f.payments), ipart.Money(0, f.total.currency)) == f.total
    return {"payments": [{"partner": x.partner, "phase": x.phase, "instalment": x.instalment,
                          "due": day(x.due) if x.due else None, "amount": money(x.amount),
                          "payable": x.payable} for x in f.payments],
            "total": money(f.total)}


def rights_export(r):
    out = {"party": r.party, "asset": r.asset, "event_count": r.event_count}
    for name in ipart.Rights._fields[3:8]:
        why = r.explanations[name]
        assert getattr(r, name) is why.answer
        out[name] = why._asdict()
    return out


def check_competition(p):
    h = p._handle()
    assert [tenderer_export(t) for t in p.tenderers] == \
        json.loads(capi.ipart_partnership_tenderers_json(h))
    ranking = p.ranking
    if ranking is None:
        with pytest.raises(ipart.NotFoundError):
            capi.ipart_partnership_ranking_json(h)
    else:
        assert [ranked_export(r) for r in ranking] == \
            json.loads(capi.ipart_partnership_ranking_json(h))
    for party in p.parties:
        assert [a._asdict() for a in p.actions(party.id)] == \
            json.loads(capi.ipart_partnership_actions_json(h, party.id))


def check_contract(p):
    h = p._handle()
    for t in p.tenderers:
        try:
            p.partner(t.id)
        except ipart.NotFoundError:
            continue
        export = json.loads(capi.ipart_partnership_partner_json(h, t.id))
        assert [phase_export(ph) for ph in p.partner_phases(t.id)] == export["phases"]
    assert forecast_export(p.forecast) == json.loads(capi.ipart_partnership_forecast_json(h))


@pytest.mark.parametrize("name", PROCEDURES)
def test_typed_results_are_the_exports_at_every_step(name):
    doc = load_case("procedure/" + name)["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"]:
        p.apply(event)
        check_competition(p)
        check_contract(p)


@pytest.mark.parametrize("name", PROCEDURES)
def test_rights_records_are_the_exports(name):
    p = ipart.Partnership.loads(load_case("procedure/" + name)["document"])
    operators = [t.id for t in p.tenderers]
    for at in (len(p), len(p) - 3):
        for party in p.parties:
            for asset in (f"{o}.{k}" for o in operators for k in ("foreground", "background")):
                try:
                    export = json.loads(capi.ipart_partnership_rights_json(
                        p._handle(), at, party.id, asset))
                except ipart.IpartError as e:
                    with pytest.raises(type(e)):
                        p.rights(party.id, asset, at=at)
                    continue
                assert rights_export(p.rights(party.id, asset, at=at)) == export


@pytest.mark.parametrize("name", PROCEDURES)
def test_ranking_records_give_the_golden_ranking(name):
    case = load_case("procedure/" + name)
    want = case["expect"].get("ranking")
    if want is None:
        pytest.skip("no ranking expected")
    p = ipart.Partnership.loads(case["document"])
    got = p.ranking
    assert [(r.tenderer, r.rank) for r in got] == [(w["tenderer"], w["rank"]) for w in want]
    for r, w in zip(got, want):
        if "total" in w:
            assert r.points == decimal.Decimal(w["total"])


@pytest.mark.parametrize("name", PROCEDURES)
def test_event_headers_and_withheld_counts_are_the_json(name):
    p = ipart.Partnership.loads(load_case("procedure/" + name)["document"])
    for i, event in enumerate(p):
        h = p.event_header(i)
        assert isinstance(h, ipart.EventHeader) and isinstance(h.date, datetime.date)
        assert (h.type, h.date.isoformat(), h.actor) == \
            (event["type"], event["date"], event["actor"])
    assert p.event_header(-1) == p.event_header(len(p) - 1)
    with pytest.raises(ipart.NotFoundError):
        p.event_header(len(p))
    for party in p.parties:
        assert p.view_withheld(party.id) == p.view(party.id)["withheld"]
    with pytest.raises(ipart.NotFoundError):
        p.view_withheld("nobody")


def test_records_are_immutable_and_typed():
    p = ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])
    t = next(x for x in p.tenderers if x.id == "op05")
    with pytest.raises(AttributeError):
        t.id = "other"
    assert isinstance(t, ipart.Tenderer) and isinstance(t.tender, ipart.Tender)
    assert t.tender.price == ipart.Money("12150000.00", "NOK")
    assert isinstance(p.ranking[0], ipart.Ranked)
    blocked = next(a for a in p.actions("op05") if not a.allowed)
    assert blocked.code.startswith("IPART_E") and blocked.reason
    allowed = next(a for a in p.actions("stavanger") if a.allowed)
    assert (allowed.code, allowed.rule, allowed.reason, allowed.reason_nb) == (None,) * 4
    assert blocked.reason_nb and blocked.reason_in("nb") == blocked.reason_nb
    assert isinstance(p.forecast, ipart.Forecast)
    assert all(isinstance(ph, ipart.PartnerPhase) for ph in p.partner_phases("op05"))
    # A record converts to a dict for pandas or JSON.
    assert t._asdict()["tender"].date == t.tender.date
