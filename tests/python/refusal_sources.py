"""Read libipart's sources for the refusal messages and the catalogue.

Every refusal's English text is the msgid of a catalogue row, its error key
the context (doc/languages.md). This module finds each (key, English) pair a
guard can raise - the calls of ipart__fail* and of the helpers that take a
key and a message - and the rows of libipart/core/refusals.c, so that
test_refusal_catalogue.py can compare them. Run it as a script to print the
pairs that lack a row, as C rows to fill in.
"""
import pathlib
import re
import sys
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple, Union

ROOT = pathlib.Path(__file__).resolve().parents[2]
LIBRARY = ROOT / "libipart"
CATALOGUE = LIBRARY / "core" / "refusals.c"

# name -> (index of the key argument, index of the English argument); a key
# index of None means the helper's own fixed key, given as the third item.
# An English given as a string is the helper's own fixed format.
SINKS: Dict[str, Tuple[Optional[int], Union[int, str], Optional[str]]] = {
    "ipart__fail": (1, 2, None),
    "ipart__fail_rule": (4, 5, None),
    "ipart__warn": (3, 4, None),
    "ipart__tr": (0, 1, None),
    "ipart__text_format": (1, 2, None),
    "ipart__text_vformat": (1, 2, None),
    "ipart__text_plain": (1, 2, None),
    "ipart__rule_violation": (2, 3, None),
    "ipart__violation": (3, 4, None),
    "ipart__invalid": (2, 3, None),
    "ipart__item_invalid": (3, 4, None),
    "ipart__item_violation": (4, 5, None),
    "ipart__money_violation": (3, 5, None),
    "ipr_complete": (3, "the IPR arrangements of the terms are incomplete: %s", None),
    "ipart__stage_violation": (None, 3, "event.stage"),
    "ipart__scope_refuse": (None, 1, "scope.withheld"),
    "ipart__invalidf": (2, 3, None),
    "ipart__violationf": (3, 4, None),
    "shape_error": (1, 2, None),
    "input_error": (2, 3, None),
    "top_level_error": (2, 3, None),
    "scan_error": (2, 3, None),
    "bad": (1, 2, None),
    "ipart__text_wrap": (1, 2, None),
    "add_missing": (None, 1, "ipr.missing"),
    "lacking": (None, 2, "notice.documents.incomplete"),
    "say": (None, 4, "rights.reason"),
    "say_all": (None, 4, "rights.reason"),
    "reason_tr": (None, 0, "rights.reason"),
    "wrong_type": (None, 1, "document.field.type"),
    "wrong_kind": (None, 2, "document.field.type"),
    "ipart__shape_error_at": (1, 2, None),
    "error_at": (1, 2, None),
    "tree_fault": (1, 2, None),
    "contradiction": (None, 2, "terms.ipr.contradictory"),
}

# Functions of core/errors.c that pass their caller's key and format on.
FORWARDERS = {"vset"}

# Integer format macros of <inttypes.h> as glibc on LP64 spells them.
INT_MACROS = {"PRId64": "ld", "PRIu64": "lu", "PRIi64": "li", "PRIx64": "lx"}

CONVERSION = re.compile(r"%(?:%|[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                        r"(hh|h|ll|l|j|z|t|L)?([diouxXeEfFgGaAcspn]))")


class Pair(NamedTuple):
    key: str
    english: str
    where: str  # "file:line" of the call (or of the row)


def strip_comments(text: str) -> str:
    """Blank out comments, keeping strings and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_args(text: str, start: int) -> Tuple[List[str], int]:
    """The top-level arguments of the call whose '(' is at `start`."""
    depth, i, args, current = 0, start, [], []
    while i < len(text):
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == "\\" else 1
            current.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args, i
        elif c == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    raise ValueError("unbalanced call")


ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "r": "\r", "0": "\0"}


def alternatives(arg: str) -> Optional[List[str]]:
    """The values of an argument that is a literal or a conditional
    expression choosing between literals (`cond ? "a" : "b"`), else None."""
    value = literal(arg)
    if value is not None:
        return [value]
    m = re.match(r'^[^"?]*\?\s*((?:"(?:[^"\\]|\\.)*"\s*)+):(.*)$', arg, re.S)
    if not m:
        return None
    first, rest = literal(m.group(1)), alternatives(m.group(2).strip())
    return None if first is None or rest is None else [first] + rest


def literal(arg: str) -> Optional[str]:
    """The value of an argument made only of string literals (and the
    <inttypes.h> macros between them), else None."""
    tokens = re.findall(r'"((?:[^"\\]|\\.)*)"|(\w+)|(\S)', arg)
    if not tokens:
        return None
    parts = []
    for quoted, word, other in tokens:
        if other or (word and word not in INT_MACROS):
            return None
        if word:
            parts.append(INT_MACROS[word])
            continue
        parts.append(re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), quoted))
    return "".join(parts)


FUNCTION = re.compile(r"^[A-Za-z_][\w \t*]*?\b(\w+)\s*\([^;{]*?\)\s*\{", re.M | re.S)


class Call(NamedTuple):
    sink: str
    args: List[str]
    where: str
    function: str  # the function whose body holds the call
    body: str      # its text up to the call


def calls() -> Iterator[Call]:
    """Every call of a sink in the sources of the library."""
    pattern = re.compile(r"\b(" + "|".join(SINKS) + r")\s*\(")
    for path in sorted(LIBRARY.rglob("*.[ch]")):
        text = strip_comments(path.read_text(encoding="utf-8"))
        # a key named by a macro of the file: #define REASON "rights.reason"
        macros = dict(re.findall(r'^#define (\w+) ("(?:[^"\\]|\\.)*")\s*$', text, re.M))
        bodies = [(m.start(), m.group(1)) for m in FUNCTION.finditer(text)]
        for m in pattern.finditer(text):
            line_end = text.find("\n", m.start())
            if text[:line_end].rstrip().endswith("\\"):
                continue  # inside a macro's definition: its uses are the calls
            before = text[:m.start()].rstrip()
            if re.search(r"(ipart_status|void|const char \*|\*)\s*$", before) and \
                    not re.search(r"return\s*$", before):
                continue  # a declaration or definition, not a call
            args, _ = split_args(text, m.end() - 1)
            args = [macros.get(a, a) for a in args]
            line = text.count("\n", 0, m.start()) + 1
            owner = [(start, name) for start, name in bodies if start < m.start()]
            start, name = owner[-1] if owner else (0, "")
            yield Call(m.group(1), args, f"{path.relative_to(ROOT)}:{line}", name,
                       text[start:m.start()])


class Problem(NamedTuple):
    where: str
    text: str


def values(arg: str, body: str) -> Optional[List[str]]:
    """The values of an argument: literals, or a variable of the function
    that is only ever given literals (`problem = "..."`) before the call."""
    direct = alternatives(arg)
    if direct is not None or not re.fullmatch(r"\w+", arg):
        return direct
    found: List[str] = []
    for m in re.finditer(rf"\b{arg}\s*=(?!=)", body):
        end = body.index(";", m.end())
        if body[m.end():end].strip() == "NULL":
            continue
        each = alternatives(body[m.end():end].strip())
        if each is None:
            return None
        found += each
    return found or None


def source_pairs() -> Tuple[List[Pair], List[Problem]]:
    """The (key, English) pairs the sources raise, and the calls whose key
    or English is computed outside a helper registered in SINKS."""
    pairs, problems = [], []
    for call in calls():
        key_at, english_at, fixed = SINKS[call.sink]
        keys = [fixed] if key_at is None else values(call.args[key_at], call.body)
        texts = [english_at] if isinstance(english_at, str) else \
            values(call.args[english_at], call.body)
        if keys is not None and texts is not None:
            pairs += [Pair(k, e, call.where) for k in keys for e in texts]
        elif call.function not in SINKS and call.function not in FORWARDERS:
            problems.append(Problem(call.where, f"{call.sink}(...) in {call.function}() passes "
                                    f"a computed key or message "
                                    f"({call.args[key_at] if key_at is not None else fixed!r}, "
                                    f"{english_at if isinstance(english_at, str) else call.args[english_at]!r}): pass literals, or make the "
                                    f"helper a sink of tests/python/refusal_sources.py"))
    return pairs, problems


ROW = re.compile(r'\{\s*("(?:[^"\\]|\\.)*")\s*,\s*((?:"(?:[^"\\]|\\.)*"|\s|PRI\w+)+),'
                 r'\s*((?:"(?:[^"\\]|\\.)*"|\s|PRI\w+)+)\}', re.S)


class Row(NamedTuple):
    key: str
    english: str
    nb: str
    where: str


def catalogue_rows() -> List[Row]:
    """The rows of the refusal catalogue, in source order."""
    text = strip_comments(CATALOGUE.read_text(encoding="utf-8"))
    table = text[text.index("REFUSALS[] = {"):]
    rows = []
    for m in ROW.finditer(table):
        key, english, nb = (literal(m.group(i)) for i in (1, 2, 3))
        line = text.count("\n", 0, text.index("REFUSALS[] = {") + m.start()) + 1
        assert key is not None and english is not None and nb is not None, m.group(0)
        rows.append(Row(key, english, nb, f"{CATALOGUE.relative_to(ROOT)}:{line}"))
    return rows


def conversions(fmt: str) -> List[str]:
    """The conversion specifications of a printf format, in order, as
    length modifier + conversion ("s", "zu", "ld"); "%%" is left out."""
    return [(m.group(1) or "") + m.group(2) for m in CONVERSION.finditer(fmt) if m.group(2)]


def c_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> int:
    pairs, problems = source_pairs()
    for p in problems:
        print(f"{p.where}: {p.text}", file=sys.stderr)
    have = {(r.key, r.english) for r in catalogue_rows()} if CATALOGUE.exists() else set()
    missing = sorted({(p.key, p.english) for p in pairs} - have)
    for key, english in missing:
        print(f"    {{{c_string(key)},\n     {c_string(english)},\n     {c_string(english)}}},")
    return 0


if __name__ == "__main__":
    sys.exit(main())
