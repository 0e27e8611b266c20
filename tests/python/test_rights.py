"""Who owns, who may use and who may see (R19, R36-R38) through the Python
facade, driven by tests/cases/rights/rights.json and the golden procedures.

The rights matrix of doc/ip-regimes.md is rendered here from the library's
answers to the golden queries and must match the page, so the page cannot
drift. To rewrite it after a change, run this module with
IPART_WRITE_DOCS=1.
"""
import json
import os
import pathlib

import pytest

import ipart
from conftest import CASES, load_case, status_class

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "doc" / "ip-regimes.md"
RIGHTS = load_case("rights/rights.json")
PROCEDURES = sorted(p.name for p in (CASES / "procedure").glob("*.json")
                    if p.name != "rejections.json")
NAMES = ("owns", "use", "modify", "sublicense", "commercialise")

_loaded = {}


def procedure(name):
    """The golden procedure, loaded once (queries never change it)."""
    if name not in _loaded:
        _loaded[name] = ipart.Partnership.loads(load_case("procedure/" + name)["document"])
    return _loaded[name]


@pytest.mark.parametrize("q", RIGHTS["queries"], ids=lambda q: q["name"])
def test_rights_answer_as_the_regime_says(q):
    r = procedure(q["base"]).rights(q["party"], q["asset"], at=q["prefix"])
    assert isinstance(r, ipart.Rights)
    assert {n: getattr(r, n) for n in NAMES} == q["expect"]
    assert (r.party, r.asset, r.event_count) == (q["party"], q["asset"], q["prefix"])
    for name in NAMES:
        why = r.explanations[name]
        assert why.answer is q["expect"][name]
        assert why.rule in ("R28", "R36", "R37") and why.reason
        assert why.reason_in("nb") == why.reason_nb != why.reason, (name, why.reason)
        assert why.reason_in("en") == why.reason_in("sv") == why.reason
    for name, rule in q.get("rules", {}).items():
        assert r.explanations[name].rule == rule


@pytest.mark.parametrize("q", RIGHTS["errors"], ids=lambda q: q["name"])
def test_bad_rights_queries_raise(q):
    with pytest.raises(status_class(q["error"])) as err:
        procedure(q["base"]).rights(q["party"], q["asset"], at=q["prefix"])
    assert err.value.name == q["error"]


def outcome(p, party, asset, at):
    """What a rights query answers: the rights and their explanations, or
    the error (class, rule, key and message)."""
    try:
        r = p.rights(party, asset, at=at)
    except ipart.IpartError as e:
        return (type(e).__name__, e.rule, e.key, str(e))
    return tuple(r)


@pytest.mark.parametrize("name", PROCEDURES)
def test_every_earlier_point_answers_as_a_replay_of_its_prefix(name):
    """The rights at every point come from the state's history: they must
    be what a replay of that prefix answers for its whole log."""
    p = procedure(name)
    ids = [x.id for x in p.parties]
    partners = [i for i in ids if p.party(i).status in ("partner", "terminated", "awarded")]
    assets = [f"{i}.{a}" for i in partners for a in ("foreground", "background")]
    replay = ipart.Partnership(p.profile)
    compared = 0
    for k in range(len(p) + 1):
        for party in ids + ["nobody"]:
            for asset in assets + [ids[-1] + ".foreground"]:
                assert outcome(p, party, asset, k) == outcome(replay, party, asset, None), \
                    (name, k, party, asset)
                compared += 1
        if k < len(p):
            replay.apply(p.event(k))
    assert compared > len(p)


def test_a_merger_into_an_existing_party_leaves_the_earlier_points_alone():
    """Baerum merges into NAV (its purchases count for NAV) and Stavanger
    into Kristiansand, which becomes the contracting authority: the rights
    before those events are what they were."""
    p = ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])
    before = len(p)
    then = {who: p.rights(who, "op05.foreground") for who in ("nav", "kristiansand")}
    merger = {"type": "authority_succeeded", "actor": "stavanger", "kind": "merger",
              "effective": "2020-01-01", "basis": "Avtale"}
    p.apply(dict(merger, date="2019-12-16", predecessor="baerum", takes_over="Kjøpene.",
                 successor={"id": "nav", "name": "NAV", "kind": "central_government"}))
    p.apply(dict(merger, date="2019-12-17", predecessor="stavanger", contracting_authority=True,
                 takes_over="Oppdragsgiveransvaret.",
                 successor={"id": "kristiansand", "name": "Kristiansand kommune",
                            "kind": "sub_central"}))
    assert p.rights("kristiansand", "op05.foreground").use
    assert not then["kristiansand"].use
    for who, rights in then.items():
        assert p.rights(who, "op05.foreground", at=before) == rights


def view_outcome(p, party, at):
    """What a view query answers: the withheld count and the view, or the
    error (class, rule, key and message)."""
    try:
        return (p.view_withheld(party, at=at), p.view(party, at=at))
    except ipart.IpartError as e:
        return (type(e).__name__, e.rule, e.key, str(e))


def scoped(p, party):
    """The scoped handle of ``party`` on ``p``, None when it is no party of ``p``."""
    try:
        return p.as_party(party)
    except ipart.NotFoundError:
        return None


@pytest.mark.parametrize("name", PROCEDURES)
def test_every_earlier_view_is_the_view_of_a_replay_of_its_prefix(name):
    """The view at every point is decided on the state as it was then: it
    must be what a replay of that prefix shows, for the whole log, its clone
    and the scoped handles of three parties (the first, the middle and the
    last: the C suite checks every party's) against theirs on the replay."""
    p = procedure(name)
    ids = [x.id for x in p.parties]
    copy = p.clone()
    audiences = {who: p.as_party(who) for who in (ids[0], ids[len(ids) // 2], ids[-1])}
    replay = ipart.Partnership(p.profile)
    compared = 0
    for k in range(len(p) + 1):
        then = {who: scoped(replay, who) for who in audiences}
        for party in ids + ["nobody"]:
            want = view_outcome(replay, party, None)
            assert view_outcome(p, party, k) == want, (name, k, party)
            assert view_outcome(copy, party, k) == want, (name, k, party, "clone")
            for who, handle in audiences.items():
                if then[who] is not None:
                    assert view_outcome(handle, party, k) == view_outcome(then[who], party, None), \
                        (name, k, who, party)
            compared += 1
        if k < len(p):
            replay.apply(p.event(k))
    assert compared > len(p)


def test_a_view_at_a_point_is_bounded_by_the_log_and_its_parties():
    p = procedure("stavanger.json")
    with pytest.raises(ipart.OutOfRangeError) as err:
        p.view("stavanger", at=len(p) + 1)
    assert err.value.key == "log.index"
    with pytest.raises(ipart.OutOfRangeError):
        p.view_withheld("stavanger", at=len(p) + 1)
    with pytest.raises(ValueError):
        p.view("stavanger", at=-1)
    with pytest.raises(ipart.NotFoundError):
        p.view("op05", at=1)  # it requests participation later
    first = p.view("stavanger", at=1)
    assert [e["index"] for e in first["events"]] == [0] and first["withheld"] == 0
    assert p.view("op05") == p.view("op05", at=len(p))
    with pytest.raises(ipart.PermissionDeniedError):
        p.as_party("op05").view("op08", at=len(p))


def test_a_merger_into_an_existing_party_leaves_the_earlier_views_alone():
    """Kristiansand, a follower, becomes the contracting authority: before
    that event its view at a point is the follower's it had then."""
    p = ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])
    before, then = len(p), p.view("kristiansand")
    p.apply({"type": "authority_succeeded", "actor": "stavanger", "kind": "merger",
             "effective": "2020-01-01", "basis": "Avtale", "date": "2019-12-17",
             "predecessor": "stavanger", "contracting_authority": True,
             "takes_over": "Oppdragsgiveransvaret.",
             "successor": {"id": "kristiansand", "name": "Kristiansand kommune",
                           "kind": "sub_central"}})
    assert p.view("kristiansand")["withheld"] == 0 < then["withheld"]
    assert p.view("kristiansand", at=before) == then
    assert p.as_party("kristiansand").view_withheld("kristiansand", at=before) == then["withheld"]


def test_rights_follow_the_log_now_and_cite_clauses():
    p = procedure("stavanger.json")
    now = p.rights("baerum", "op05.foreground")
    assert now.event_count == len(p) and now.use and not now.owns
    assert now.explanations["use"].clause == "Avtalen pkt. 9.5"
    with pytest.raises(ValueError):
        p.rights("baerum", "op05.foreground", at=-1)


# ---- the party-scoped view ---------------------------------------------------------

LISTS = {"tenders_evaluated": "scores", "candidates_invited": "candidates",
         "tenders_reduced": "eliminated"}


def consortia(events):
    """Each consortium member's consortium (R52: it acts as, and sees as, it)."""
    return {m["id"]: e["operator"]["id"] for e in events if e["type"] == "participation_requested"
            for m in e["operator"].get("members", [])}


def operator_of(event, roles, groups=None):
    """The operator an event is confidential to, or None (this test's own
    reading of R19/R37, independent of the library's)."""
    for field in ("partner", "tenderer", "candidate"):
        if isinstance(event.get(field), str):
            return event[field]
    if event["type"] == "dialogue_activity_held" and "supplier" in event:
        return event["supplier"]["id"]  # R50: a one-to-one meeting or a written input
    actor = (groups or {}).get(event["actor"], event["actor"])
    return actor if roles.get(actor) == "operator" else None


def consented_fields(events, owner, index, party):
    """What `owner` consented to show `party` of event `index`: None for
    nothing, "*" for the whole event, else a set of dotted fields."""
    fields = None
    for e in events:
        if (e["type"] == "consent_given" and e["actor"] == owner
                and isinstance(e["item"], dict) and e["item"]["event"] == index
                and party in e["recipients"]):
            if "field" not in e["item"]:
                return "*"
            fields = (fields or set()) | {e["item"]["field"]}
    return fields


def shared_information(events):
    return {i for e in events if e["type"] == "dialogue_information_shared"
            for i in e["information"]}


def within(shown, full, fields):
    """Every member shown (beyond the header) is a consented field of the full event."""
    def covered(path, value, source):
        if path in fields:
            return value == source
        if isinstance(value, dict) and any(f.startswith(path + ".") for f in fields):
            return all(covered(f"{path}.{k}", v, source.get(k)) for k, v in value.items())
        return False
    return all(k in ("type", "date", "actor") and v == full[k] or covered(k, v, full.get(k))
               for k, v in shown.items())


@pytest.mark.parametrize("name", PROCEDURES)
def test_no_party_sees_another_operators_confidential_items(name):
    p = procedure(name)
    events = p.events
    roles = {party.id: str(party.role) for party in p.parties}
    groups = consortia(events)
    checked = 0
    for party, role in roles.items():
        me = groups.get(party, party)  # a member sees as its consortium (R52)
        view = p.view(party)
        assert view["party"] == party and view["format"] == "ipart-view"
        shown = {entry["index"]: entry for entry in view["events"]}
        assert len(shown) + view["withheld"] == len(events)
        if role == "authority":
            assert view["withheld"] == 0
            continue
        for index, full in enumerate(events):
            entry = shown.get(index)
            if groups.get(full["actor"], full["actor"]) == me:
                assert entry and entry["event"] == full, f"{party} misses its own event {index}"
            if entry is None:
                continue
            event = entry["event"]
            owner = operator_of(full, roles, groups)
            if (owner and owner != me and groups.get(full["actor"], full["actor"]) != me
                    and full["type"] != "consent_given"):
                if full["type"] == "dialogue_activity_held":
                    # R50: only the information shared with all since, nothing of the supplier.
                    assert entry["partial"] and "supplier" not in event and "summary" not in event
                    assert {i["id"] for i in event["information"]} <= shared_information(events)
                    continue
                fields = consented_fields(events, owner, index, me)
                assert fields, f"{party} sees event {index} of {owner} without consent"
                if fields != "*":
                    assert entry["partial"] and within(event, full, fields)
            if full["type"] in LISTS:
                for item in event[LISTS[full["type"]]]:
                    assert (item if isinstance(item, str) else item["tenderer"]) == me
            if not entry["partial"]:
                assert event == full
        checked += role != "authority"
    assert checked >= 3


def test_a_consented_field_reaches_its_recipients_only():
    p = procedure("stavanger.json")
    entry = next(e for e in p.view("baerum")["events"] if e["index"] == 71)
    assert entry["partial"] and set(entry["event"]["tender"]) == {"proposal"}
    assert all(e["index"] != 71 for e in p.view("op11")["events"])
    with pytest.raises(ipart.NotFoundError):
        p.view("oslo")


def test_a_one_to_one_meeting_stays_with_its_supplier_unless_shared():
    # R50: Arctic's meeting (event 6) gave it the budget figure, shared with all
    # by event 12; Nordlys' written input (event 8) shares nothing.
    p = procedure("troms_finnmark_dialogue.json")
    own = {e["index"]: e for e in p.view("arctic")["events"]}
    assert not own[6]["partial"] and own[6]["event"]["supplier"]["id"] == "arctic"
    other = {e["index"]: e for e in p.view("bigco")["events"]}
    assert other[6]["partial"] and other[6]["event"]["information"] == [
        {"id": "d3-budget", "text": "Rammen for utviklingsfasen er anslått til NOK 7,3 millioner."}]
    assert set(other[6]["event"]) == {"type", "date", "actor", "activity", "kind", "information"}
    assert 8 not in other and 7 in other and not other[7]["partial"]
    assert 5 in other and not other[5]["partial"]  # the dialogue conference is open to all

# ---- doc/ip-regimes.md ---------------------------------------------------------------

def regime_of(name):
    events = load_case("procedure/" + name)["document"]["events"]
    terms = [e for e in events if e["type"] == "terms_set"]
    return terms[-1]["ipr"]["regime"] if terms else None  # a case before the terms


def matrix():
    """The rights matrix of the golden queries, one table per regime."""
    order = ["supplier_owns", "supplier_owns_licence", "supplier_owns_call_back",
             "authority_owns", "joint"]
    tables = {}
    for q in RIGHTS["queries"]:
        p = procedure(q["base"])
        r = p.rights(q["party"], q["asset"], at=q["prefix"])
        last = p.event(q["prefix"] - 1)
        on = f" on {last['partner']}" if "partner" in last else ""
        moment = f"after {q['prefix']} ({last['type']} by {last['actor']}{on})"
        marks = " | ".join("yes" if getattr(r, n) else "no" for n in NAMES)
        rules = ", ".join(sorted({w.rule for w in r.explanations.values()}))
        row = (f"| {q['party']} | `{q['asset']}` | {moment} | {marks} | {rules} | "
               f"`{q['base']}` |")
        tables.setdefault(regime_of(q["base"]), []).append(row)
    out = []
    for regime in order:
        out += [f"#### `{regime}`", "",
                "| party | asset | moment (events applied, last event) | owns | use | modify "
                "| sublicense | commercialise | rules | case |",
                "|---|---|---|---|---|---|---|---|---|---|"] + tables[regime] + [""]
    return "\n".join(out)


BEGIN, END = "<!-- rights-matrix:begin -->", "<!-- rights-matrix:end -->"


def test_the_ip_regimes_page_shows_the_matrix_the_library_computes():
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN)
    _, tail = rest.split(END)
    expected = f"{head}{BEGIN}\n{matrix()}{END}{tail}"
    if os.environ.get("IPART_WRITE_DOCS") == "1":
        DOC.write_text(expected, encoding="utf-8")
    assert text == expected, "doc/ip-regimes.md is stale: run with IPART_WRITE_DOCS=1"


def test_every_regime_has_a_golden_procedure():
    regimes = {regime_of(name) for name in PROCEDURES} - {None}
    assert regimes == {"supplier_owns", "supplier_owns_licence", "supplier_owns_call_back",
                       "authority_owns", "joint"}
