"""The `ipart` command as a user runs it: exit codes (0 valid, 1 refused by
a rule, 2 malformed input or usage, 3 a file not written), --json output
parsed, atomic writes that leave the original untouched on any failure,
and --as showing only what a party may see."""
import json
import os
import re
import resource
import stat
import threading
import subprocess

import pytest

from conftest import (EXAMPLE, SIGNING, SOURCE, before_signing, document, example_events, ipart,
                      leftovers)

__all__ = ["before_signing"]  # the fixture, used by name


# ---- check -------------------------------------------------------------------

def test_check_a_valid_document():
    run = ipart("check", EXAMPLE, check=0)
    assert "valid, 123 events, stage purchase" in run.stdout
    report = json.loads(ipart("check", "--json", EXAMPLE, check=0).stdout)
    assert report == [{"file": str(EXAMPLE), "valid": True, "events": 123, "stage": "purchase"}]


def tampered(tmp_path):
    """op05's contract signed on the last day of the standstill (R40)."""
    events = example_events()
    events[SIGNING]["date"] = "2018-04-03"
    path = tmp_path / "tampered.json"
    path.write_text(document(events), encoding="utf-8")
    return path


def test_check_names_the_event_and_rule_a_document_breaks(tmp_path):
    path = tampered(tmp_path)
    run = ipart("check", path, check=1)
    assert f"event {SIGNING} refused" in run.stdout
    assert "rule R40" in run.stdout and f"$.events[{SIGNING}]" in run.stdout
    [r] = json.loads(ipart("check", "--json", path, check=1).stdout)
    assert (r["valid"], r["exit"], r["index"], r["code"], r["rule"]) == \
        (False, 1, SIGNING, "IPART_ERULE", "R40")
    assert r["source"] and r["path"].startswith(f"$.events[{SIGNING}]") and r["message"]


def test_check_several_files_exits_with_the_worst(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "ipart-document", "events": [', encoding="utf-8")
    results = json.loads(ipart("check", "--json", EXAMPLE, tampered(tmp_path), broken,
                               check=2).stdout)
    assert [r["valid"] for r in results] == [True, False, False]
    assert [r.get("exit", 0) for r in results] == [0, 1, 2]
    assert results[2]["code"] == "IPART_EPARSE"


def test_usage_errors_exit_2():
    assert ipart().returncode == 2
    assert ipart("frobnicate").returncode == 2
    assert ipart("check").returncode == 2
    assert ipart("check", "--bogus", EXAMPLE).returncode == 2
    assert ipart("status", EXAMPLE, "--as").returncode == 2
    assert ipart("--lang", "de", "check", EXAMPLE).returncode == 2
    assert ipart("check", "/nonexistent/file.json").returncode == 2


# ---- apply -------------------------------------------------------------------

def test_apply_a_refused_event_changes_nothing(before_signing, tmp_path):
    original = before_signing.read_bytes()
    event = dict(example_events()[SIGNING], date="2018-04-03")
    run = ipart("apply", before_signing, "-", stdin=json.dumps(event), check=1)
    assert "event 0 refused" in run.stdout and "rule R40" in run.stdout
    assert before_signing.read_bytes() == original
    assert leftovers(tmp_path) == []
    out = json.loads(ipart("apply", "--json", before_signing, "-", stdin=json.dumps(event),
                           check=1).stdout)
    assert (out["applied"], out["index"], out["rule"], out["code"]) == (0, 0, "R40", "IPART_ERULE")
    assert before_signing.read_bytes() == original


def test_apply_refusals_read_in_the_chosen_language(before_signing):
    event = json.dumps(dict(example_events()[SIGNING], date="2018-04-03"))
    en = ipart("apply", before_signing, "-", stdin=event, check=1).stdout
    nb = ipart("apply", before_signing, "-", "--lang", "nb", stdin=event, check=1).stdout
    assert "the standstill period ends on" in en and "may be signed from the day after" in en
    assert "karensperioden løper ut" in nb and "kontrakt kan signeres fra dagen etter" in nb
    assert "rule R40" in en and "R40" in nb
    out = json.loads(ipart("apply", "--json", "--lang", "nb", before_signing, "-", stdin=event,
                           check=1).stdout)
    assert out["rule"] == "R40" and out["message"].startswith("karensperioden løper ut")


def test_apply_a_stream_is_all_or_nothing(before_signing):
    original = before_signing.read_bytes()
    rest = example_events()[SIGNING:]
    bad = rest[:5] + [dict(rest[5], date="2017-01-01")] + rest[6:]
    run = ipart("apply", before_signing, "-", stdin="\n".join(json.dumps(e) for e in bad), check=1)
    assert "event 5 refused" in run.stdout and "IPART_ESTATE" in run.stdout
    assert before_signing.read_bytes() == original


def test_apply_the_rest_gives_back_the_canonical_example(before_signing, tmp_path):
    rest = example_events()[SIGNING:]
    events_file = tmp_path / "rest.json"
    events_file.write_text(json.dumps(rest, ensure_ascii=False), encoding="utf-8")
    before_signing.chmod(0o640)
    out = json.loads(ipart("apply", "--json", before_signing, events_file, check=0).stdout)
    assert out == {"file": str(before_signing), "applied": len(rest), "events": 123,
                   "stage": "purchase"}
    assert before_signing.read_bytes() == EXAMPLE.read_bytes()
    assert before_signing.stat().st_mode & 0o777 == 0o640, "the file keeps its mode"
    assert leftovers(tmp_path) == []


def test_apply_one_event_per_line_from_standard_input(before_signing):
    lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in example_events()[SIGNING:SIGNING + 3])
    run = ipart("apply", before_signing, "-", stdin=lines, check=0)
    assert "applied 3" in run.stdout
    assert json.loads(ipart("check", "--json", before_signing, check=0).stdout)[0]["events"] == \
        SIGNING + 3


@pytest.mark.parametrize("events", ["", "[", "{\"type\": }", "[{}, ", "{} garbage"])
def test_apply_malformed_events_exit_2_and_change_nothing(before_signing, events):
    original = before_signing.read_bytes()
    assert ipart("apply", before_signing, "-", stdin=events).returncode == 2
    out = json.loads(ipart("apply", "--json", before_signing, "-", stdin=events, check=2).stdout)
    assert (out["applied"], out["exit"]) == (0, 2) and out["code"] in ("IPART_EPARSE",
                                                                       "IPART_EINVAL")
    assert before_signing.read_bytes() == original


def test_a_full_disk_leaves_the_original_untouched(before_signing, tmp_path):
    """The write fails part-way (RLIMIT_FSIZE: a file may not grow past 4 KiB,
    as on a full disk): exit 3, the original as it was, no temporary file."""
    original = before_signing.read_bytes()
    event = json.dumps(example_events()[SIGNING])

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    run = ipart("apply", before_signing, "-", stdin=event, preexec_fn=small_files)
    assert run.returncode == 3, (run.stdout, run.stderr)
    assert "unchanged" in run.stderr
    assert before_signing.read_bytes() == original
    assert leftovers(tmp_path) == []


# ---- status ------------------------------------------------------------------

def test_status_shows_stage_parties_caps_due_and_actions():
    run = ipart("status", EXAMPLE, check=0)
    for text in ("stage: purchase", "op01", "op08           operator  terminated",
                 "headroom NOK 5,580,000.00", "next due: option_expiry 2021-12-31",
                 "stavanger      phase_started"):
        assert text in run.stdout, text
    status = json.loads(ipart("status", "--json", EXAMPLE, check=0).stdout)
    assert status["stage"] == "purchase" and status["next_due"]["kind"] == "option_expiry"
    cap = next(c for c in status["caps"] if c["cap"] == "development_cap")
    assert (cap["amount"], cap["headroom"]) == ("12000000.00", "5580000.00")
    op05 = next(p for p in status["parties"] if p["id"] == "op05")
    assert op05["contract"]["paid"] == "4100000.00" and "consent_given" in op05["actions"]


def test_status_as_an_operator_hides_the_others_items():
    full = json.loads(ipart("status", "--json", EXAMPLE, check=0).stdout)
    mine = json.loads(ipart("status", "--json", EXAMPLE, "--as", "op11", check=0).stdout)
    view = {p["id"]: p for p in mine["parties"]}
    assert "op01" in {p["id"] for p in full["parties"]} and "op01" not in view, \
        "an applicant op11 never saw"
    assert "status" not in view["op08"] and "contract" not in view["op08"], \
        "another partner's state and payments"
    assert view["op11"]["contract"]["paid"] == "1520000.00"
    assert {c["partner"] for c in mine["caps"]} == {"op11"}
    assert mine["withheld"] > 0 and mine["visible_events"] + mine["withheld"] == 123
    text = ipart("status", EXAMPLE, "--as", "op11", check=0).stdout
    assert "op01" not in text and "800,000.00" not in text and "4,100,000.00" not in text
    assert "op08" in text and "terminated" not in text.split("op08")[1].split("\n")[0]


def test_status_as_the_authority_is_the_whole_status():
    whole = ipart("status", EXAMPLE, check=0).stdout
    mine = ipart("status", EXAMPLE, "--as", "stavanger", check=0).stdout
    assert mine.split("may now:")[0] == whole.split("may now:")[0]
    actions = mine.split("may now:\n")[1].splitlines()
    assert len(actions) == 1 and actions[0].startswith("  stavanger      phase_started")
    assert ipart("status", EXAMPLE, "--as", "oslo").returncode == 2


# ---- report ------------------------------------------------------------------

def test_report_formats(tmp_path):
    text = ipart("report", EXAMPLE, "--format", "text", check=0).stdout
    assert "1. op05" in text and "R33" in text and "above NOK 1,750,000.00" in text
    assert json.loads(ipart("report", EXAMPLE, "--format", "json", check=0).stdout)["stage"] == \
        "purchase"
    out = tmp_path / "timeline.svg"
    ipart("report", EXAMPLE, "--format", "svg", "--out", out, "--lang", "nb", check=0)
    assert ">Utviklingsbudsjett<" in out.read_text(encoding="utf-8")
    assert subprocess.run(["xmllint", "--noout", str(out)]).returncode == 0


SETTINGS = SOURCE / "tests" / "cases" / "exports" / "eforms-settings.json"


def eforms(*args, check=0):
    return ipart("report", EXAMPLE, "--format", "eforms", "--settings", SETTINGS, *args,
                 check=check).stdout


def well_formed(xml):
    return subprocess.run(["xmllint", "--noout", "-"], input=xml, text=True).returncode == 0


def test_report_text_gives_the_warnings_in_the_chosen_language(tmp_path):
    case = json.loads((SOURCE / "tests" / "cases" / "procedure" / "stavanger.json")
                      .read_text(encoding="utf-8"))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case["document"], ensure_ascii=False), encoding="utf-8")
    en = ipart("report", path, "--format", "text", check=0).stdout
    nb = ipart("report", path, "--format", "text", "--lang", "nb", check=0).stdout
    assert "R33: the partner cap 'per-partner' for op05: commitments reach 4100000.00" in en
    assert "R33: partner-taket 'per-partner' for op05: forpliktelsene når 4100000.00" in nb


def test_report_record_as_text_and_json():
    text = ipart("report", EXAMPLE, "--format", "record", check=0).stdout
    assert text.startswith("Procurement record: ") and "(R41)" in text
    assert "Prepared for: Stavanger kommune (stavanger)" in text, "the authority by default"
    nb = ipart("report", EXAMPLE, "--format", "record", "--lang", "nb", check=0).stdout
    assert "Avviste kandidater og begrunnelse" in nb and nb != text
    record = json.loads(ipart("report", EXAMPLE, "--format", "record", "--json", "--lang", "nb",
                              check=0).stdout)
    assert (record["format"], record["party"], record["language"], record["withheld"]) == \
        ("ipart-record", "stavanger", "nb", 0)


def test_report_ocds_needs_an_ocid():
    assert "--ocid" in ipart("report", EXAMPLE, "--format", "ocds", check=2).stderr
    package = json.loads(ipart("report", EXAMPLE, "--format", "ocds", "--ocid", "ocds-x1-IP-1",
                               check=0).stdout)
    [record] = package["records"]
    assert record["ocid"] == "ocds-x1-IP-1" and len(record["releases"]) > 10
    assert record["compiledRelease"]["tender"]["procurementMethodDetails"] == \
        "Innovation partnership"
    assert ipart("report", EXAMPLE, "--format", "ocds", "--ocid", "").returncode == 2, \
        "an empty ocid is malformed (IPART_EINVAL)"


@pytest.mark.parametrize("subtype", ["16", "29", "38", "E1"])
def test_report_eforms_notices_and_maps(subtype):
    xml = eforms("--subtype", subtype)
    assert well_formed(xml) and f">{subtype}</" in xml
    fields = json.loads(eforms("--subtype", subtype, "--map"))
    assert fields["BT-701-notice"] == ["6f3c1c2e-1b7a-4d51-9a42-2f0d7a1e5c01"], "from --settings"
    # BT-04 (the procedure id) is forbidden in a pre-market consultation notice
    assert fields.get("BT-04-notice") == (
        None if subtype == "E1" else ["1e9a3b7c-5d2f-4c88-8b1e-7a6d2c9f0b13"])
    assert all(v in xml for values in fields.values() for v in values if "&" not in v)


def test_report_eforms_usage_errors(tmp_path):
    assert "--settings" in ipart("report", EXAMPLE, "--format", "eforms", "--subtype", "16",
                                 check=2).stderr
    assert "--subtype" in ipart("report", EXAMPLE, "--format", "eforms", "--settings", SETTINGS,
                                check=2).stderr
    unsupported = ipart("report", EXAMPLE, "--format", "eforms", "--settings", SETTINGS,
                        "--subtype", "99", check=2)
    assert unsupported.stdout == "" and "16, 29, 38, E1" in unsupported.stderr
    ipart("report", EXAMPLE, "--format", "eforms", "--subtype", "16", "--settings",
          tmp_path / "missing.json", check=2)
    partial = tmp_path / "partial.json"
    partial.write_text('{"notice_id": "6f3c1c2e-1b7a-4d51-9a42-2f0d7a1e5c01"}', encoding="utf-8")
    run = ipart("report", EXAMPLE, "--format", "eforms", "--subtype", "16", "--settings",
                partial, check=2)
    assert "procedure_id" in run.stderr, "the missing setting is named"


@pytest.mark.parametrize("args", [["text", "--as", "op05"], ["json", "--map"],
                                  ["svg", "--ocid", "x"], ["record", "--subtype", "16"],
                                  ["ocds", "--ocid", "x", "--json"]])
def test_report_options_a_format_does_not_take_are_usage_errors(args, tmp_path):
    out = tmp_path / "out"
    run = ipart("report", EXAMPLE, "--format", *args, "--out", out, check=2)
    assert "does not take" in run.stderr and not out.exists()


def test_report_as_an_unknown_party_is_a_usage_error():
    assert "unknown party" in ipart("report", EXAMPLE, "--format", "record", "--as", "oslo",
                                    check=2).stderr


def operators(text):
    return set(re.findall(r"\bop[0-9]{2}\b", text))


def test_report_exports_as_an_operator_hide_the_others_items():
    whole = json.loads(ipart("report", EXAMPLE, "--format", "record", "--json", check=0).stdout)
    public = operators(json.dumps(whole["award"])) | {"op05"}  # the award decision (Art. 55)
    mine = ipart("report", EXAMPLE, "--format", "record", "--json", "--as", "op05",
                 check=0).stdout
    record = json.loads(mine)
    assert record["party"] == "op05" and record["withheld"] > 0
    assert record["tenders"]["rejected"] == [] and record["terminations"] == []
    exports = [mine,
               ipart("report", EXAMPLE, "--format", "record", "--as", "op05", check=0).stdout,
               ipart("report", EXAMPLE, "--format", "ocds", "--ocid", "x", "--as", "op05",
                     check=0).stdout,
               *(eforms("--subtype", st, "--as", "op05", *m) for st in ("E1", "16", "29", "38")
                 for m in ((), ("--map",)))]
    assert len(operators(json.dumps(whole))) == 22 and public == {"op05", "op08", "op11", "op20"}
    for text in exports:
        assert operators(text) <= public, operators(text) - public
        assert "Fjellvind" not in text and "kognitiv svikt" not in text, \
            "a rejected candidate and another partner's termination"
    whole_ocds = ipart("report", EXAMPLE, "--format", "ocds", "--ocid", "x", check=0).stdout
    assert "Fjellvind" in whole_ocds and len(operators(whole_ocds)) == 22, "the authority's"
    assert "kognitiv svikt" in json.dumps(whole["terminations"], ensure_ascii=False)


def test_report_into_a_fifo_writes_into_it_and_keeps_it(tmp_path):
    """--out onto something that is not a regular file (here a FIFO) writes
    into it in place: renaming a temporary file over it would replace it."""
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    ipart("report", EXAMPLE, "--format", "record", "--json", "--out", fifo, check=0)
    reader.join(timeout=60)
    assert not reader.is_alive() and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(received[0])["format"] == "ipart-record"
    assert leftovers(tmp_path) == [] and sorted(os.listdir(tmp_path)) == ["report.fifo"]


def test_an_unknown_format_is_a_usage_error():
    assert "unknown format" in ipart("report", EXAMPLE, "--format", "pdf", check=2).stderr


# ---- the calendar ------------------------------------------------------------

def test_deadline():
    assert ipart("deadline", "--profile", "NO", "--from", "2017-09-15", "--days", "30",
                 check=0).stdout.startswith("2017-10-16 (Monday), moved from 2017-10-15 (Sunday)")
    out = json.loads(ipart("deadline", "--json", "--profile", "NO", "--from", "2019-04-08",
                           "--days", "10", check=0).stdout)
    assert out == {"profile": "NO", "from": "2019-04-08", "days": 10, "end": "2019-04-23",
                   "weekday": "Tuesday", "moved": True}
    assert ipart("deadline", "--profile", "XX", "--from", "2019-04-08", "--days", "10").returncode == 2
    assert ipart("deadline", "--profile", "NO", "--from", "2019-02-30", "--days", "10").returncode == 2
    assert ipart("deadline", "--profile", "NO", "--from", "2019-04-08", "--days", "ten").returncode == 2


def test_holidays():
    days = json.loads(ipart("holidays", "--json", "--profile", "SE", "--year", "2024", check=0).stdout)
    assert {"date": "2024-06-06", "id": "national_day", "name_local": "Sveriges nationaldag",
            "name_en": "National Day"} in days
    assert "2024-12-24  tirsdag" in ipart("holidays", "--profile", "SE", "--year", "2024",
                                          "--lang", "nb", check=0).stdout
    assert ipart("holidays", "--profile", "SE", "--year", "1800").returncode == 2


# ---- help, language, demo ----------------------------------------------------

@pytest.mark.parametrize("command", ["check", "apply", "status", "report", "deadline",
                                     "holidays", "demo"])
def test_every_command_has_help(command):
    en = ipart(command, "--help", check=0).stdout
    nb = ipart(command, "--help", "--lang", "nb", check=0).stdout
    assert f"ipart {command}" in en and en.startswith("usage:") and nb.startswith("bruk:")


def test_demo_writes_the_document_and_the_timeline(tmp_path):
    run = ipart("demo", "--out", tmp_path, check=0)
    assert "identical to the loaded one: yes" in run.stdout
    assert (tmp_path / "stavanger-procedure.json").read_bytes() == EXAMPLE.read_bytes()
    svg = tmp_path / "stavanger-timeline.svg"
    assert subprocess.run(["xmllint", "--noout", str(svg)]).returncode == 0
    assert svg.read_text(encoding="utf-8").count('<g class="lane"') == 3


def test_the_timeline_in_doc_is_the_current_drawing():
    from conftest import SOURCE
    drawn = ipart("report", EXAMPLE, "--format", "svg", check=0).stdout
    assert (SOURCE / "doc" / "stavanger-timeline.svg").read_text(encoding="utf-8") == drawn, \
        "regenerate: ipart report examples/stavanger-procedure.json --format svg " \
        "--out doc/stavanger-timeline.svg"
