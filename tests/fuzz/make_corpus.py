#!/usr/bin/env python3
"""Write the fuzz seed corpus from the golden cases: every valid document,
every invalid document and every rejected event, one file each."""
import json
import pathlib
import sys

cases = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
n = 0
for path in sorted((cases / "procedure").glob("*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "document" in data:
        (out / f"doc-{path.stem}.json").write_text(json.dumps(data["document"]), encoding="utf-8")
        for i, event in enumerate(data["document"]["events"][:40]):
            (out / f"event-{path.stem}-{i}.json").write_text(json.dumps(event), encoding="utf-8")
        n += 1
    else:
        for case in data:
            text = case.get("event_text") or json.dumps(case["event"])
            (out / f"reject-{case['name']}.json").write_text(text, encoding="utf-8")
for case in json.loads((cases / "documents" / "invalid.json").read_text(encoding="utf-8")):
    (out / f"invalid-{case['name']}.json").write_text(case["text"], encoding="utf-8")
print(f"corpus written to {out}")
