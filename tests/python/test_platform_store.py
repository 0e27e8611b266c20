"""The reference platform store (examples/platform) against a real
PostgreSQL 15 started for these tests (pgserver.py): concurrent writers,
a writer killed mid-transaction, idempotency, refusals, and tampering."""
import datetime
import multiprocessing
import os
import pathlib
import re
import signal
import subprocess
import sys
import time

import pytest

import ipart
from ipart import capi
from pgserver import PostgresServer

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "platform"))
import ipart_store  # noqa: E402
from ipart_store import ConflictError, Store, TamperedError  # noqa: E402

STAVANGER = (ROOT / "examples" / "stavanger-procedure.json").read_text(encoding="utf-8")
FORK = multiprocessing.get_context("fork")
WRITERS, NOTES = 4, 20


def note(text, day=0):
    return {"type": "note_recorded", "date": str(datetime.date(2030, 1, 1) + datetime.timedelta(day)),
            "actor": "stavanger", "text": text}


@pytest.fixture(scope="module")
def server():
    with PostgresServer() as s:
        with s.connect() as c:
            Store(c).install_schema()
        yield s


@pytest.fixture
def store(server):
    connection = server.connect()
    yield Store(connection)
    connection.close()


def head_and_rows(store, pid):
    """Everything an append writes: the head, the rows, the snapshot."""
    with store._conn.cursor() as cur:
        cur.execute("SELECT p.head_seq, p.head_link, s.seq, s.document FROM ipart_partnership p "
                    "LEFT JOIN ipart_snapshot s ON s.partnership_id = p.id WHERE p.id = %s", (pid,))
        head = tuple(bytes(v) if isinstance(v, memoryview) else v for v in cur.fetchone())
    store._conn.rollback()
    return head, store.events(pid)


def test_the_canonical_document_splits_into_its_event_lines():
    head, events = ipart_store.split_document(STAVANGER)
    assert len(events) == len(ipart.Partnership.loads(STAVANGER))
    assert all(e.startswith('{"type":"') and e.endswith("}") for e in events)
    assert ipart_store.join_document(head, events) == STAVANGER
    p = ipart.Partnership.loads(STAVANGER)  # the lines are what event_at gives a C platform
    assert events == [capi.ipart_partnership_event_at(p._p, i) for i in range(len(p))]
    empty = ipart.Partnership("SE").dumps()
    assert ipart_store.join_document(*ipart_store.split_document(empty)) == empty
    with pytest.raises(ValueError):
        ipart_store.split_document('{"format":"ipart-document"}')


def test_import_load_and_append_keep_the_canonical_bytes(store):
    loaded = store.import_document("roundtrip", STAVANGER)
    assert store.load("roundtrip").partnership.dumps() == STAVANGER == loaded.partnership.dumps()
    done = store.apply("roundtrip", note("after the import"), idempotency_key="r1")
    assert (done.seq, done.repeated) == (124, False)
    again = store.load("roundtrip")
    assert again.seq == 124 and again.link == done.loaded.link
    assert again.partnership.dumps() == done.loaded.partnership.dumps()
    rows = store.events("roundtrip")
    assert rows[-1]["event"] == done.event and rows[-1]["idempotency_key"] == "r1"
    assert (rows[-1]["event_type"], rows[-1]["actor"]) == ("note_recorded", "stavanger")
    assert rows[-1]["event_date"] == datetime.date(2030, 1, 1)
    assert store.verify("roundtrip") == 124


def test_a_new_partnership_starts_empty_and_takes_its_first_event(store):
    store.create("fresh", "NO")
    assert store.load("fresh").seq == 0
    created = ipart.Partnership.loads(STAVANGER).event(0)
    assert store.apply("fresh", created).seq == 1
    assert store.load("fresh").partnership.stage == ipart.Stage.NEED_IDENTIFICATION
    with pytest.raises(ipart_store.DuplicatePartnershipError):
        store.create("fresh", "NO")
    with pytest.raises(ipart_store.UnknownPartnershipError):
        store.load("nobody")


def test_a_refused_event_writes_nothing(store):
    store.import_document("refusal", STAVANGER)
    store.apply("refusal", note("late", day=10))
    before = head_and_rows(store, "refusal")
    with pytest.raises(ipart.StateError) as refused:
        store.apply("refusal", note("earlier", day=0), idempotency_key="early")
    assert refused.value.key == "event.date.backwards"
    with pytest.raises(ipart.IpartError):
        store.apply("refusal", {"type": "note_recorded", "date": "2030-02-01", "actor": "stavanger"})
    assert head_and_rows(store, "refusal") == before


def test_a_stale_writer_gets_a_conflict_and_nothing_is_written(store):
    store.import_document("race", STAVANGER)
    first, second = store.load("race"), store.load("race")
    store.append("race", first, note("first"))
    before = head_and_rows(store, "race")
    with pytest.raises(ConflictError) as conflict:
        store.append("race", second, note("second"))
    assert conflict.value.expected == 123
    assert head_and_rows(store, "race") == before
    assert second.partnership.dumps() == STAVANGER  # the writer's state is not touched
    assert store.apply("race", note("second")).seq == 125  # reload and retry


def test_a_retried_request_is_applied_once(store):
    store.import_document("retry", STAVANGER)
    done = store.apply("retry", note("once"), idempotency_key="request-7")
    stale = store.load("retry")
    store.apply("retry", note("other"))
    again = store.append("retry", stale, note("once"), idempotency_key="request-7")
    assert (again.seq, again.event, again.repeated, again.loaded) == (done.seq, done.event, True, None)
    texts = [r["event"] for r in store.events("retry")]
    assert texts.count(done.event) == 1 and len(texts) == 125


# -- N processes, one partnership ---------------------------------------------
def writer(socket_dir, user, index, barrier, results):
    """Writer 0 keeps its loaded state and gives up at the first conflict of
    each event (reloading for the next); the others retry through apply.
    Every note's date advances with its number, so a writer that falls
    behind is refused by the library (a date before the last one)."""
    import psycopg2
    store = Store(psycopg2.connect(host=socket_dir, dbname="postgres", user=user))
    barrier.wait()
    outcomes, loaded = [], store.load("shared") if index == 0 else None
    for n in range(NOTES):
        key, event = f"w{index}-{n}", note(f"writer {index} note {n}", day=n // 4)
        try:
            if index == 0:
                done = store.append("shared", loaded, event, idempotency_key=key)
                loaded = done.loaded
            else:
                # Each conflict is another writer's append, and there are
                # fewer than WRITERS * NOTES of those: these never give up.
                done = store.apply("shared", event, idempotency_key=key, retries=WRITERS * NOTES)
            outcomes.append((key, "accepted", done.seq, done.event))
        except ConflictError:
            outcomes.append((key, "conflict", None, None))
            loaded = store.load("shared") if index == 0 else None
        except ipart.IpartError as refused:
            outcomes.append((key, "refused", refused.key, None))
            loaded = store.load("shared") if index == 0 else None
    results.put((index, outcomes))


def test_concurrent_writers_end_with_a_serial_log_and_every_outcome_known(server, store):
    base = store.import_document("shared", STAVANGER).seq
    barrier, results = FORK.Barrier(WRITERS), FORK.Queue()
    procs = [FORK.Process(target=writer, args=(str(server.socket_dir), server.user, i, barrier,
                                               results)) for i in range(WRITERS)]
    for p in procs:
        p.start()
    outcomes = dict(results.get(timeout=240) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    everything = [o for i in range(WRITERS) for o in outcomes[i]]
    assert len(everything) == WRITERS * NOTES  # every request has an outcome
    accepted = {key: (seq, text) for key, status, seq, text in everything if status == "accepted"}
    turned_down = {key for key, status, _, _ in everything if status != "accepted"}

    # The log verifies and replays: the library accepts it in this order.
    assert store.verify("shared") == base + len(accepted)
    loaded = store.load("shared")
    rows = store.events("shared")[base:]
    # Exactly the accepted events, each once, where its writer was told.
    assert sorted((r["seq"], r["event"]) for r in rows) == sorted(accepted.values())
    assert {r["idempotency_key"] for r in rows} == set(accepted)
    assert not turned_down & {r["idempotency_key"] for r in rows}
    # Each writer's accepted events in the order it sent them.
    for i in range(WRITERS):
        mine = [accepted[k][0] for k, status, _, _ in outcomes[i] if status == "accepted"]
        assert mine == sorted(mine)
    # Refusals are the library's (dates gone backwards) or conflicts (writer 0 only).
    for key, status, why, _ in everything:
        assert status == "accepted" or (status, why) == ("refused", "event.date.backwards") \
            or (status == "conflict" and key.startswith("w0-"))
    dates = [r["event_date"] for r in rows]
    assert dates == sorted(dates) and len(loaded.partnership) == loaded.seq
    # The rows alone replay to the same state as the snapshot the appends wrote.
    head = ipart_store.split_document(STAVANGER)[0]
    replayed = ipart.Partnership.loads(ipart_store.join_document(
        head, [r["event"] for r in store.events("shared")]))
    assert replayed.dumps() == loaded.partnership.dumps()
    print(f"accepted {len(accepted)}, refused "
          f"{sum(s == 'refused' for _, s, _, _ in everything)}, conflicts "
          f"{sum(s == 'conflict' for _, s, _, _ in everything)}")


# -- a writer killed in the middle of its transaction -----------------------------
def dying_writer(socket_dir, user, ready):
    """Applies one event and is killed before its commit."""
    import psycopg2

    class Dying(Store):
        def _commit(self):
            ready.set()
            time.sleep(600)

    Dying(psycopg2.connect(host=socket_dir, dbname="postgres", user=user,
                           application_name="dying-writer")).apply("killed", note("never"),
                                                                   idempotency_key="k")


def test_a_writer_killed_mid_transaction_leaves_no_partial_event(server, store):
    store.import_document("killed", STAVANGER)
    before = head_and_rows(store, "killed")
    ready = FORK.Event()
    victim = FORK.Process(target=dying_writer, args=(str(server.socket_dir), server.user, ready))
    victim.start()
    assert ready.wait(60), "the writer never reached its commit"
    with store._conn.cursor() as cur:
        cur.execute("SELECT state FROM pg_stat_activity WHERE application_name = 'dying-writer'")
        assert cur.fetchall() == [("idle in transaction",)]  # its rows are written, not committed
    store._conn.rollback()
    os.kill(victim.pid, signal.SIGKILL)
    victim.join(timeout=30)
    assert victim.exitcode == -signal.SIGKILL
    deadline = time.monotonic() + 60
    while True:  # the server notices the closed socket and rolls back
        with store._conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dying-writer'")
            gone = cur.fetchone()[0] == 0
        store._conn.rollback()
        if gone or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert gone
    assert head_and_rows(store, "killed") == before
    assert store.verify("killed") == 123
    # No lock or key is left behind: the same request now goes through.
    assert store.apply("killed", note("never"), idempotency_key="k").seq == 124


# -- tampering -------------------------------------------------------------------
def tamper(store, sql, *args):
    with store._conn.cursor() as cur:
        cur.execute(sql, args)
    store._conn.commit()


@pytest.fixture
def replays(monkeypatch):
    """Every document the library is asked to load during the test."""
    seen = []
    real = ipart.Partnership.loads.__func__

    def spy(cls, document):
        seen.append(document)
        return real(cls, document)
    monkeypatch.setattr(ipart.Partnership, "loads", classmethod(spy))
    return seen


def sparse(server, pid):
    """A Store whose snapshot stays at the import, so loads replay stored rows."""
    store = Store(server.connect(), snapshot_every=1000)
    store.import_document(pid, STAVANGER)
    for n in range(3):
        store.apply(pid, note(f"note {n}"))
    return store


def test_a_changed_event_is_detected_and_never_replayed(server, replays):
    store = sparse(server, "tampered")
    tamper(store, "UPDATE ipart_event SET event = replace(event, 'note 1', 'note X') "
                  "WHERE partnership_id = 'tampered' AND seq = 125")
    replays.clear()
    with pytest.raises(TamperedError) as found:
        store.load("tampered")
    assert (found.value.seq, found.value.reason) == (125, "the event does not match its link")
    assert replays == []
    with pytest.raises(TamperedError) as found:
        store.verify("tampered")
    assert found.value.seq == 125


def test_a_changed_event_inside_the_snapshot_is_found_by_verify_and_not_replayed(server, replays):
    store = sparse(server, "old-tampered")
    tamper(store, "UPDATE ipart_event SET event = replace(event, 'Stavanger kommune', 'Sandnes') "
                  "WHERE partnership_id = 'old-tampered' AND seq = 1")
    replays.clear()
    loaded = store.load("old-tampered")  # from the verified snapshot
    assert "Sandnes" not in loaded.partnership.dumps() and len(replays) == 1
    with pytest.raises(TamperedError) as found:
        store.verify("old-tampered")
    assert found.value.seq == 1


@pytest.mark.parametrize("sql, seq", [
    ("UPDATE ipart_snapshot SET document = replace(document, 'Stavanger kommune', 'Sandnes') "
     "WHERE partnership_id = %s", 123),
    ("DELETE FROM ipart_event WHERE partnership_id = %s AND seq = 125", 125),
    ("DELETE FROM ipart_event WHERE partnership_id = %s AND seq = 126", 126),
    ("UPDATE ipart_event SET seq = seq + 10 WHERE partnership_id = %s AND seq = 126", 126),
], ids=["snapshot", "removed", "last-removed", "renumbered"])
def test_other_tampering_is_detected(server, replays, sql, seq):
    pid = f"tampered-{seq}-{len(sql)}"
    store = sparse(server, pid)
    tamper(store, sql, pid)
    replays.clear()
    with pytest.raises(TamperedError) as found:
        store.load(pid)
    assert found.value.seq == seq and replays == []



def test_the_walkthrough_prints_what_the_guide_shows(server):
    """examples/platform/walkthrough.py (whose code doc/platform-store.md
    quotes, checked by the docs tests) prints what the page says."""
    page = (ROOT / "doc" / "platform-store.md").read_text(encoding="utf-8")
    shown = re.search(r"\nprints\n\n```text\n(.*?)```", page, re.S).group(1)
    dsn = f"host={server.socket_dir} dbname=postgres user={server.user}"
    out = subprocess.run([sys.executable, str(ROOT / "examples/platform/walkthrough.py"), dsn],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert out.returncode == 0, out.stderr
    assert out.stdout == shown
