"""Shared fixtures: the golden cases of tests/cases, read by C, Python and Java alike."""
import json
import os
import pathlib
import re

import pytest

CASES = pathlib.Path(os.environ.get("IPART_CASES_DIR",
                                    pathlib.Path(__file__).resolve().parents[1] / "cases"))


def load_case(relative: str):
    return json.loads((CASES / relative).read_text(encoding="utf-8"))


def status_class(name: str) -> type:
    """The exception class of a status name of the cases ("IPART_EPARSE"
    -> ipart.ParseError), derived from the C table as the binding does."""
    import ipart
    assert name.startswith("IPART_E"), name
    return ipart.error_class(ipart.Status[name[len("IPART_"):]])


def guide_example(page: str):
    """The Python block of a doc/ page (relative to the repository) and the
    output block shown after it ("prints"), for tests that run the page."""
    text = (pathlib.Path(__file__).resolve().parents[2] / "doc" / page).read_text(encoding="utf-8")
    found = re.search(r"```python\n(.*?)```\n\nprints\n\n```\n(.*?)```", text, re.S)
    assert found, f"doc/{page} has no Python block followed by what it prints"
    return compile(found.group(1), f"doc/{page}", "exec"), found.group(2)


@pytest.fixture
def cases():
    return load_case
