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
# What the log does not hold, as a platform would give it (ipart_partnership_eforms_xml);
# the partners' organisation numbers are synthetic.
SETTINGS = (HERE / "eforms-settings.json").read_text(encoding="utf-8")
SUBTYPES = ("E1", "16", "29", "38")
CASES = ["stavanger", "no_without_reduction", "no_authority_owns", "se_initial_award",
         "se_negotiated", "dk_procedure", "consortium_ostfold", "funding_innovasjon_norge",
         "troms_finnmark_dialogue", "dk_need_mapping"]


def exports(p: "ipart.Partnership", authority: str):
    """(file name, text) of every golden export of one case."""
    for lang in ("nb", "en"):
        yield f"record.{lang}.json", p.record_json(authority, lang)
        yield f"record.{lang}.txt", p.record_text(authority, lang)
        yield f"ocds.{lang}.json", p.ocds_json(OCID, authority, lang)
    for subtype in notices(p):
        yield f"eforms.{subtype}.xml", p.eforms_xml(subtype, authority, SETTINGS)
        yield f"eforms.{subtype}.map.json", p.eforms_map_json(subtype, authority, SETTINGS)


def open_dialogue(event: dict) -> bool:
    """A market dialogue open to all (what a pre-market consultation notice, E1, publishes)."""
    return event["type"] == "market_dialogue_held" or (
        event["type"] == "dialogue_activity_held"
        and event["kind"] not in ("one_to_one", "written_input"))


def notices(p: "ipart.Partnership"):
    """The eForms subtypes whose stage the case's log reaches."""
    types = {e["type"] for e in p.events}
    if any(open_dialogue(e) for e in p.events):
        types.add("open dialogue")
    for subtype, stage in (("E1", "open dialogue"), ("16", "notice_published"),
                           ("29", "award_decided"), ("38", "contract_changed")):
        if stage in types and subtype in SUBTYPES:
            yield subtype


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
