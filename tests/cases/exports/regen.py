#!/usr/bin/env python3
"""Rewrite the golden export files of this folder from the library.

Run after a deliberate change to an export, then read the diff:

    PYTHONPATH=build/dev/python python3 tests/cases/exports/regen.py

Each procedure case gets, for its contracting authority and in nb and en,
the procurement record (JSON and text), the OCDS record package and the
eForms notices the case reaches (see README.md beside this file).
"""
import json
import pathlib

import ipart

HERE = pathlib.Path(__file__).resolve().parent
PROCEDURES = HERE.parent / "procedure"
OCID = "ocds-ipart01-golden"
CASES = ["stavanger", "no_without_reduction", "no_authority_owns", "se_initial_award",
         "se_negotiated", "dk_procedure"]


def exports(p: "ipart.Partnership", authority: str):
    """(file name, text) of every golden export of one case."""
    for lang in ("nb", "en"):
        yield f"record.{lang}.json", p.record_json(authority, lang)
        yield f"record.{lang}.txt", p.record_text(authority, lang)
        yield f"ocds.{lang}.json", p.ocds_json(OCID, authority, lang)


def main() -> None:
    for case in CASES:
        document = json.loads((PROCEDURES / f"{case}.json").read_text(encoding="utf-8"))["document"]
        p = ipart.Partnership.loads(json.dumps(document))
        authority = document["events"][0]["actor"]
        folder = HERE / case
        folder.mkdir(exist_ok=True)
        for name, text in exports(p, authority):
            (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
