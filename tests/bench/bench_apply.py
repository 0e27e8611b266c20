#!/usr/bin/env python3
"""Apply from Python: one call per event (``apply(str)``, ``apply(dict)``)
against one call per batch (``apply_all``), on the events of the Stavanger
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


def main(argv):
    quick = "--quick" in argv
    args = [a for a in argv if a != "--quick"]
    rounds = 1 if quick else int(args[0]) if args else 200
    doc = json.loads(CASE.read_text(encoding="utf-8"))
    profile, dicts = doc["profile"], doc["events"]
    texts = [json.dumps(e, ensure_ascii=False) for e in dicts]
    array_text = json.dumps(dicts, ensure_ascii=False)
    expected = ipart.Partnership.loads(doc).dumps()
    sides = {
        "apply(str), one call per event": lambda: one_by_one(profile, texts),
        "apply(dict), one call per event": lambda: one_by_one(profile, dicts),
        "apply_all(JSON array text)": lambda: batch(profile, array_text),
        "apply_all(list of dicts)": lambda: batch(profile, dicts),
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
