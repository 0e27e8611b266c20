#!/usr/bin/env python3
"""An analyst's look at a partnership's evaluation: the ranking, how robust
it is, and a sweep of the weights.

    python3 examples/python/analyst.py [document.json]

Loads the document (default: examples/stavanger-procedure.json), takes the
tenders of its last evaluation under the published terms, and prints
1. the ranking, recomputed by ipart.Evaluation and checked against the
   partnership's own;
2. its stability: per pair the smallest weight transfer that swaps them,
   the smallest change that changes the winner, and whether leaving out any
   one tender reverses the order of the others (rank reversal);
3. a weight sweep: every weight vector within +-10 percentage points of
   the published weights, in steps of 0.1 point, and who wins how often;
4. the same tenders under the other price models;
5. what-if scenarios on a clone of the partnership (the document is not
   touched): the budget, payments forecast and deadlines if the development
   had gone another way.

SPDX-License-Identifier: Apache-2.0
"""
import pathlib
import sys
import time
from typing import List

import ipart
import ipart.sweep

DEFAULT = pathlib.Path(__file__).resolve().parents[1] / "stavanger-procedure.json"


def pct(bp: int) -> str:
    return f"{bp / 100:.2f} %"


def main(argv: List[str]) -> int:
    path = pathlib.Path(argv[1]) if len(argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        p = ipart.Partnership.load(f)
    e = ipart.Evaluation.from_partnership(p)
    assert e.weights is not None and p.ranking is not None  # the document has an evaluation
    print(f"Document: {pathlib.Path(path).name} ({len(p)} events, stage {p.stage})")
    print(f"Price model: {e.model}; criteria: " +
          ", ".join(f"{c} {pct(w)}" for c, w in zip(e.criteria, e.weights)))

    print("\n1. Ranking")
    ranking = e.score()
    for s in ranking:
        print(f"   {s.rank}. {s.tender:8} {s.points:>10} points{'  (tied)' if s.tied else ''}")
    own = [(r.tenderer, r.points) for r in p.ranking]
    same = own == [(s.tender, s.points) for s in ranking]
    print(f"   identical to the partnership's ranking: {'yes' if same else 'NO'}")

    print("\n2. Stability")
    st = e.stability()
    for pair in sorted(st.pairs, key=lambda q: q.margin):
        a, b, swap = pair.ahead, pair.behind, pair.swap
        how = (f"moving {pct(swap.basis_points)} from {swap.from_criterion} to "
               f"{swap.to_criterion} puts {b} ahead" if swap else "no single weight transfer swaps them")
        print(f"   {a} ahead of {b} by {pair.margin}: {how}")
    change = st.winner_change
    if st.winner is None:
        print("   the best total is tied: " + ", ".join(st.tied_at_top))
    elif change:
        print(f"   winner {st.winner} changes after {pct(change.shift.basis_points)} moves "
              f"from {change.shift.from_criterion} to {change.shift.to_criterion} "
              f"({change.challenger} wins)")
    else:
        print(f"   winner {st.winner} stays under every single weight transfer")
    for r in st.removals:
        if r.reversal and r.pair:
            i, j = r.pair
            print(f"   without {r.removed}: rank reversal, {i} and {j} change places"
                  f" ({r.changed_pairs} pair(s))")
        else:
            print(f"   without {r.removed}: the others keep their order")

    print("\n3. Weight sweep")
    vectors = ipart.sweep.vectors_around(e.weights)
    started = time.perf_counter()
    sweep = e.bulk(vectors)
    elapsed = time.perf_counter() - started
    m = len(sweep.winners)
    print(f"   {m} weight vectors within +-10 points of the published weights "
          f"({elapsed * 1000:.1f} ms)")
    for who, n in sweep.wins().items():
        print(f"   {who:8} wins {n:6} ({100 * n / m:.1f} %)")

    print("\n4. Other price models")
    for model in ipart.PriceModel:
        if model != e.model:
            top = e.with_model(model).score()
            winner = "(tied)" if top[0].tied else top[0].tender
            print(f"   {str(model):22} winner {winner}: " +
                  ", ".join(f"{s.tender} {s.points}" for s in top))

    what_if(p)
    return 0


def what_if(p: ipart.Partnership) -> None:
    """A scenario on the development, on a clone: every partner passes its
    first phase, every first-phase target met and every instalment paid."""
    print("\n5. What if every partner had passed its first phase")
    events = list(p)
    starts = [i for i, ev in enumerate(events) if ev["type"] == "phase_started"]
    if not starts:
        print("   (no development in this document)")
        return
    first = events[starts[0]]["phase"]
    opened = [i for i in starts if events[i]["phase"] == first]
    base = ipart.Partnership.loads({"format": "ipart-document", "version": 1,
                                    "profile": p.profile, "events": events[:opened[-1] + 1]})
    authority, date = events[0]["actor"], events[opened[-1]]["date"]
    scenario = []
    for ev in (events[i] for i in opened):
        phase = base.partner_phases(ev["partner"])[0]
        for t in phase.targets:
            scenario.append({"type": "milestone_assessed", "date": date, "actor": authority,
                             "partner": ev["partner"], "target": t.id, "met": True,
                             "evidence": "scenario"})
        for inst in phase.instalments:
            scenario.append({"type": "instalment_paid", "date": date, "actor": authority,
                             "partner": ev["partner"], "instalment": inst.id,
                             "amount": str(inst.amount)})
    report = base.what_if(scenario)
    refused = report["refused"]
    print(f"   {report['applied']} events applied" +
          ("" if refused is None else f"; refused: {refused['rule']} {refused['message']}"))
    for c in report["caps"]:
        if c["partner"] is None:
            print(f"   headroom {c['cap']:<22} {c['headroom']:>14}  (paid {c['paid']})")
    total = ipart.Money(report["forecast"]["total"], p.currency)
    print(f"   payments still to come: {total.format('nb')} in "
          f"{len(report['forecast']['payments'])} instalments; next: "
          f"{report['next_due']['kind']} {report['next_due']['date']}")
    print(f"   the document itself is untouched: {len(p)} events, stage {p.stage}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
