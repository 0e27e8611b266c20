#!/usr/bin/env python3
"""Two threads against one: ipart.Evaluation.bulk releases the GIL, so two
Python threads sweeping one shared evaluation should take about half the
wall-clock time of one thread doing both halves (doc/performance.md).

    PYTHONPATH=build/release/python python3 tests/bench/bench_threads.py [vectors] [tenders] [runs]

The work is two halves of `vectors` weight vectors each. "One thread" runs
both halves in turn; "two threads" runs one half per thread, started
together from a barrier. Both sides must give the same winners. Reported,
over `runs` alternating runs (best against best, and the median of each
run's ratio):

- wall-clock speed-up: one thread's time / two threads' time (target 1.7);
- CPU time: the one thread's CPU seconds / the larger of the two threads'
  CPU seconds. On a shared machine other processes steal the cores and
  lengthen the wall clock, but not a thread's own CPU time; this is the
  speed-up the threads would get with both cores to themselves, valid
  because the GIL is released (tests/python/test_sweep.py proves that);
- concurrency: process CPU seconds / wall seconds of the two-thread run
  (2.0 = both threads on a core the whole time);
- the load average before and after, so the reader can judge the noise.

Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import os
import random
import statistics
import sys
import threading
import time
from typing import NamedTuple

import ipart
from bench_bulk import inputs


class Run(NamedTuple):
    wall: float     # seconds
    cpu: float      # CPU seconds of the (busier) thread
    process: float  # CPU seconds of the process


def timed(work):
    """Run work() and return (result, wall seconds, process CPU seconds)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def one_thread(e, halves):
    """Both halves on this thread: (winners, this thread's CPU seconds)."""
    start = time.thread_time()
    winners = [e.bulk(h).winners for h in halves]
    return winners, [time.thread_time() - start]


def two_threads(e, halves):
    """One half per thread, started together: (winners, each thread's CPU seconds)."""
    winners, cpu = [None, None], [0.0, 0.0]
    barrier = threading.Barrier(2)

    def run(i):
        barrier.wait()
        start = time.thread_time()
        winners[i] = e.bulk(halves[i]).winners
        cpu[i] = time.thread_time() - start

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return winners, cpu


def main():
    m = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    k = 4
    kinds, rows, weights = inputs(random.Random(19), n, k, 2 * m)
    halves = [weights[:m * k], weights[m * k:]]
    e = ipart.Evaluation(kinds, rows)
    load_before = os.getloadavg()
    reference, pairs = None, []
    for _ in range(runs):
        pair = {}
        for name, fn in (("one", one_thread), ("two", two_threads)):
            (winners, cpu), wall, proc = timed(lambda: fn(e, halves))
            reference = reference or winners
            assert winners == reference, "results differ"
            pair[name] = Run(wall, max(cpu), proc)
        pairs.append(pair)
    load_after = os.getloadavg()
    one = min((p["one"] for p in pairs), key=lambda r: r.wall)
    two = min((p["two"] for p in pairs), key=lambda r: r.wall)
    print(f"2 x {m} weight vectors x {n} tenders x {k} criteria, {runs} runs of each")
    print(f"best one thread:  {one.wall * 1e3:8.1f} ms wall, {one.cpu * 1e3:8.1f} ms CPU")
    print(f"best two threads: {two.wall * 1e3:8.1f} ms wall, {two.cpu * 1e3:8.1f} ms CPU "
          f"(busier thread), concurrency {two.process / two.wall:.2f}")
    wall = [p["one"].wall / p["two"].wall for p in pairs]
    cpu = [p["one"].cpu / p["two"].cpu for p in pairs]
    print(f"speed-up, wall-clock: {one.wall / two.wall:.2f}x best against best, "
          f"{statistics.median(wall):.2f}x median of the runs")
    print(f"speed-up, CPU time:   {min(p['one'].cpu for p in pairs) / min(p['two'].cpu for p in pairs):.2f}x "
          f"best against best, {statistics.median(cpu):.2f}x median of the runs")
    print("load average (1, 5, 15 min): before " + " ".join(f"{x:.2f}" for x in load_before)
          + ", after " + " ".join(f"{x:.2f}" for x in load_after))


if __name__ == "__main__":
    main()
