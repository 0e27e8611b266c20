#!/usr/bin/env python3
"""The analyst's guide (doc/guide-python.md) as one program: the ranking of
a partnership's tenders as a pandas table, a sweep of the price weight with
NumPy, and what-if scenarios that never touch the document.

    python3 examples/python/guide_analyst.py [document.json]

SPDX-License-Identifier: Apache-2.0
"""
import pathlib
import sys
from typing import Any, Dict, List

import numpy as np
import pandas as pd  # type: ignore[import]  # Debian's pandas ships no stubs

import ipart

DEFAULT = pathlib.Path(__file__).resolve().parents[1] / "stavanger-procedure.json"


def ranking_table(e: ipart.Evaluation) -> pd.DataFrame:
    """One row per tender: rank, total and points per criterion (Decimal)."""
    weights = e.weights
    assert weights is not None, "an evaluation read from a partnership has its weights"
    rows = []
    for s in e.score():
        t = e.tenders.index(s.tender)
        row = {"tender": s.tender, "rank": s.rank, "total": s.points}
        for c, (name, w) in enumerate(zip(e.criteria, weights)):
            row[name] = ipart.points(e.points(t, c, w))
        rows.append(row)
    return pd.DataFrame(rows).set_index("tender")


def price_weight_sweep(e: ipart.Evaluation) -> pd.DataFrame:
    """The price weight from 0 to 100 % in steps of 5 points; the quality
    criteria share the rest in their published proportion."""
    assert e.weights is not None, "an evaluation read from a partnership has its weights"
    price = np.arange(0, 10001, 500, dtype=np.int64)
    quality = np.array(e.weights[1:], dtype=np.int64)
    rest = 10000 - price
    first = rest * quality[0] // quality.sum()
    weights = np.column_stack([price, first, rest - first])   # int64, shape (21, 3)
    sweep = e.bulk(weights, totals=True)
    assert sweep.totals is not None, "asked for with totals=True"
    totals = np.frombuffer(sweep.totals, dtype=np.int64).reshape(len(price), len(e.tenders))
    winners = ["(tied)" if w == ipart.TIED else e.tenders[w] for w in sweep.winners]
    table = pd.DataFrame(totals / 1e6, columns=e.tenders).round(2)
    table.insert(0, "price %", price / 100)
    table["winner"] = winners
    return table


def what_if(p: ipart.Partnership) -> None:
    """Scenarios after the purchase: each runs on a clone (Partnership.what_if)."""
    date = "2019-12-16"
    scenarios: Dict[str, List[Dict[str, Any]]] = {
        "Stavanger completes the partnership": [
            {"type": "partnership_completed", "date": date, "actor": "stavanger",
             "reason": "Opsjonene er brukt."}],
        "Bærum buys 5 more units": [
            {"type": "option_exercised", "date": date, "actor": "baerum", "partner": "op05",
             "quantity": 5, "unit_price": "240000.00"}],
    }
    for name, events in scenarios.items():
        report = p.what_if(events)
        refused = report["refused"]
        outcome = (f"{report['applied']} applied, stage {report['stage']}" if refused is None
                   else f"refused: {refused['rule']} {refused['message']}")
        print(f"  {name}: {outcome}")
    purchase = next(c for c in p.caps if c.cap == "purchase")
    print(f"  purchase cap {purchase.amount.format('en')}, headroom {purchase.headroom.format('en')}")


def main(argv: List[str]) -> int:
    path = pathlib.Path(argv[1]) if len(argv) > 1 else DEFAULT
    pd.set_option("display.width", 120)
    with open(path, encoding="utf-8") as f, ipart.Partnership.load(f) as p:
        e = ipart.Evaluation.from_partnership(p)
        print(f"{len(e.tenders)} tenders, {e.model} price model, weights "
              + ", ".join(f"{c} {w / 100:g} %" for c, w in zip(e.criteria, e.weights or [])))
        print(ranking_table(e).to_string())
        print("\nPrice weight sweep (totals in points):")
        print(price_weight_sweep(e).to_string(index=False))
        print("\nWhat if:")
        what_if(p)
        print(f"  the partnership itself: {len(p)} events, stage {p.stage}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
