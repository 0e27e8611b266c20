#!/usr/bin/env python3
"""Apply from Python: one call per event (``apply(str)``, ``apply(dict)``)
against one call per batch (``apply_all``), and typed events without JSON
(``apply_event`` of prebuilt ``ipart.Event``s one call each, ``apply_events``
of the same ``Event``s and of dicts of typed values, dates and Money, one call
per batch), on the events of the Stavanger
case replayed onto fresh partnerships, the sides interleaved in one process
(doc/performance.md).

    PYTHONPATH=build/release/python python3 tests/bench/bench_apply.py [--quick] [--side=TEXT] [rounds] [generated]

Two workloads, as tests/bench/BenchApply.java: the Stavanger events from a new
partnership (``rounds``, default 200), and generated ones (participation
requests and qualifications of fresh operators, as bench_generate.c writes
them; ``generated`` events, default 10 000) from a clone of the case's
preparation (a tenth as many rounds). The partnership each run starts from
is made outside the timing. Every side ends with the same saved document
(Stavanger's: a load of the case), checked before any figure is printed; a refused event stops the run with the
library's error (``--quick``, one round, 1 000 generated events, runs in CTest
as py.bench_apply_quick). ``--side=TEXT`` times only the sides whose name
holds TEXT (``--side=apply_all(JSON``), so that the others do not evict its
data between its runs; every side is still checked.
Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import json
import sys
import time
from pathlib import Path

import ipart

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from typed_values import typed_values  # noqa: E402  (the tests' helper, shared)

CASE = Path(__file__).resolve().parents[2] / "examples" / "stavanger-procedure.json"


def one_by_one(p, events):
    for event in events:
        p.apply(event)


def built(p, events):
    for event in events:
        p.apply_event(event)


def typed_events(start, dicts):
    """Each event as a dict of typed values with its "type" (amounts in the
    case's currency, so each is typed on a partnership that reached it)."""
    p, out = start(), []
    for event in dicts:
        values = typed_values(p, ipart.Event(event["type"]), "", event)
        out.append({"type": event["type"], **values})
        p.apply(event)
    return out


def sides(start, dicts):
    """The sides over one workload: name -> what each run applies to a
    partnership from start()."""
    texts = [json.dumps(e, ensure_ascii=False) for e in dicts]
    array_text = json.dumps(dicts, ensure_ascii=False)
    values = typed_events(start, dicts)
    prebuilt = [ipart.Event(v["type"], {k: x for k, x in v.items() if k != "type"})
                for v in values]
    return {
        "apply(str), one call per event": lambda p: one_by_one(p, texts),
        "apply(dict), one call per event": lambda p: one_by_one(p, dicts),
        "apply_all(JSON array text)": lambda p: p.apply_all(array_text),
        "apply_all(list of dicts)": lambda p: p.apply_all(dicts),
        "apply_event(Event), prebuilt": lambda p: built(p, prebuilt),
        "apply_events(prebuilt Events)": lambda p: p.apply_events(prebuilt),
        "apply_events(typed dicts)": lambda p: p.apply_events(values),
    }


def prepared(case):
    """The case's preparation: its events before the first participation request."""
    p = ipart.Partnership(case["profile"])
    for event in case["events"]:
        if event["type"] == "participation_requested":
            break
        p.apply(event)
    return p


def generated(authority, count):
    """bench_generate.c's events (as BenchApply.java): requests of fresh
    operators, then their qualification."""
    requests = (count + 1) // 2
    out = [{"type": "participation_requested", "date": "2017-09-20", "actor": f"g{i}",
            "operator": {"id": f"g{i}", "name": f"Leverandør {i} AS"}} for i in range(requests)]
    out += [{"type": "candidate_assessed", "date": "2017-10-20", "actor": authority,
             "candidate": f"g{i}", "qualified": True,
             "reason": "Oppfyller alle utvelgelseskriterier; FoU-kapasitet er dokumentert."}
            for i in range(count - requests)]
    return out


def check(name, start, workload, expected):
    """Every side saves the same document (`expected` if given), or exit 1."""
    for side, run in workload.items():
        p = start()
        run(p)
        expected = expected or p.dumps()
        if p.dumps() != expected:
            sys.exit(f"{name}, {side}: the saved document differs")


def measure(name, start, workload, events, rounds, only=""):
    workload = {side: run for side, run in workload.items() if only in side}
    spent = {side: [0.0, 0.0] for side in workload}  # wall, CPU of this thread
    for _ in range(rounds):
        for side, run in workload.items():
            p = start()
            wall, cpu = time.perf_counter(), time.thread_time()
            run(p)
            spent[side][0] += time.perf_counter() - wall
            spent[side][1] += time.thread_time() - cpu
    print(f"{name}: {events} events x {rounds} rounds (events/s: wall clock, CPU time)")
    base = spent.get("apply(str), one call per event", [0.0, 0.0])[1]
    for side, (wall, cpu) in spent.items():
        ratio = f"  ({base / cpu:.2f}x apply(str) CPU)" if base else "  (alone)"
        print(f"  {side:34} {events * rounds / wall:10.0f} wall {events * rounds / cpu:10.0f} CPU{ratio}")


def main(argv):
    quick = "--quick" in argv
    only = next((a[len("--side="):] for a in argv if a.startswith("--side=")), "")
    args = [a for a in argv if a != "--quick" and not a.startswith("--side=")]
    rounds = 1 if quick else int(args[0]) if args else 200
    count = 1000 if quick else int(args[1]) if len(args) > 1 else 10000
    case = json.loads(CASE.read_text(encoding="utf-8"))
    base = prepared(case)
    authority = base.parties[0].id
    workloads = [
        ("Stavanger", lambda: ipart.Partnership(case["profile"]), case["events"],
         ipart.Partnership.loads(case).dumps()),
        (f"generated {count}", base.clone, generated(authority, count), None),
    ]
    for name, start, dicts, expected in workloads:
        check(name, start, sides(start, dicts), expected)
    print("every side saved the same document")
    for i, (name, start, dicts, _) in enumerate(workloads):
        measure(name, start, sides(start, dicts), len(dicts), rounds if i == 0 else max(1, rounds // 10),
                only)


if __name__ == "__main__":
    main(sys.argv[1:])
