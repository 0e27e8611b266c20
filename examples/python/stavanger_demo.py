#!/usr/bin/env python3
"""The Stavanger walk-through through the Python binding: the same document
and the same rejected attempts as the C demo (examples/stavanger_demo.c).

Usage: stavanger_demo.py [examples/stavanger-procedure.json]
"""
import datetime
import decimal
import pathlib
import sys
from typing import Any, Dict, Tuple

import ipart

DOCUMENT = pathlib.Path(__file__).resolve().parents[1] / "stavanger-procedure.json"

# Rejected attempts, keyed by the index of the event they precede.
ATTEMPTS: Dict[int, Tuple[str, Dict[str, Any]]] = {
    9: ("publish the notice with a request deadline three days short",
        {"type": "notice_published", "date": "2017-09-15", "actor": "stavanger",
         "request_deadline": "2017-10-13", "channel": "Doffin"}),
    56: ("invite only two of the nineteen qualified candidates",
         {"type": "candidates_invited", "date": "2017-10-27", "actor": "stavanger",
          "candidates": ["op05", "op11"], "tender_deadline": "2017-11-27", "reason": "the two best"}),
    83: ("negotiate on a final tender",
         {"type": "negotiation_held", "date": "2018-02-13", "actor": "stavanger",
          "tenderer": "op05", "summary": "one more round"}),
    88: ("award four partners, whose development prices exceed NOK 12 million",
         {"type": "award_decided", "date": "2018-03-19", "actor": "stavanger",
          "partners": [{"tenderer": t} for t in ("op05", "op11", "op08", "op20")],
          "reasons": "the four best", "reason": "all four"}),
    89: ("sign on the last day of the standstill (it ran over Easter)",
         {"type": "contract_signed", "date": "2018-04-03", "actor": "stavanger", "partner": "op05"}),
    95: ("terminate op05 in the middle of phase 1",
         {"type": "phase_gate_decided", "date": "2018-06-15", "actor": "stavanger",
          "partner": "op05", "phase": "p1", "decision": "terminate", "ground": "reduce_partners",
          "targets": ["p1.t1", "p1.t2"], "reason": "fewer"}),
    98: ("pay op08's first instalment although its target p1.t1 was not met",
         {"type": "instalment_paid", "date": "2018-06-22", "actor": "stavanger",
          "partner": "op08", "instalment": "p1.i1", "amount": "800000.00"}),
    110: ("change op05's contract by 10.01 %",
          {"type": "contract_changed", "date": "2018-11-15", "actor": "stavanger",
           "partner": "op05", "delta": "395395.00", "phase": "p2", "reason": "more"}),
    121: ("exercise the option one øre above the maximum cost",
          {"type": "option_exercised", "date": "2019-11-01", "actor": "stavanger",
           "partner": "op05", "quantity": 40, "unit_price": "250000.01"}),
    122: ("let NAV buy: a follower, but not named as an option holder",
          {"type": "option_exercised", "date": "2019-12-02", "actor": "nav",
           "partner": "op05", "quantity": 5, "unit_price": "240000.00"}),
}


def main(path: pathlib.Path | str) -> None:
    print(f'libipart {ipart.__version__} (Python) - Stavanger kommune, "Leve HELE LIVET"')
    norway = ipart.Calendar("NO")
    print("  earliest request deadline (R6):", norway.period_end(datetime.date(2017, 9, 15), 30))
    cap = ipart.Money(decimal.Decimal("12000000.00"), "NOK")
    print("  development cap:", cap.format("nb"), "|", cap.format("en"))

    with open(path, encoding="utf-8") as f, ipart.Partnership.load(f) as reference, \
            ipart.Partnership(reference.profile) as p:
        for i, event in enumerate(reference):
            if i in ATTEMPTS:
                what, attempt = ATTEMPTS[i]
                try:
                    p.apply(attempt)
                    raise AssertionError(f"accepted: {what}")
                except ipart.IpartError as e:
                    print(f"      x refused: {what}\n        {e.name} {e.rule} {e.message}")
            p.apply(event)
            print(f"  {i:3}  {event['date']}  {event['type']:<24} {event['actor']:<11} -> {p.stage}")
            scope = {"instalment_paid": "development", "option_exercised": "purchase"}
            if event["type"] in scope:
                for c in p.caps:
                    if c.scope == scope[event["type"]]:
                        print(f"      headroom {c.cap:<20} {c.headroom.format('nb')} "
                              f"({c.policy}, at {c.bites})")
            for w in p.warnings:
                if w.event == i:
                    print(f"      ! warning {w.rule}: {w.message}")
        verdict = p.threshold
        print("  estimated value (R30):", verdict.estimated_value.format("nb"),
              ", EEA threshold (R3):", verdict.threshold.format("nb"))
        assert p.ranking is not None  # the tenders were evaluated
        for row in p.ranking:
            print(f"  rank {row.rank}: {row.tenderer} {row.points} points")
        print("  awarded", p.awarded_sum.format("nb"), "of", p.budget_cap.format("nb"),
              ", headroom at the award", (p.budget_cap - p.awarded_sum).format("nb"))
        for partner in ("op05", "op11", "op08"):
            s = p.partner(partner)
            print(f"  partner {s.partner}: {s.state:<17} phase {s.phase}, paid {s.paid.format('nb')}")
        print("  rights to op05.foreground   owns use modify sublicense commercialise")
        yes = {True: "yes", False: "no"}
        for party in ("op05", "stavanger", "baerum", "kristiansand", "nav", "op11"):
            r = p.rights(party, "op05.foreground")
            print(f"    {party:<26} {yes[bool(r.owns)]:<4} {yes[bool(r.use)]:<3} "
                  f"{yes[bool(r.modify)]:<6} {yes[bool(r.sublicense)]:<10} {yes[bool(r.commercialise)]}")
        for party in ("op05", "op11"):
            print(f"  the view of {party} withholds {p.view(party)['withheld']} of {len(p)} events "
                  "(others' confidential items)")
        print("  saved document identical to the loaded one:",
              "yes" if p.dumps() == reference.dumps() else "NO")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DOCUMENT)
