"""Shared helpers of the `ipart` command's tests: run it, and documents
cut from the Stavanger example."""
import json
import os
import pathlib
import subprocess

import pytest

CLI = os.environ.get("IPART_CLI", "ipart")
SOURCE = pathlib.Path(os.environ.get("IPART_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
EXAMPLE = SOURCE / "examples" / "stavanger-procedure.json"
SIGNING = 89  # the first contract_signed of the example (op05, 2018-04-04)


def ipart(*args, stdin=None, check=None, **kw):
    """Run `ipart args...`; return the CompletedProcess (text)."""
    run = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, text=True,
                         timeout=120, **kw)
    if check is not None:
        assert run.returncode == check, (run.returncode, run.stdout, run.stderr)
    return run


def example_events():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))["events"]


def document(events):
    return json.dumps({"format": "ipart-document", "version": 1, "profile": "NO",
                       "events": events}, ensure_ascii=False)


@pytest.fixture
def before_signing(tmp_path):
    """The example cut just before the first signature: a document file."""
    path = tmp_path / "case.json"
    path.write_text(document(example_events()[:SIGNING]), encoding="utf-8")
    return path


def leftovers(directory):
    """Temporary files the atomic write might have left."""
    return sorted(p.name for p in pathlib.Path(directory).iterdir() if ".ipart-" in p.name)
