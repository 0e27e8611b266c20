"""The worked example of doc/partnership.md is the library's own output: the
ledger there is regenerated from the Stavanger golden case and must match,
so the page cannot drift from the code."""
import json
import pathlib
import re

import ipart
from conftest import load_case

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "doc" / "partnership.md"
FIRST_CONTRACT_EVENT = 92  # the events before are the procedure (doc/events.md)


def detail(event):
    t = event["type"]
    if t in ("phase_started",):
        return event["phase"]
    if t == "milestone_assessed":
        return f"{event['target']} {'met' if event['met'] else 'not met'}"
    if t == "instalment_paid":
        return f"{event['instalment'] or 'settlement'} {event['amount']}"
    if t == "contract_changed":
        return f"{event.get('phase', 'last phase')} {event['delta']}"
    if t == "phase_gate_decided":
        return f"{event['phase']} {event['decision']}" + (f" ({event['ground']})" if "ground" in event else "")
    if t == "option_exercised":
        return f"{event['actor']} {event['quantity']} × {event['unit_price']}"
    return ""


def ledger():
    """The Stavanger contract, event by event: who, what, and every cap after it."""
    doc = load_case("procedure/stavanger.json")["document"]
    p = ipart.Partnership(doc["profile"])
    for event in doc["events"][:FIRST_CONTRACT_EVENT]:
        p.apply(event)
    caps = [c.cap for c in p.caps if c.partner is None]
    lines = ["| # | date | event | partner | detail | paid so far | " + " | ".join(
        f"headroom `{c}`" for c in caps) + " |",
        "|---|---|---|---|---|---|" + "---|" * len(caps)]
    for i, event in enumerate(doc["events"][FIRST_CONTRACT_EVENT:], FIRST_CONTRACT_EVENT):
        p.apply(event)
        rows = {c.cap: c for c in p.caps if c.partner is None}
        paid = rows["development_cap"].paid
        warn = "".join(f" ⚠ {w.rule}" for w in p.warnings if w.event == i)
        lines.append(f"| {i} | {event['date']} | `{event['type']}`{warn} | {event.get('partner', '')} | "
                     f"{detail(event)} | {paid} | " + " | ".join(str(rows[c].headroom) for c in caps)
                     + " |")
    return "\n".join(lines)


def test_the_worked_example_is_the_library_output():
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"<!-- ledger:begin -->\n(.*?)\n<!-- ledger:end -->", text, re.S)
    assert block, "doc/partnership.md has no ledger block"
    assert block.group(1) == ledger(), \
        "doc/partnership.md is out of date: regenerate the ledger (tests/python/test_docs.py)"


THRESHOLD_PAGE = ROOT / "doc" / "thresholds.md"
KINDS_PAGE = ROOT / "doc" / "authority-kinds.md"
# The column of a threshold row (doc/thresholds.md) each class of doc/authority-kinds.md reads.
CLASS_COLUMNS = {"central": 2, "sub-central": 3, "utility": 5}


def kind_rows():
    """[(profile, kind, from, until or None, class, buys for)] of doc/authority-kinds.md."""
    rows = []
    for line in KINDS_PAGE.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\| (NO|SE|DK|EU) \| (\w+) \| (\d{4}-\d\d-\d\d) \| (\d{4}-\d\d-\d\d|—) \| "
                       r"([\w-]+) \| ([\w, —]+) \|", line)
        if row:
            until = None if row.group(4) == "—" else row.group(4)
            rows.append((row.group(1), row.group(2), row.group(3), until, row.group(5),
                         row.group(6)))
    return rows


def threshold_column(case):
    if case["contract_type"] == "works":
        return 4
    classes = [r[4] for r in kind_rows()
               if (r[0], r[1]) == (case["profile"], case["authority_kind"])]
    return CLASS_COLUMNS[classes[-1]]


def threshold_tables():
    """{profile: [(from, until or None, central, other, works, utilities)]} of doc/thresholds.md."""
    tables, profile = {}, None
    for line in THRESHOLD_PAGE.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## (NO|SE|DK|EU) ", line)
        if heading:
            profile = heading.group(1)
            tables[profile] = []
        row = re.match(r"\| (\d{4}-\d\d-\d\d) \| (\d{4}-\d\d-\d\d|—) \|((?: \d+(?: \[D\])? \|){4})", line)
        if row and profile:
            figures = [int(f.split()[0]) for f in row.group(3).strip(" |").split("|")]
            until = None if row.group(2) == "—" else row.group(2)
            tables[profile].append((row.group(1), until, *figures))
    return tables


def test_the_threshold_tables_are_the_golden_cases():
    tables = threshold_tables()
    assert set(tables) == {"NO", "SE", "DK", "EU"} and all(tables.values())
    cases = load_case("rules/thresholds.json")["cases"]
    for case in cases:
        rows = [r for r in tables[case["profile"]]
                if r[0] <= case["date"] and (r[1] is None or case["date"] <= r[1])]
        if "error" in case:
            assert not rows, case
            continue
        row = rows[-1]
        column = threshold_column(case)
        assert (f"{row[column]}.00", row[0]) == (case["threshold"], case["valid_from"]), case
    # every row's first day is a golden case
    firsts = {(c["profile"], c["date"]) for c in cases if "error" not in c}
    assert all((p, r[0]) in firsts for p, rows in tables.items() for r in rows)
# ---- doc/authority-kinds.md -----------------------------------------------------------

def created_as(profile, kind, date):
    """A partnership of `profile` created on `date` by an authority of `kind`."""
    p = ipart.Partnership(profile)
    p.apply({"type": "partnership_created", "date": date, "actor": "a",
             "authority": {"id": "a", "name": "A", "kind": kind}, "title": "T",
             "currency": {"NO": "NOK", "SE": "SEK", "DK": "DKK", "EU": "EUR"}[profile]})
    return p


def day(date, delta):
    import datetime
    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=delta)).isoformat()


def test_the_kinds_table_is_the_librarys():
    rows = kind_rows()
    assert {r[0] for r in rows} == {"NO", "SE", "DK", "EU"} and len(rows) >= 30
    for profile, kind, first, last, klass, _ in rows:
        for date in (first, last) if last else (first, "2199-12-31"):
            if klass == "participant":
                try:
                    created_as(profile, kind, date)
                    raise AssertionError((profile, kind, date))
                except ipart.RuleViolationError as e:
                    assert e.rule == "R54" and "participant_named" in str(e)
            else:
                created_as(profile, kind, date).close()
        refused = ([day(first, -1)] if first > "2000-01-01" else []) + ([day(last, 1)] if last else [])
        for date in refused:
            try:
                created_as(profile, kind, date)
                raise AssertionError((profile, kind, date))
            except ipart.RuleViolationError as e:
                assert e.rule == "R54" and e.path == "$.authority.kind"
    # A kind no row gives a profile is refused there.
    kinds = {r[1] for r in rows}
    for profile in ("NO", "SE", "DK", "EU"):
        listed = {r[1] for r in rows if r[0] == profile}
        for kind in sorted(kinds - listed):
            try:
                created_as(profile, kind, "2020-06-01")
                raise AssertionError((profile, kind))
            except ipart.RuleViolationError as e:
                assert e.rule == "R54"


def test_the_buyers_example_of_events_md_is_the_golden_case():
    text = (ROOT / "doc" / "events.md").read_text(encoding="utf-8")
    block = re.search(r"### Buyers.*?```json\n(.*?)```", text, re.S).group(1)
    decoder, events, at = json.JSONDecoder(), [], 0
    while block[at:].strip():
        at += len(block[at:]) - len(block[at:].lstrip())
        event, at = decoder.raw_decode(block, at)
        events.append(event)
    golden = load_case("procedure/helse_sor_ost_group.json")["document"]["events"]
    assert events == golden[:len(events)] and len(events) == 3
    with ipart.Partnership("NO") as p:
        for event in events:
            p.apply(event)
        assert [x.parent for x in p.parties] == ["", "helse-sor-ost", "helse-sor-ost"]


def test_a_parent_buys_for_the_kinds_its_row_names_and_no_other():
    rows = [r for r in kind_rows() if r[4] != "participant" and r[3] is None]
    for profile, kind, _, _, _, buys_for in rows:
        children = [r[1] for r in rows if r[0] == profile]
        for child in children:
            with created_as(profile, kind, "2020-06-01") as p:
                follower = {"type": "follower_named", "date": "2020-06-01", "actor": "a",
                            "follower": {"id": "c", "name": "C", "kind": child, "parent": "a"}}
                if child in buys_for.split(", "):
                    p.apply(follower)
                    assert p.party("c").parent == "a"
                    continue
                try:
                    p.apply(follower)
                    raise AssertionError((profile, kind, child))
                except ipart.RuleViolationError as e:
                    assert e.rule == "R54" and e.path == "$.follower.parent"


# ---- doc/adding-an-event.md -------------------------------------------------------------

ADDING = ROOT / "doc" / "adding-an-event.md"
# X(ENUM, "name", sender, handler, body); a long row wraps after a comma.
EVENT_ROW = re.compile(r'^\s*X\((\w+), "(\w+)", (\w+),\s*(?:\\\s*)?(\w+),\s*(?:\\\s*)?(\w+)\)',
                       re.M)


def test_adding_an_event_names_files_that_exist():
    text = ADDING.read_text(encoding="utf-8")
    paths = set(re.findall(r"`(libipart/[\w/]+\.[ch])`", text))
    assert len(paths) >= 8
    missing = sorted(p for p in paths if not (ROOT / p).is_file())
    assert not missing, missing


def test_adding_an_event_lists_every_stage_file():
    text = ADDING.read_text(encoding="utf-8")
    listed = set(re.findall(r"`libipart/model/(handlers_\w+\.c)`", text))
    on_disk = {p.name for p in (ROOT / "libipart" / "model").glob("handlers_*.c")}
    assert listed == on_disk


def test_every_event_row_has_its_handler_in_a_stage_file_and_its_body_spec():
    text = (ROOT / "libipart" / "model" / "event_p.h").read_text(encoding="utf-8")
    rows = EVENT_ROW.findall(text)
    assert len(rows) == len(re.findall(r"^\s*X\(", text, re.M)) >= 31  # the pattern reads every row
    handlers = "".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "libipart" / "model").glob("handlers_*.c"))
    specs = (ROOT / "libipart" / "model" / "event_spec.c").read_text(encoding="utf-8")
    for enum, name, sender, handler, body in rows:
        assert name == enum.lower()
        assert sender in {"ANYONE", "PARTY", "AUTHORITY", "OPERATOR", "BUYER"}
        assert f"const ipart__handler ipart__{handler}_handler =" in handlers, handler
        assert f"field_spec {body}_fields[]" in specs, body
    example = EVENT_ROW.search(ADDING.read_text(encoding="utf-8"))
    assert example, "the page shows a row in the form of event_p.h"


def _undocumented():
    """Public names of the package (ipart.__all__) and their public methods
    and properties that have no docstring of their own."""
    import inspect
    missing = []
    for name in ipart.__all__:
        obj = getattr(ipart, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        doc = obj.__doc__
        # A NamedTuple without a docstring gets "Name(field, ...)" generated.
        if not doc or (inspect.isclass(obj) and doc.startswith(obj.__name__ + "(")):
            missing.append(name)
        for member, value in (vars(obj).items() if inspect.isclass(obj) else ()):
            if member.startswith("_"):
                continue
            f = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
            if inspect.isfunction(f) and not f.__doc__:
                missing.append(f"{name}.{member}")
    return missing


def test_every_public_name_has_a_docstring():
    assert _undocumented() == []
