#!/usr/bin/env python3
"""Loading partnerships of Stavanger size from the PostgreSQL platform store
(examples/platform, doc/performance.md).

    PYTHONPATH=build/release/python python3 tests/bench/bench_store.py [--quick] [--partnerships N]

Starts a throw-away PostgreSQL 15 (tests/python/pgserver.py), imports the
Stavanger case (123 events, 36 KB) N times (default 1 000; --quick: 20, as
CI runs it), then times, over every partnership:

1. a load from the snapshot: one row, its events hashed against the chain
   and the head, and the document replayed by the library;
2. the library's share of that: Partnership.loads of the same text, alone;
3. a full verification: every event row read and hashed;
4. a load from the event rows alone (the snapshots deleted): N rows each.

Every load is checked to give the Stavanger document back. Not a unit test.

SPDX-License-Identifier: Apache-2.0
"""
import argparse
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "python"), str(ROOT / "examples" / "platform")]

import ipart  # noqa: E402
from ipart_store import Store  # noqa: E402
from pgserver import PostgresServer  # noqa: E402

STAVANGER = (ROOT / "examples" / "stavanger-procedure.json").read_text(encoding="utf-8")


def timed(label, ids, work):
    start = time.perf_counter()
    for pid in ids:
        work(pid)
    elapsed = time.perf_counter() - start
    print(f"{label:44} {elapsed:8.3f} s  {elapsed / len(ids) * 1e6:9.0f} µs per partnership")
    return elapsed


def check(loaded):
    assert loaded.seq == 123 and loaded.partnership.dumps() == STAVANGER, "wrong document"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20 partnerships (CI)")
    parser.add_argument("--partnerships", type=int, default=1000)
    args = parser.parse_args()
    n = 20 if args.quick else args.partnerships
    ids = [f"case-{i:04d}" for i in range(n)]
    print(f"{n} partnerships x {len(ipart.Partnership.loads(STAVANGER))} events "
          f"({len(STAVANGER.encode())} bytes each); load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    with PostgresServer() as server, server.connect() as connection:
        store = Store(connection)
        store.install_schema()
        timed("import (one transaction each)", ids, lambda pid: store.import_document(pid, STAVANGER))
        with connection.cursor() as cur:
            cur.execute("SELECT pg_total_relation_size('ipart_event'), "
                        "pg_total_relation_size('ipart_snapshot')")
            events_bytes, snapshot_bytes = cur.fetchone()
        connection.rollback()
        print(f"{'stored':44} {events_bytes / 2**20:8.1f} MiB event rows, "
              f"{snapshot_bytes / 2**20:.1f} MiB snapshots")
        snapshot = timed("load from the snapshot (verified)", ids, lambda pid: check(store.load(pid)))
        library = timed("  of which the library's load alone", ids,
                        lambda pid: ipart.Partnership.loads(STAVANGER))
        print(f"{'  the rest: SQL, hashing, document text':44} {snapshot - library:8.3f} s")
        timed("full verification (every row hashed)", ids, lambda pid: store.verify(pid))
        with connection.cursor() as cur:
            cur.execute("DELETE FROM ipart_snapshot")
        connection.commit()
        timed("load from the event rows alone (verified)", ids, lambda pid: check(store.load(pid)))
    print("load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
