"""Every refusal message exists in English and Norwegian bokmål.

The English text is written at the call site (ipart__fail, the guards'
violation helpers...) and is the msgid of the catalogue
libipart/core/refusals.c, whose rows give its Norwegian text under the same
error key (doc/languages.md). These tests read both from the sources: a
refusal without its Norwegian row, a row whose Norwegian format would read
other arguments than the English one, a row nothing raises any more, and a
message assembled where the catalogue cannot see it all fail, each naming
the call or row to fix. `python3 tests/python/refusal_sources.py` prints
the missing rows ready to paste.
"""
import re
from collections import Counter

from refusal_sources import (CATALOGUE, ROOT, c_string, catalogue_rows, conversions,
                             source_pairs)

PAIRS, PROBLEMS = source_pairs()
ROWS = catalogue_rows()


def test_the_calls_are_found():
    # Sanity: a refactoring must not hide the refusals from the reader.
    found = {(p.key, p.english) for p in PAIRS}
    assert ("party.unknown", "%s: no party '%s'") in found  # ipart__fail
    assert ("decision.reason.missing",
            "a discretionary decision must state its reason") in found  # ipart__violation
    assert ("terms.weights.sum", "the weights sum to %lld basis points; they must sum to "
            "10000 (100 %%)") in found  # ipart__invalidf
    assert ("event.stage", "'%s' is not possible in stage '%s': %s") in found  # ipart__tr
    assert ("tender.kind.order", "the first tender must be the initial tender") in found  # var
    assert ("accept.level", "verified twice") in found  # cond ? "a" : "b"
    assert len(found) > 300


def test_every_message_reaches_the_catalogue_whole():
    # A message assembled with snprintf and handed on as text would be
    # English in every language: the helpers take formats instead.
    assert not PROBLEMS, "\n".join(f"{p.where}: {p.text}" for p in PROBLEMS)


def test_every_refusal_has_its_english_and_norwegian_text():
    rows = {(r.key, r.english): r for r in ROWS}
    missing = []
    for p in sorted(PAIRS, key=lambda p: (p.key, p.english, p.where)):
        row = rows.get((p.key, p.english))
        if row is None:
            missing.append(f"{p.where}: key {p.key!r}, English {c_string(p.english)} lacks nb "
                           f"(no row in {CATALOGUE.relative_to(ROOT)})")
        elif not row.nb.strip():
            missing.append(f"{row.where}: key {p.key!r}, English {c_string(p.english)} lacks "
                           f"nb (empty)")
        if not p.english.strip():
            missing.append(f"{p.where}: key {p.key!r} lacks en (an empty English message)")
        if not p.key:
            missing.append(f"{p.where}: {c_string(p.english)} has no error key")
    assert not missing, ("refusals without both languages (add the rows, sorted by key and "
                         "English):\n" + "\n".join(dict.fromkeys(missing)))


def test_each_language_reads_the_same_arguments():
    wrong = [f"{r.where}: key {r.key!r}: en {c_string(r.english)} reads "
             f"{conversions(r.english)}, nb {c_string(r.nb)} reads {conversions(r.nb)}"
             for r in ROWS if conversions(r.english) != conversions(r.nb)]
    assert not wrong, ("the Norwegian format must have the English one's conversions, in the "
                       "same order (\"%.0s\" skips an English-only word):\n" + "\n".join(wrong))


def test_every_row_is_raised():
    raised = {(p.key, p.english) for p in PAIRS}
    stale = [f"{r.where}: key {r.key!r}, English {c_string(r.english)} is raised nowhere any "
             f"more: remove the row, or update it to the call's new text"
             for r in ROWS if (r.key, r.english) not in raised]
    assert not stale, "\n".join(stale)


def test_the_rows_are_sorted_for_the_binary_search():
    keys = [(r.key.encode(), r.english.encode()) for r in ROWS]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"rows listed twice: {twice}"
    out_of_order = [f"{b.where}: ({b.key!r}, {c_string(b.english)}) must come before "
                    f"({a.key!r}, {c_string(a.english)})"
                    for a, b in zip(ROWS, ROWS[1:])
                    if (a.key.encode(), a.english.encode()) > (b.key.encode(), b.english.encode())]
    assert not out_of_order, "\n".join(out_of_order)


def test_conversions_are_read_as_printf_reads_them():
    assert conversions("%s: %04d-%02d-%02d, %zu of %lld (100 %%)") == [
        "s", "d", "d", "d", "zu", "lld"]
    assert conversions("%.0s%s %+ld %.64s") == ["s", "s", "ld", "s"]
    assert re.search(r"\bPRId64\b", CATALOGUE.read_text(encoding="utf-8")), (
        "the 64-bit row keeps <inttypes.h>'s macro, as its call does")
