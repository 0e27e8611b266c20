#!/usr/bin/env python3
"""A weight sweep of several partnerships under every price model, on a
Dask cluster (doc/sweeps.md).

    python3 examples/python/sweep_cluster.py [--scheduler ADDRESS] [--spread BP]
                                             [--step BP] [--chunk N] [document.json ...]

For each document (default: examples/stavanger-procedure.json) the tenders
of its last evaluation are swept over every weight vector within +-spread
basis points of the published weights, in steps of `step`, under each
price model. ipart.sweep cuts that into partitions of `chunk` vectors,
runs each as a task on the cluster and gathers per case and model who wins
how often and how stable the ranking is at the published weights.

--scheduler tcp://host:8786 uses a running cluster (`dask-scheduler` on
one machine, `dask-worker tcp://host:8786` on each of the others, every
one with the ipart package importable). Without it the example starts a
LocalCluster of two worker processes on this machine.

SPDX-License-Identifier: Apache-2.0
"""
import argparse
import contextlib
import pathlib
import time
from typing import List

from distributed import Client, LocalCluster

import ipart
import ipart.sweep

DEFAULT = pathlib.Path(__file__).resolve().parents[1] / "stavanger-procedure.json"


def cases(paths: List[str], spread: int, step: int) -> List[ipart.sweep.Case]:
    """One sweep case per document: its last evaluation and the vectors around its weights."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            p = ipart.Partnership.load(f)
        evaluation = ipart.Evaluation.from_partnership(p)
        vectors = ipart.sweep.vectors_around(evaluation.weights or [], spread, step)
        out.append(ipart.sweep.Case.from_evaluation(pathlib.Path(path).stem, evaluation, vectors))
    return out


def report(results: List[ipart.sweep.CaseResult]) -> None:
    for r in results:
        print(f"{r.case} / {r.model}: {len(r.winners)} weight vectors")
        for who, n in sorted(r.wins.items(), key=lambda kv: -kv[1]):
            if n:
                print(f"   {who:8} wins {n:7} ({100 * n / len(r.winners):.1f} %)")
        if r.stability is None or r.published_share is None:
            continue  # no published weights (cases() always has them)
        change = r.stability.winner_change
        shift = (f"{change.shift.basis_points / 100:.2f} points of weight change it"
                 if change else "no single weight transfer changes it")
        print(f"   published winner {r.published_winner}: wins {100 * r.published_share:.1f} %"
              f" of the sweep; {shift}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--spread", type=int, default=1000, help="basis points around the weights")
    parser.add_argument("--step", type=int, default=10, help="basis points between vectors")
    parser.add_argument("--chunk", type=int, default=ipart.sweep.DEFAULT_CHUNK,
                        help="weight vectors per task")
    args = parser.parse_args()
    todo = cases(args.documents, args.spread, args.step)
    with contextlib.ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))  # type: ignore[no-untyped-call]
        else:
            cluster = stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=2, threads_per_worker=1, dashboard_address=":0"))
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        print(f"cluster: {len(client.scheduler_info()['workers'])} workers at {client.scheduler.address}")
        started = time.perf_counter()
        results = ipart.sweep.run(todo, executor=client, chunk=args.chunk)
        elapsed = time.perf_counter() - started
    report(results)
    print(f"{sum(len(r.winners) for r in results)} evaluations in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
