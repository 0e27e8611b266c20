#!/usr/bin/env python3
"""The walk-through of doc/platform-store.md: a partnership on a fresh
PostgreSQL database, two case workers, a retried request, a refusal.

    python3 examples/platform/walkthrough.py "host=/var/run/postgresql dbname=ipart"

The argument is a libpq connection string; the database must not hold a
partnership "oslo-17" yet. Run with the ipart package on PYTHONPATH.

SPDX-License-Identifier: Apache-2.0
"""
import sys

import psycopg2

connection = psycopg2.connect(sys.argv[1])

import ipart
from ipart_store import ConflictError, Store

store = Store(connection)  # a psycopg2 connection; one per thread or process
store.install_schema()     # examples/platform/schema.sql, if not there yet
store.create("oslo-17", "NO")

# A case worker's request, with the key its client made for it.
created = {"type": "partnership_created", "date": "2024-03-01", "actor": "oslo",
           "authority": {"id": "oslo", "name": "Oslo kommune", "kind": "sub_central"},
           "title": "Digital tilsyn", "currency": "NOK"}
done = store.apply("oslo-17", created, idempotency_key="req-0001")
print(done.seq, done.repeated, done.loaded.partnership.stage)

# The network failed and the client sends it again: applied once only.
again = store.apply("oslo-17", created, idempotency_key="req-0001")
print(again.seq, again.repeated, len(store.events("oslo-17")))

# Two case workers read the same state; the second to append loses the race.
alice, bob = store.load("oslo-17"), store.load("oslo-17")
note = {"type": "note_recorded", "date": "2024-03-04", "actor": "oslo"}
store.append("oslo-17", alice, dict(note, text="Alice's note"), idempotency_key="req-0002")
try:
    store.append("oslo-17", bob, dict(note, text="Bob's note"), idempotency_key="req-0003")
except ConflictError as conflict:
    print("conflict:", conflict)
    bob = store.load("oslo-17")  # reload, show Bob the new state, let him decide
    store.append("oslo-17", bob, dict(note, text="Bob's note"), idempotency_key="req-0003")

# The library refuses what the rules forbid; nothing is written.
try:
    store.apply("oslo-17", dict(note, date="2024-03-01", text="backdated"))
except ipart.StateError as refused:
    print("refused:", refused.key)

# Every load verifies the chain; verify() reads every row.
print(store.verify("oslo-17"), [e["event_type"] for e in store.events("oslo-17")])
