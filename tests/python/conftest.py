"""Shared fixtures: the golden cases of tests/cases, read by C, Python and Java alike."""
import json
import os
import pathlib

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


@pytest.fixture
def cases():
    return load_case
