"""The exports (include/ipart/exports.h) from Python: the procurement record
of R41, the message catalogue in nb and en, the golden export files and the
party scope of every export (R19/R37)."""
import json
import pathlib
import re
from decimal import Decimal

import pytest

import ipart
from conftest import CASES, load_case

PROCEDURES = ["stavanger", "no_without_reduction", "no_authority_owns", "se_initial_award",
              "se_negotiated", "dk_procedure", "consortium_ostfold", "funding_innovasjon_norge",
              "troms_finnmark_dialogue", "dk_need_mapping"]
GOLDEN = CASES / "exports"


def load(name: str) -> ipart.Partnership:
    return ipart.Partnership.loads(load_case(f"procedure/{name}.json")["document"])


def authority_of(p: ipart.Partnership) -> str:
    return next(party.id for party in p.parties if party.role == ipart.Role.AUTHORITY)


# Every party-scoped export as text: (name, function(partnership, party) -> str).
EXPORTS = [
    ("record.json", lambda p, party: p.record_json(party, "en")),
    ("record.txt", lambda p, party: p.record_text(party, "nb")),
]


# ---- messages -------------------------------------------------------------------------

def test_every_message_has_norwegian_and_english():
    keys = ipart.message_keys()
    assert len(keys) > 90 and keys == sorted(keys) and len(set(keys)) == len(keys)
    missing = [(k, lang) for k in keys for lang in ("nb", "en") if not ipart.message_has(k, lang)]
    assert missing == []


def test_other_languages_fall_back_to_english():
    assert ipart.message("record.title", "nb") == "Anskaffelsesprotokoll"
    assert ipart.message("record.title", "sv") == ipart.message("record.title", "en")
    assert ipart.message_language("sv") == "en" and ipart.message_language("nb") == "nb"
    assert ipart.message("no.such.key", "nb") is None


# ---- R41 --------------------------------------------------------------------------------

def test_r41_record_has_every_field_of_art_84():
    record = load("stavanger").record("stavanger", "en")
    assert record["rule"] == "R41" and record["language"] == "en"
    for field in ("authority", "subject", "value", "procedure", "candidates", "tenders", "award",
                  "subcontracting", "conflicts_of_interest", "not_recorded"):
        assert field in record
    assert record["value"]["estimated_value"] == "42000000.00"
    assert {c["id"] for c in record["candidates"]["rejected"]} == {"op07", "op13", "op19"}
    assert {t["id"]: t["ground"] for t in record["tenders"]["rejected"]} == {
        "op03": "reduced", "op16": "reduced", "op20": "not_awarded"}
    assert [p["id"] for p in record["award"]["partners"]] == ["op05", "op11", "op08"]
    assert set(record["not_recorded"]) == {"subcontracting", "conflicts_of_interest",
                                           "abnormally_low_tenders"}


def test_r41_record_text_in_both_languages():
    p = load("stavanger")
    assert "Anskaffelsesprotokoll" in p.record_text("stavanger", "nb")
    assert "42 000 000,00 kr" in p.record_text("stavanger", "nb")
    assert "Procurement record" in p.record_text("stavanger", "en")
    with pytest.raises(ipart.NotFoundError):
        p.record("nobody")


# ---- golden files -----------------------------------------------------------------------

def golden_files():
    for case in PROCEDURES:
        for path in sorted((GOLDEN / case).iterdir()):
            yield case, path.name


@pytest.mark.parametrize("case,name", list(golden_files()))
def test_exports_match_their_golden_files(case, name):
    regen = _regen()
    p = load(case)
    produced = dict(regen.exports(p, authority_of(p)))
    assert produced[name] == (GOLDEN / case / name).read_text(encoding="utf-8")


# ---- party scope (R19/R37) -------------------------------------------------------------

def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def owner_of(event: dict, operators: set):
    """The operator an event is confidential to (the test's own reading of R19/R37)."""
    for field in ("partner", "tenderer", "candidate"):
        if isinstance(event.get(field), str):
            return event[field]
    return event["actor"] if event["actor"] in operators else None


def made_public_by_the_award(p: ipart.Partnership, view: dict):
    """What the award makes public (Art. 50 and Annex V part D of Directive
    2014/24/EU): the partners' names and the values of their tenders; for a
    group of operators its members (R52), and the subcontracting of the
    partner's tender (R53: who, their organisation numbers and roles)."""
    public = set()
    tenders, members, consortium_of = {}, {}, {}
    for event in p.events:
        if event["type"] == "participation_requested":
            op = event["operator"]
            members[op["id"]] = op.get("members", [])
            consortium_of.update((m["id"], op["id"]) for m in op.get("members", []))
        if event["type"] == "tender_submitted":  # a member's tender is its consortium's
            tenders[consortium_of.get(event["actor"], event["actor"])] = event["tender"]
    for entry in view["events"]:
        if entry["event"]["type"] == "award_decided":
            for partner in entry["event"]["partners"]:
                who = partner["tenderer"]
                public.add(p.party(who).name)
                public.update(tenders[who][k] for k in ("development_price", "price"))
                public.update(m[k] for m in members.get(who, []) for k in ("name", "org_no"))
                public.update(sub.get(k) for sub in tenders[who].get("subcontractors", [])
                              for k in ("name", "org_no", "role"))
    return public


def confidential_strings(p: ipart.Partnership, party: str):
    """Every longer string of another operator's events that the party's view does not show."""
    view = p.view(party)
    shown = json.dumps([e["event"] for e in view["events"]], ensure_ascii=False)
    public = made_public_by_the_award(p, view)
    operators = {x.id for x in p.parties if x.role == ipart.Role.OPERATOR}
    secret = set()
    for event in p.events:
        owner = owner_of(event, operators)
        if owner is None or owner == party:
            continue
        secret.update(s for s in strings(event) if len(s) >= 6 and s not in shown)
    return secret - public


def leaks(secret: set, text: str):
    """The secrets in an export: in a JSON export a string value equal to one
    (or containing one of 20 characters or more), in a text export any
    occurrence of one of 10 characters or more, or of an amount."""
    try:
        values = set(strings(json.loads(text)))
    except ValueError:
        return sorted(s for s in secret if (len(s) >= 10 or s[-3:-2] == ".") and
                      re.search(r"(?<![\w.])" + re.escape(s) + r"(?![\w])", text))
    return sorted(s for s in secret
                  if s in values or (len(s) >= 20 and any(s in v for v in values)))


@pytest.mark.parametrize("case", PROCEDURES)
def test_no_export_shows_another_operators_confidential_items(case):
    p = load(case)
    checked = 0
    for party in p.parties:
        if party.role == ipart.Role.AUTHORITY:
            continue
        secret = confidential_strings(p, party.id)
        for name, export in EXPORTS:
            text = export(p, party.id)
            leaked = leaks(secret, text)
            assert leaked == [], f"{party.id}'s {name} holds {leaked[:3]}"
            checked += 1
    assert checked >= 2 * len(EXPORTS)


# ---- OCDS 1.1.5 ---------------------------------------------------------------------------

OCID = "ocds-ipart01-golden"
EXPORTS.append(("ocds.json", lambda p, party: p.ocds_json(OCID, party, "nb")))


def ocds_dir():
    """../shared/data/ocds-1.1.5 beside the repository (IPART_SHARED_DATA overrides)."""
    import os
    import pathlib
    root = os.environ.get("IPART_SHARED_DATA") or pathlib.Path(__file__).resolve().parents[3] / "shared" / "data"
    return pathlib.Path(root) / "ocds-1.1.5"


def ocds_validator():
    import jsonschema
    folder = ocds_dir()
    package = json.loads((folder / "record-package-schema.json").read_text(encoding="utf-8"))
    release = json.loads((folder / "release-schema.json").read_text(encoding="utf-8"))
    resolver = jsonschema.RefResolver.from_schema(package, store={release["id"]: release,
                                                                      package["id"]: package})
    return jsonschema.Draft4Validator(package, resolver=resolver,
                                      format_checker=jsonschema.FormatChecker())


def codelist(name: str) -> set:
    import csv
    with open(ocds_dir() / "codelists" / f"{name}.csv", encoding="utf-8") as f:
        return {row["Code"] for row in csv.DictReader(f)}


def coded_values(release: dict):
    """(codelist, value) of every coded field an export uses."""
    yield from (("releaseTag", t) for t in release["tag"])
    yield "initiationType", release["initiationType"]
    for party in release.get("parties", []):
        yield from (("partyRole", r) for r in party["roles"])
    tender = release.get("tender", {})
    for field, name in (("status", "tenderStatus"), ("procurementMethod", "method"),
                        ("mainProcurementCategory", "procurementCategory"),
                        ("awardCriteria", "awardCriteria")):
        if field in tender:
            yield name, tender[field]
    milestones = list(tender.get("milestones", [])) + release.get("planning", {}).get("milestones", [])
    for award in release.get("awards", []):
        yield "awardStatus", award["status"]
    for contract in release.get("contracts", []):
        yield "contractStatus", contract["status"]
        milestones += contract.get("milestones", []) + contract["implementation"]["milestones"]
    for m in milestones:
        yield "milestoneType", m["type"]
        yield "milestoneStatus", m["status"]


def all_values(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from all_values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from all_values(v, key)


@pytest.mark.parametrize("case", PROCEDURES)
def test_every_ocds_export_validates_and_uses_only_codelist_codes(case):
    p = load(case)
    validator = ocds_validator()
    lists = {}
    for party in p.parties:
        # the languages differ in labels only: both for the authority, nb for the others
        for lang in ("nb", "en") if party.role == ipart.Role.AUTHORITY else ("nb",):
            package = p.ocds(OCID, party.id, lang)
            errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(package)]
            assert errors == [], f"{case} {party.id}: {errors[:5]}"
            record = package["records"][0]
            for release in record["releases"] + [record["compiledRelease"]]:
                assert release["ocid"] == OCID
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", release["date"])
                for name, value in coded_values(release):
                    known = lists.setdefault(name, codelist(name))
                    assert value in known, f"{case}: {value!r} is not in {name}"
                for currency in all_values(release, "currency"):
                    assert currency in lists.setdefault("currency", codelist("currency"))
            ids = [r["id"] for r in record["releases"]]
            assert len(ids) == len(set(ids)), "release ids are unique"


def test_ocds_stavanger_has_a_contract_per_partner_with_milestones_and_transactions():
    p = load("stavanger")
    compiled = p.ocds(OCID, "stavanger", "en")["records"][0]["compiledRelease"]
    tender = compiled["tender"]
    assert (tender["procurementMethod"], tender["procurementMethodDetails"]) == (
        "selective", "Innovation partnership")
    # R31: the maximum value is published in the tender
    assert tender["value"] == {"amount": 42000000, "currency": "NOK"}
    contracts = {c["id"].rsplit("-", 1)[1]: c for c in compiled["contracts"]}
    assert set(contracts) == {"op05", "op08", "op11"}
    assert contracts["op08"]["status"] == "terminated" and contracts["op05"]["status"] == "active"
    op05 = contracts["op05"]
    assert [m["status"] for m in op05["milestones"]] == ["met"] * 5
    paid = [t for t in op05["implementation"]["transactions"]]
    assert paid and all(t["payee"]["id"] == "op05" for t in paid)
    assert {t["relatedImplementationMilestone"]["id"] for t in paid} <= {
        m["id"] for m in op05["implementation"]["milestones"]}
    assert len(op05["amendments"]) == 3  # a change, two option purchases
    roles = {party["id"]: party["roles"] for party in compiled["parties"]}
    assert roles["stavanger"] == ["buyer", "procuringEntity", "payer"]
    assert roles["baerum"] == ["buyer"] and "supplier" in roles["op05"]
    assert roles["op07"] == ["interestedParty"]


def test_ocds_planning_holds_the_consultation_open_to_all():
    """The pre-market consultation as OCDS planning: the need mapping
    (preProcurement), each dialogue open to all and each sharing (engagement),
    the market check as rationale; never a one-to-one meeting or written input (R50)."""
    for case, authority, expected in (
            ("troms_finnmark_dialogue", "tffk",
             ["dialogue-d1", "dialogue-d2", "dialogue-d6", "information-shared-12"]),
            ("dk_need_mapping", "aalborg", ["need-mapping-nm1", "dialogue-mm1"])):
        p = load(case)
        for party in p.parties:
            planning = p.ocds(OCID, party.id, "en")["records"][0]["compiledRelease"]["planning"]
            assert [m["id"] for m in planning["milestones"]] == expected, (case, party.id)
            assert all(m["status"] == "met" for m in planning["milestones"])
            assert planning["rationale"].startswith(("Dialogkonferansen", "Behovsafdækningens"))
    types = {m["id"]: m["type"] for m in load("dk_need_mapping").ocds(OCID, "aalborg")[
        "records"][0]["compiledRelease"]["planning"]["milestones"]}
    assert types == {"need-mapping-nm1": "preProcurement", "dialogue-mm1": "engagement"}


def test_ocds_errors():
    p = load("stavanger")
    with pytest.raises(ipart.InvalidArgumentError):
        p.ocds("", "stavanger")
    with pytest.raises(ipart.NotFoundError):
        p.ocds(OCID, "nobody")


def with_terms(case: str) -> bool:
    return any(e["type"] == "terms_set" for e in load_case(f"procedure/{case}.json")["document"]["events"])


@pytest.mark.parametrize("case", [c for c in PROCEDURES if with_terms(c)])
def test_r31_the_maximum_value_is_published_with_the_tender(case):
    """R31: operators are told the maximum value (the maximum R&D value plus the
    estimated purchase value) in the published tender, unless the terms withhold it."""
    document = load_case(f"procedure/{case}.json")["document"]
    terms = [e for e in document["events"] if e["type"] == "terms_set"][-1]
    budget = terms["budget"]
    expected = Decimal(budget["max_rnd_value"]) + Decimal(budget["estimated_purchase_value"])
    authority = document["events"][0]["actor"]
    text = ipart.Partnership.loads(document).ocds_json(OCID, authority, "en")
    tender = json.loads(text, parse_float=Decimal)["records"][0]["compiledRelease"]["tender"]
    assert tender["value"]["amount"] == expected
    for event in document["events"]:
        if event["type"] == "terms_set":
            event["max_value_disclosed"] = False
    withheld = ipart.Partnership.loads(document).ocds(OCID, authority, "en")
    assert "value" not in withheld["records"][0]["compiledRelease"]["tender"]
    record = ipart.Partnership.loads(document).record(authority)
    assert record["value"]["max_value_disclosed"] is False


# ---- eForms ----------------------------------------------------------------------------------

def _regen():
    import importlib.util
    spec = importlib.util.spec_from_file_location("regen", GOLDEN / "regen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SETTINGS = _regen().SETTINGS
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}
SCHEMAS = {"16": "UBL-ContractNotice-2.3.xsd", "29": "UBL-ContractAwardNotice-2.3.xsd",
           "38": "UBL-ContractAwardNotice-2.3.xsd", "E1": "UBL-PriorInformationNotice-2.3.xsd"}
# Codelists the SDK copy beside the project leaves out for their size (SOURCE.md).
ABSENT_CODELISTS = {"cpv", "nuts"}
# NUTS 3 codes (nuts-lvl3, absent as a whole) are checked against the
# country's list the copy keeps, by the code's country prefix.
NUTS_COUNTRY_LISTS = {"NO": "nuts_nuts-nor-lvl3.gc", "DK": "nuts_nuts-dnk-lvl3.gc",
                      "SE": "nuts_nuts-swe-lvl3.gc"}


def notice_or_empty(subtype):
    """The notice of `subtype` as `party` sees it, or "" when its view does
    not reach the notice's stage (no award, contract change or market dialogue)."""
    def export(p, party):
        try:
            return p.eforms_xml(subtype, party, SETTINGS)
        except ipart.StateError:
            return ""
    return export


EXPORTS.extend((f"eforms{subtype}.xml", notice_or_empty(subtype))
               for subtype in ("E1", "16", "29", "38"))


def sdk_dir():
    return ocds_dir().parent / "eforms-sdk-1.15.1"


_SDK = {}


def sdk():
    """fields by id, codelist file names by id (read once)."""
    if not _SDK:
        folder = sdk_dir()
        fields = json.loads((folder / "fields" / "fields.json").read_text(encoding="utf-8"))
        lists = json.loads((folder / "codelists" / "codelists.json").read_text(encoding="utf-8"))
        _SDK["fields"] = {f["id"]: f for f in fields["fields"]}
        _SDK["codelists"] = {c["id"]: c["filename"] for c in lists["codelists"]}
    return _SDK


def layout_fields(subtype: str) -> set:
    """The field ids of notice-types/<subtype>.json (metadata and content)."""
    layout = json.loads((sdk_dir() / "notice-types" / f"{subtype}.json").read_text(encoding="utf-8"))
    found = set()

    def walk(node):
        if node.get("contentType") == "field":
            found.add(node["id"])
        for child in node.get("content", []):
            walk(child)
    for node in layout.get("metadata", []) + layout["content"]:
        walk(node)
    return found


def codelist_of(field: dict, subtype: str):
    """The codelist of a field in a notice subtype: the subtype's own
    (legal-basis-e1 for BT-01 in E1) or the field's."""
    rule = field.get("codeList", {})
    for c in rule.get("constraints", []):
        if subtype in c.get("noticeTypes", []) and not c.get("condition"):
            return c["value"]["id"]
    return rule.get("value", {}).get("id")


def constraint(field: dict, kind: str, subtype: str):
    """True when `kind` (mandatory/forbidden) holds for the subtype without a condition."""
    rule = field.get(kind, {})
    for c in rule.get("constraints", []):
        if subtype in c.get("noticeTypes", []) and not c.get("condition"):
            return c["value"]
    return None


def codes(list_id: str) -> set:
    return codes_in(sdk()["codelists"][list_id])


def codes_in(filename: str) -> set:
    text = (sdk_dir() / "codelists" / filename).read_text(encoding="utf-8")
    return set(re.findall(r'<Value ColumnRef="code">\s*<SimpleValue>([^<]*)</SimpleValue>', text))


def nuts3_codes(values) -> set:
    """The NUTS 3 codes of the countries of `values` (by their prefix)."""
    return set().union(*(codes_in(NUTS_COUNTRY_LISTS[v[:2]]) for v in values))


def used_fields(root):
    """{field id: [values]} of every SDK field whose XPath finds something, and the elements found."""
    used, elements = {}, set()
    for fid, f in sdk()["fields"].items():
        try:
            found = root.xpath(f["xpathAbsolute"], namespaces=NS)
        except Exception:  # an XPath lxml cannot evaluate (none in the fields this exporter uses)
            continue
        if found:
            used[fid] = [x if isinstance(x, str) else (x.text or "") for x in found]
            elements.update(x for x in found if not isinstance(x, str))
    return used, elements


def python_pattern(pattern):
    """The field's XSD-style pattern compiled, or None when it uses a construct
    Python's re lacks (\\p{...} classes: the URL and e-mail fields)."""
    try:
        return re.compile(pattern) if pattern else None
    except re.error:
        assert "\\p{" in pattern, pattern
        return None


def check_notice(xml: str, subtype: str):
    from lxml import etree
    root = etree.fromstring(xml.encode("utf-8"))
    used, elements = used_fields(root)
    allowed = layout_fields(subtype)
    for fid, values in used.items():
        field = sdk()["fields"][fid]
        owner = field.get("attributeOf", fid)  # an attribute (listName...) goes with its field
        assert owner in allowed, f"{fid} is not a field of notice subtype {subtype}"
        assert constraint(field, "forbidden", subtype) is not True, fid
        if not field.get("presetValue", "{").startswith("{"):  # not {NOW} and the like
            assert set(values) == {field["presetValue"]}, f"{fid}: {values}"
    leaves = [e for e in root.iter() if isinstance(e.tag, str) and len(e) == 0]
    unknown = [root.getroottree().getpath(e) for e in leaves if e not in elements]
    assert unknown == [], f"elements that are no SDK field: {unknown[:3]}"
    missing = [fid for fid in sorted(allowed)
               if constraint(sdk()["fields"][fid], "mandatory", subtype) and fid not in used]
    assert missing == [], f"mandatory fields missing: {missing}"
    for fid, values in used.items():
        pattern = python_pattern(sdk()["fields"][fid].get("pattern", {}).get("value"))
        if pattern:
            assert all(pattern.search(v) for v in values), f"{fid}: {values} !~ {pattern}"
        list_id = codelist_of(sdk()["fields"][fid], subtype)
        if list_id == "nuts-lvl3":
            assert set(values) <= nuts3_codes(values), f"{fid}: {values} not NUTS 3 codes"
            continue
        if list_id in ABSENT_CODELISTS:
            continue
        if list_id:
            assert set(values) <= codes(list_id), f"{fid}: {values} not in {list_id}"
    return used


def xmllint(xml: str, subtype: str, tmp_path):
    import subprocess
    notice = tmp_path / f"notice-{subtype}.xml"
    notice.write_text(xml, encoding="utf-8")
    schema = sdk_dir() / "schemas" / "maindoc" / SCHEMAS[subtype]
    run = subprocess.run(["xmllint", "--noout", "--schema", str(schema), str(notice)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]


def notices_of(case: str):
    """Every notice subtype the case's log reaches."""
    return list(_regen().notices(load(case)))


@pytest.mark.parametrize("case", PROCEDURES)
def test_every_notice_validates_and_uses_only_allowed_fields_and_codes(case, tmp_path):
    p = load(case)
    authority = authority_of(p)
    subtypes = list(notices_of(case))
    assert subtypes, "every golden procedure publishes a contract notice"
    for subtype in subtypes:
        xml = p.eforms_xml(subtype, authority, SETTINGS)
        xmllint(xml, subtype, tmp_path)
        used = check_notice(xml, subtype)
        field_map = p.eforms_map(subtype, authority, SETTINGS)
        assert {k: used.get(k) for k in field_map} == field_map, "the map agrees with the XML"
        fields = sdk()["fields"]
        assert {k for k in used if "attributeOf" not in fields[k]} <= set(field_map), \
            "the map names every field of the notice"


def test_contract_notice_has_the_innovation_fields_and_r31_maximum_value():
    document = load_case("procedure/stavanger.json")["document"]
    p = ipart.Partnership.loads(document)
    fields = p.eforms_map("16", "stavanger", SETTINGS)
    assert fields["BT-105-Procedure"] == ["innovation"]
    assert fields["BT-1311(d)-Lot"] == ["2017-10-16+02:00"]
    assert fields["BT-50-Lot"] == ["3"] and fields["BT-51-Lot"] == ["6"]
    assert fields["BT-52-Lot"] == ["true"]
    # R31: the maximum value (max R&D value + estimated purchase value) is published
    assert fields["BT-27-Procedure"] == ["42000000.00"]
    for event in document["events"]:
        if event["type"] == "terms_set":
            event["max_value_disclosed"] = False
    withheld = ipart.Partnership.loads(document).eforms_map("16", "stavanger", SETTINGS)
    assert "BT-27-Procedure" not in withheld


def test_consultation_notice_publishes_the_dialogue_open_to_all():
    """E1: issued when the consultation opened, answers due the day of the last
    dialogue open to all; a one-to-one meeting's information only once shared (R50)."""
    p = load("troms_finnmark_dialogue")
    fields = p.eforms_map("E1", "tffk", SETTINGS)
    assert fields["OPP-070-notice"] == ["E1"] and fields["BT-02-notice"] == ["pmc"]
    assert fields["BT-03-notice"] == ["consultation"]
    assert fields["BT-05(a)-notice"] == ["2021-01-08+01:00"]
    assert fields["BT-800(d)-Lot"] == ["2021-02-17+01:00"]
    assert fields["BT-97-Lot"] == ["NOR"]
    assert "BT-04-notice" not in fields and "BT-105-Procedure" not in fields
    note = fields["BT-300-Procedure"][0]
    assert "Rammen for utviklingsfasen er anslått til NOK 7,3 millioner." in note
    assert "Arctic Mobility presenterte" not in note and "Skriftlig innspill" not in note
    assert load("dk_need_mapping").eforms_map("E1", "aalborg", SETTINGS)["BT-97-Lot"] == ["DAN"]
    # the place of performance (settings place_nuts), a code of the NUTS 3 list
    assert fields["BT-5071-Procedure"] == ["NO0A1"] and fields["BT-5141-Procedure"] == ["NOR"]
    assert "NO0A1" in codes_in(NUTS_COUNTRY_LISTS["NO"])


def test_a_nuts_code_must_be_shaped_as_one():
    settings = json.loads(SETTINGS)
    for bad in ("NO0a1", "N00A1", "NO0A", "NO0A12"):
        with pytest.raises(ipart.InvalidArgumentError, match="place_nuts"):
            load("stavanger").eforms_xml("E1", "stavanger", json.dumps({**settings, "place_nuts": bad}))
    del settings["place_nuts"]
    assert "BT-5071-Procedure" not in load("stavanger").eforms_map("16", "stavanger", settings)


@pytest.mark.parametrize("case", PROCEDURES)
def test_every_party_gets_the_same_consultation_notice(case):
    p = load(case)
    expected = p.eforms_xml("E1", authority_of(p), SETTINGS)
    for party in p.parties:
        assert p.eforms_xml("E1", party.id, SETTINGS) == expected, party.id


def test_no_consultation_notice_before_a_dialogue_open_to_all():
    document = load_case("procedure/troms_finnmark_dialogue.json")["document"]
    early = ipart.Partnership.loads({**document, "events": document["events"][:4]})
    with pytest.raises(ipart.StateError, match="market dialogue"):
        early.eforms_xml("E1", "tffk", SETTINGS)


def test_eforms_errors():
    p = load("stavanger")
    with pytest.raises(ipart.InvalidArgumentError, match="unsupported notice subtype"):
        p.eforms_xml("99", "stavanger", SETTINGS)
    settings = json.loads(SETTINGS)
    del settings["cpv"]
    with pytest.raises(ipart.InvalidArgumentError, match="cpv"):
        p.eforms_xml("16", "stavanger", json.dumps(settings))
    early = ipart.Partnership.loads({**load_case("procedure/stavanger.json")["document"],
                                     "events": list(p.events)[:5]})
    with pytest.raises(ipart.StateError):
        early.eforms_xml("16", "stavanger", SETTINGS)


def ocds_merge(into, release):
    """OCDS merging (docs/schema/merging.md): objects member by member, arrays
    of objects with an id by id, any other value replaced."""
    for key, value in release.items():
        old = into.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            ocds_merge(old, value)
        elif (isinstance(value, list) and isinstance(old, list) and value
              and all(isinstance(v, dict) and "id" in v for v in value)):
            by_id = {o["id"]: o for o in old}
            for v in value:
                if v["id"] in by_id:
                    ocds_merge(by_id[v["id"]], v)
                else:
                    old.append(v)
                    by_id[v["id"]] = v
        else:
            into[key] = json.loads(json.dumps(value))


@pytest.mark.parametrize("case", PROCEDURES)
def test_ocds_releases_merge_into_the_compiled_release(case):
    p = load(case)
    for party in (authority_of(p), "op05" if case == "stavanger" else authority_of(p)):
        record = p.ocds(OCID, party, "en")["records"][0]
        merged = {}
        for release in record["releases"]:
            ocds_merge(merged, release)
        compiled = record["compiledRelease"]
        strip = ("id", "date", "tag")
        assert {k: v for k, v in merged.items() if k not in strip} == \
            {k: v for k, v in compiled.items() if k not in strip}
        # each release carries only what changed: a payment release holds one contract
        payments = [r for r in record["releases"] if r["id"].endswith("-implementation")]
        assert all(len(r.get("contracts", [])) <= 1 and "tender" not in r for r in payments)


# doc/exports.md's excerpts are checked against the golden files by
# tests/docs/run_blocks.py (docs.blocks.exports), like every page's.


def test_the_buyer_legal_type_follows_the_authority_kind():
    """R54: each kind of doc/authority-kinds.md has its buyer-legal-type (doc/exports.md)."""
    p = ipart.Partnership.loads(load_case("procedure/helse_sor_ost_group.json")["document"])
    assert p.eforms_map("16", "helse-sor-ost", SETTINGS)["BT-11-Procedure-Buyer"] == ["body-pl-cga"]
    stavanger = ipart.Partnership.loads(load_case("procedure/stavanger.json")["document"])
    assert stavanger.eforms_map("16", "stavanger", SETTINGS)["BT-11-Procedure-Buyer"] == ["la"]
    list_id = sdk()["fields"]["BT-11-Procedure-Buyer"]["codeList"]["value"]["id"]
    assert {"cga", "la", "ra", "body-pl", "body-pl-cga", "pub-undert"} <= codes(list_id)
