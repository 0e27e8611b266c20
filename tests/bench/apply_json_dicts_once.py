#!/usr/bin/env python3
"""Stavanger's events as JSON-shaped dicts (as ``json.loads`` gives them)
applied by ``Partnership.apply_all`` in ``rounds`` batches, once, for
callgrind (doc/performance.md, "Python apply_all of a list of JSON-shaped
dicts"):

    cd build/release && PYTHONPATH=python valgrind --tool=callgrind \\
      --toggle-collect=_wrap_ipart_py_apply_json_list \\
      /usr/bin/python3 ../../tests/bench/apply_json_dicts_once.py 10

Without ``--toggle-collect``, the whole process for ``rounds`` less the
same for 0 is what each batch costs from Python, the facade included.
Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import json
import sys
from pathlib import Path

import ipart

CASE = Path(__file__).resolve().parents[2] / "examples" / "stavanger-procedure.json"


def main(argv):
    rounds = int(argv[1]) if len(argv) > 1 else 10
    case = json.loads(CASE.read_text(encoding="utf-8"))
    runs = [ipart.Partnership(case["profile"]) for _ in range(rounds)]
    for p in runs:
        p.apply_all(case["events"])
        assert len(p) == len(case["events"])
    print(f"{len(case['events']) * rounds} events applied")


if __name__ == "__main__":
    main(sys.argv)
