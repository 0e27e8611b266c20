"""Every rule a guard can raise has a golden rejection case naming it, and
doc/rules.md lists each of them with that case.

"Every guard names its rule id; every rule you enforce has a test that names
it" (the team's brief) - this test makes the second half mechanical: the rule
ids are read from the guards' source, the cases from tests/cases.
"""
import json
import os
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = pathlib.Path(os.environ.get("IPART_CASES_DIR", ROOT / "tests" / "cases"))

# violation("R13", ...), violationf("R13", ...), ipart__rule_violation("R15", ...),
# ipart__rule_violation_text("R33", ...) and profile table entries.
RULE_IN_SOURCE = re.compile(r'(?:violation|rule_violation)(?:f|_text)?\(\s*"(R\d+)"')
PROFILE_RULE = re.compile(r'^\s*\{"(?:NO|SE|DK|EU)",.*"(R\d+)"\},', re.M)


def rules_raised_by_guards():
    rules = set()
    for path in (ROOT / "libipart").rglob("*.c"):
        text = path.read_text(encoding="utf-8")
        rules |= set(RULE_IN_SOURCE.findall(text))
        rules |= set(PROFILE_RULE.findall(text))
    return rules


def rules_with_cases():
    cases = json.loads((CASES / "procedure" / "rejections.json").read_text(encoding="utf-8"))
    named = {}
    for case in cases:
        if case.get("rule"):
            named.setdefault(case["rule"], []).append(case["name"])
    return named


def test_guards_raise_rules():
    # Sanity: the pattern finds the guards (a refactoring must not hide them).
    assert {"R6", "R13", "R14", "R33", "R40"} <= rules_raised_by_guards()


def test_every_rule_a_guard_raises_has_a_rejection_case():
    missing = sorted(rules_raised_by_guards() - set(rules_with_cases()), key=lambda r: int(r[1:]))
    assert not missing, f"rules enforced without a golden rejection case: {missing}"


def test_every_rejection_case_names_a_rule_the_guards_raise():
    unknown = sorted(set(rules_with_cases()) - rules_raised_by_guards())
    assert not unknown, f"cases name rules no guard raises: {unknown}"


def test_rule_table_lists_each_enforced_rule_with_a_case():
    table = (ROOT / "doc" / "rules.md").read_text(encoding="utf-8")
    for rule, names in rules_with_cases().items():
        row = re.search(rf"^\| {rule} \|.*$", table, re.M)
        assert row, f"doc/rules.md has no row for {rule}"
        assert any(name in row.group(0) for name in names), (
            f"doc/rules.md row {rule} names none of its cases {names}")


# ---- "decided by": the column of doc/rules.md naming each rule's guards ----------------

# A function definition starts in column 0: "static ipart_status name(" or "int name(".
FUNCTION_START = re.compile(r"^(?!typedef|return|#)[A-Za-z_][^;(=]*?\b(\w+)\(")
# A cell entry: `name` (path), path relative to libipart/.
CELL_ENTRY = re.compile(r"`(\w+)` \(([\w/]+\.c)\)")
# The profiles' table names the rule that decides award on initial tenders;
# the guards that read it decide each rule named there.
PROFILE_RULE_READER = "award_on_initial_rule"


def guard_sites():
    """{rule: {(function, file)}} for every violation("Rnn"...) site in libipart/,
    and for the rules of the profiles' table, every function reading it."""
    sites = {}
    profile_rules = set()
    for path in sorted((ROOT / "libipart").rglob("*.c")):
        rel = path.relative_to(ROOT / "libipart").as_posix()
        function = None
        for line in path.read_text(encoding="utf-8").splitlines():
            start = FUNCTION_START.match(line)
            if start and not line.rstrip().endswith(";"):
                function = start.group(1)
            rules = set(RULE_IN_SOURCE.findall(line))
            if PROFILE_RULE_READER in line and function:
                rules.add(PROFILE_RULE_READER)
            for rule in rules:
                sites.setdefault(rule, set()).add((function, rel))
        profile_rules |= set(PROFILE_RULE.findall(path.read_text(encoding="utf-8")))
    readers = sites.pop(PROFILE_RULE_READER, set())
    for rule in profile_rules:
        sites.setdefault(rule, set()).update(readers)
    return sites


def decided_by_cells():
    """{rule: (guards, laws)} from doc/rules.md's "decided by" column: the
    entries before "law:" are guards, those after it the rules layer's arithmetic."""
    table = (ROOT / "doc" / "rules.md").read_text(encoding="utf-8").splitlines()
    header = next(line for line in table if line.startswith("| rule |"))
    column = [c.strip() for c in header.strip("|").split("|")].index("decided by")
    cells = {}
    for line in table:
        row = re.match(r"^\| (R\d+) \|", line)
        if not row:
            continue
        cell = [c.strip() for c in line.strip().strip("|").split("|")][column]
        guards, _, laws = cell.partition("law:")
        cells[row.group(1)] = (set(CELL_ENTRY.findall(guards)), set(CELL_ENTRY.findall(laws)))
    return cells


def test_the_sites_are_found():
    # Sanity: a refactoring must not hide the guards from the parser.
    sites = guard_sites()
    assert ("signed_check", "model/handlers_award.c") in sites["R40"]
    assert ("evaluated_may", "model/handlers_award.c") in sites["R43"]
    assert ("ipart__need_reason", "model/guard.c") in sites["R42"]


def test_the_decided_by_column_names_exactly_the_guards_of_each_rule():
    sites, cells = guard_sites(), decided_by_cells()
    assert cells, "doc/rules.md has no rule rows"
    drift = []
    for rule in sorted(set(sites) | set(cells), key=lambda r: int(r[1:])):
        in_code = sites.get(rule, set())
        in_doc = cells.get(rule, (set(), set()))[0]
        if in_code != in_doc:
            drift.append(f"{rule}: code decides in {sorted(in_code)}, "
                         f"doc/rules.md names {sorted(in_doc)}")
    assert not drift, "doc/rules.md 'decided by' drifted from the code:\n" + "\n".join(drift)


def test_the_law_functions_named_are_defined_in_rules():
    for rule, (_, laws) in decided_by_cells().items():
        for function, rel in laws:
            assert rel.startswith("rules/"), f"{rule}: law function {function} outside rules/"
            text = (ROOT / "libipart" / rel).read_text(encoding="utf-8")
            assert re.search(rf"^[A-Za-z_][^;(]*\b{function}\(", text, re.M), (
                f"{rule}: {function} is not defined in libipart/{rel}")


def test_every_rule_without_a_guard_says_why():
    # R31, R41 and R49 (and the warnings and views of R25 and R37) have no
    # violation site: their row must say why instead of naming a guard.
    sites, cells = guard_sites(), decided_by_cells()
    table = (ROOT / "doc" / "rules.md").read_text(encoding="utf-8")
    for rule in sorted(set(cells) - set(sites), key=lambda r: int(r[1:])):
        row = re.search(rf"^\| {rule} \|.*$", table, re.M).group(0)
        assert "no guard:" in row, f"doc/rules.md row {rule} names no guard and gives no reason"


def test_every_guard_fails_through_the_one_rule_helper():
    # A rule violation is made in one place (ipart__rule_violation, which adds
    # the rule's legal source); guards reach it through model/guard.c's
    # ipart__violation family and never build an IPART_ERULE themselves.
    makers = sorted(path.relative_to(ROOT / "libipart").as_posix()
                    for path in (ROOT / "libipart").rglob("*.c")
                    if "IPART_ERULE" in path.read_text(encoding="utf-8"))
    assert makers == ["rules/profile.c"], makers
