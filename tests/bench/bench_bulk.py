#!/usr/bin/env python3
"""Bulk evaluation from Python: ipart.Evaluation.bulk against the same
integer arithmetic written in pure Python (doc/performance.md).

    PYTHONPATH=build/release/python python3 tests/bench/bench_bulk.py [vectors] [tenders]

Both sides start from the same inputs: the price fractions are computed
once (the pure-Python side precomputes them too, so it is timed only on
the per-scenario work), then every weight vector scores every tender with
round_half_up(weight * 10^4 * num / den) and picks the winner, -1 on a
tie. The results are compared before a ratio is printed. Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import array
import random
import sys
import time
from fractions import Fraction

import ipart

TIED = -1


def pure_python(fractions, weights, k):
    """Winners of every weight vector; fractions[t][c] = (num, den)."""
    winners = []
    for m in range(len(weights) // k):
        w = weights[m * k:(m + 1) * k]
        best, winner = -1, TIED
        for t, row in enumerate(fractions):
            total = 0
            for c in range(k):
                num, den = row[c]
                total += (2 * w[c] * 10000 * num + den) // (2 * den)
            if total > best:
                best, winner = total, t
            elif total == best:
                winner = TIED
        winners.append(winner)
    return winners


def inputs(rng, n, k, m):
    kinds = ["price"] + ["quality"] * (k - 1)
    rows = [[rng.randint(9_000_000_00, 13_000_000_00)] + [rng.randint(0, 10) for _ in range(k - 1)]
            for _ in range(n)]
    weights = array.array("q")
    for _ in range(m):
        cuts = sorted(rng.randint(0, 10000) for _ in range(k - 1))
        weights.extend(b - a for a, b in zip([0] + cuts, cuts + [10000]))
    return kinds, rows, weights


def best_of(runs, fn):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main():
    m = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    k = 4
    kinds, rows, weights = inputs(random.Random(6), n, k, m)
    e = ipart.Evaluation(kinds, rows)
    lowest = min(r[0] for r in rows)
    fractions = []
    for r in rows:
        f = Fraction(lowest, r[0])  # the relative model, reduced as the library reduces it
        fractions.append([(f.numerator, f.denominator)] + [(s, 10) for s in r[1:]])
    py_list = weights.tolist()

    t_c, sweep = best_of(5, lambda: e.bulk(weights))
    t_ct, sweep_t = best_of(5, lambda: e.bulk(weights, totals=True))
    t_py, winners = best_of(3, lambda: pure_python(fractions, py_list, k))
    assert list(sweep.winners) == winners == list(sweep_t.winners), "results differ"
    print(f"{m} weight vectors x {n} tenders x {k} criteria ({m * n * k} points)")
    print(f"ipart bulk, winners only:  {t_c * 1e3:9.2f} ms  ({m / t_c / 1e6:.2f} M vectors/s)")
    print(f"ipart bulk, with totals:   {t_ct * 1e3:9.2f} ms")
    print(f"pure Python:               {t_py * 1e3:9.2f} ms  ({m / t_py / 1e6:.3f} M vectors/s)")
    print(f"ratio (pure Python / ipart): {t_py / t_c:.0f}x winners only, {t_py / t_ct:.0f}x with totals")
    print("wins:", sweep.wins())


if __name__ == "__main__":
    main()
