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

Every 50th partnership is loaded again, untimed, and checked to give the
Stavanger document back. Not a unit test.

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


def server_cpu(connection) -> float:
    """CPU seconds the connection's server process has used (Linux /proc)."""
    fields = pathlib.Path(f"/proc/{connection.get_backend_pid()}/stat").read_text().rsplit(")", 1)[1]
    utime, stime = fields.split()[11:13]
    return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")


def timed(label, ids, work, connection=None):
    """Run work(pid) for every id; print wall-clock and CPU time (this
    process's, and the server process's when a connection is given: on a
    shared machine the wall clock includes waiting for a core, CPU time
    does not)."""
    server = server_cpu(connection) if connection else 0.0
    start, cpu = time.perf_counter(), time.process_time()
    for pid in ids:
        work(pid)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    server = server_cpu(connection) - server if connection else 0.0
    print(f"{label:44} {elapsed:8.3f} s  {elapsed / len(ids) * 1e6:7.0f} µs each; CPU "
          f"{(cpu + server) / len(ids) * 1e6:7.0f} µs each (client {cpu / len(ids) * 1e6:.0f}, "
          f"server {server / len(ids) * 1e6:.0f})")
    return elapsed, cpu + server


def check(store, ids):
    """Untimed: every 50th partnership (and the last) loads as the Stavanger document."""
    for pid in ids[::50] + ids[-1:]:
        loaded = store.load(pid)
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
        timed("import (one transaction each)", ids, lambda pid: store.import_document(pid, STAVANGER),
              connection)
        with connection.cursor() as cur:
            cur.execute("SELECT pg_total_relation_size('ipart_event'), "
                        "pg_total_relation_size('ipart_snapshot')")
            events_bytes, snapshot_bytes = cur.fetchone()
        connection.rollback()
        print(f"{'stored':44} {events_bytes / 2**20:8.1f} MiB event rows, "
              f"{snapshot_bytes / 2**20:.1f} MiB snapshots")
        snapshot = timed("load from the snapshot (verified)", ids, store.load, connection)
        check(store, ids)
        library = timed("  of which the library's load alone", ids,
                        lambda pid: ipart.Partnership.loads(STAVANGER))
        print(f"{'  the rest: SQL, hashing, document text':44} {snapshot[0] - library[0]:8.3f} s  "
              f"CPU {(snapshot[1] - library[1]) / n * 1e6:.0f} µs each")
        timed("full verification (every row hashed)", ids, lambda pid: store.verify(pid), connection)
        with connection.cursor() as cur:
            cur.execute("DELETE FROM ipart_snapshot")
        connection.commit()
        timed("load from the event rows alone (verified)", ids, store.load, connection)
        check(store, ids)
    print("load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
