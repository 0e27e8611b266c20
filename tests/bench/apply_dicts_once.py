#!/usr/bin/env python3
"""Stavanger's events as dicts of typed values (as bench_apply.py makes them)
applied by ``Partnership.apply_events`` in ``rounds`` batches, once, for
callgrind (doc/performance.md, "Apply from Python"):

    cd build/release && PYTHONPATH=python valgrind --tool=callgrind \\
      --toggle-collect=_wrap_ipart_py_apply_events \\
      /usr/bin/python3 ../../tests/bench/apply_dicts_once.py 10

Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import json
import sys
from pathlib import Path

import ipart

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_apply  # noqa: E402  (its typed dicts, the benchmark's own)


def main(argv):
    rounds = int(argv[1]) if len(argv) > 1 else 10
    case = json.loads(Path(bench_apply.CASE).read_text())
    start = lambda: ipart.Partnership(case["profile"])  # noqa: E731
    dicts = bench_apply.typed_events(start, case["events"])
    runs = [start() for _ in range(rounds)]
    for p in runs:
        assert p.apply_events(dicts) == len(dicts)
    print(f"{len(dicts) * rounds} events applied")


if __name__ == "__main__":
    main(sys.argv)
