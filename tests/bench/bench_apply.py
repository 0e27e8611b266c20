#!/usr/bin/env python3
"""Apply from Python: one call per event (``apply(str)``, ``apply(dict)``)
against one call per batch (``apply_all``), and typed events without JSON
(``apply_event`` of prebuilt ``ipart.Event``s, ``apply_events`` of dicts of
typed values: dates, Money), on the events of the Stavanger
case replayed onto fresh partnerships, the sides interleaved in one process
(doc/performance.md).

    PYTHONPATH=build/release/python python3 tests/bench/bench_apply.py [--quick] [rounds]

Every side ends with the same saved document as a load of the case, checked
before any figure is printed; a refused event stops the run with the
library's error (``--quick``, one round, runs in CTest as py.bench_apply_quick).
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


def one_by_one(profile, events):
    p = ipart.Partnership(profile)
    for event in events:
        p.apply(event)
    return p


def batch(profile, events):
    p = ipart.Partnership(profile)
    p.apply_all(events)
    return p


def typed_events(profile, dicts):
    """Each event as a dict of typed values with its "type"."""
    p, out = ipart.Partnership(profile), []
    for event in dicts:
        values = typed_values(p, ipart.Event(event["type"]), "", event)
        out.append({"type": event["type"], **values})
        p.apply(event)
    return out


def built(profile, events):
    p = ipart.Partnership(profile)
    for event in events:
        p.apply_event(event)
    return p


def typed_batch(profile, values):
    p = ipart.Partnership(profile)
    p.apply_events(values)
    return p


def main(argv):
    quick = "--quick" in argv
    args = [a for a in argv if a != "--quick"]
    rounds = 1 if quick else int(args[0]) if args else 200
    doc = json.loads(CASE.read_text(encoding="utf-8"))
    profile, dicts = doc["profile"], doc["events"]
    texts = [json.dumps(e, ensure_ascii=False) for e in dicts]
    array_text = json.dumps(dicts, ensure_ascii=False)
    expected = ipart.Partnership.loads(doc).dumps()
    values = typed_events(profile, dicts)
    prebuilt = [ipart.Event(v["type"], {k: x for k, x in v.items() if k != "type"})
                for v in values]
    sides = {
        "apply(str), one call per event": lambda: one_by_one(profile, texts),
        "apply(dict), one call per event": lambda: one_by_one(profile, dicts),
        "apply_all(JSON array text)": lambda: batch(profile, array_text),
        "apply_all(list of dicts)": lambda: batch(profile, dicts),
        "apply_event(Event), prebuilt": lambda: built(profile, prebuilt),
        "apply_events(typed dicts)": lambda: typed_batch(profile, values),
    }
    for name, side in sides.items():
        if side().dumps() != expected:
            sys.exit(f"{name}: the saved document differs from the loaded case")
    spent = dict.fromkeys(sides, 0.0)
    for _ in range(rounds):
        for name, side in sides.items():
            t0 = time.perf_counter()
            side()
            spent[name] += time.perf_counter() - t0
    base = spent["apply(str), one call per event"]
    for name, seconds in spent.items():
        rate = len(dicts) * rounds / seconds
        print(f"{name:34} {rate:10.0f} events/s  ({base / seconds:.2f}x apply(str))")


if __name__ == "__main__":
    main(sys.argv[1:])
