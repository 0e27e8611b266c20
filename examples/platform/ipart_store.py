"""The reference platform store of libipart on PostgreSQL (doc/platform-store.md).

Partnerships and their events are rows (schema.sql beside this file). One
transaction per apply; optimistic concurrency: an append names the
sequence number it expects, and a writer that lost the race gets
:class:`ConflictError` (:meth:`Store.apply` reloads and retries, then gives
up). An idempotency key makes a retried request return the first result
instead of applying twice. Each stored event carries a link of a SHA-256
hash chain, which every load verifies before the library replays a single
event: a changed, removed or reordered row raises :class:`TamperedError`.

    store = Store(psycopg2.connect(...))
    store.install_schema()
    store.create("case-17", "NO")
    store.apply("case-17", {"type": "partnership_created", ...}, idempotency_key="req-1")
    loaded = store.load("case-17")          # .partnership, .seq, .link

A Store uses one connection from one thread; give each thread or process
its own.

SPDX-License-Identifier: Apache-2.0
"""
import contextlib
import hashlib
import json
import pathlib
from typing import Iterator, List, NamedTuple, Optional, Sequence, Tuple, Union

import psycopg2
import psycopg2.errors
import psycopg2.extras

import ipart

SCHEMA = pathlib.Path(__file__).resolve().with_name("schema.sql")
_EVENTS_OPEN = '"events":['
_DOCUMENT_CLOSE = "]}\n"


class StoreError(Exception):
    """Something the store refuses or finds; the library's own refusals are
    ipart.IpartError and pass through unchanged."""


class UnknownPartnershipError(StoreError, LookupError):
    """No partnership has this id."""


class DuplicatePartnershipError(StoreError):
    """A partnership with this id exists already."""


class ConflictError(StoreError):
    """Another writer appended first: the log is not at the sequence the
    append expected. Reload and retry, or give up."""

    def __init__(self, partnership_id: str, expected: int):
        super().__init__(f"{partnership_id}: the log has moved past event {expected}")
        self.partnership_id, self.expected = partnership_id, expected


class TamperedError(StoreError):
    """The stored rows do not form the hash chain: `seq` is the first event
    (or the snapshot's sequence) that does not verify. Nothing was replayed."""

    def __init__(self, partnership_id: str, seq: int, reason: str):
        super().__init__(f"{partnership_id}: event {seq}: {reason}")
        self.partnership_id, self.seq, self.reason = partnership_id, seq, reason


class Loaded(NamedTuple):
    """A partnership at a verified point of its log: the state after `seq`
    events, whose last link is `link`."""
    partnership: ipart.Partnership
    seq: int
    link: bytes


class Appended(NamedTuple):
    """The result of an append: the event's sequence number and canonical
    text, the state after it, and whether it was applied by an earlier
    request with the same idempotency key (then `loaded` is None)."""
    seq: int
    event: str
    loaded: Optional[Loaded]
    repeated: bool


# -- the hash chain and the canonical document ---------------------------------
def genesis(partnership_id: str) -> bytes:
    """link(0): SHA-256 of the partnership id, so a log cannot be moved to another id."""
    return hashlib.sha256(partnership_id.encode("utf-8")).digest()


def next_link(previous: bytes, event: str) -> bytes:
    """link(n) = SHA-256(link(n-1) || UTF-8 bytes of the canonical event n)."""
    return hashlib.sha256(previous + event.encode("utf-8")).digest()


def split_document(document: str) -> Tuple[str, List[str]]:
    """A canonical document as its head (up to and including '"events":[')
    and its events' canonical texts: the library writes one event per line."""
    at = document.find(_EVENTS_OPEN)
    if at < 0 or not document.endswith(_DOCUMENT_CLOSE):
        raise ValueError("not a canonical ipart document")
    head = document[:at + len(_EVENTS_OPEN)]
    body = document[len(head):-len(_DOCUMENT_CLOSE)]
    if not body:
        return head, []
    lines = body.strip("\n").split("\n")
    return head, [line[:-1] for line in lines[:-1]] + lines[-1:]  # drop the separating commas


def join_document(head: str, events: Sequence[str]) -> str:
    """The inverse of split_document."""
    body = "\n" + ",\n".join(events) + "\n" if events else ""
    return head + body + _DOCUMENT_CLOSE


def _profile_head(profile: str) -> str:
    """The head of an empty canonical document of `profile`."""
    return split_document(ipart.Partnership(profile).dumps())[0]


class _Row(NamedTuple):
    seq: int
    event: str
    link: bytes


class _Snapshot(NamedTuple):
    seq: int
    link: bytes
    document: str


class Store:
    """Partnerships in PostgreSQL through one psycopg2 connection.

    ``snapshot_every``: write the snapshot after every n-th event (1: after
    each; loads then read one row). ``_commit`` is the single point where
    an append commits (tests override it to die mid-transaction).
    """

    def __init__(self, connection, *, snapshot_every: int = 1):
        if snapshot_every < 1:
            raise ValueError("snapshot_every must be at least 1")
        self._conn = connection
        self.snapshot_every = snapshot_every

    def install_schema(self) -> None:
        """Create the tables of schema.sql unless they exist."""
        with self._transaction() as cur:
            cur.execute(SCHEMA.read_text(encoding="utf-8"))

    # -- writing -----------------------------------------------------------
    def create(self, partnership_id: str, profile: str = "NO") -> Loaded:
        """A new, empty partnership."""
        empty = ipart.Partnership(profile)  # checks the profile
        link = genesis(partnership_id)
        with self._transaction() as cur:
            self._insert_partnership(cur, partnership_id, profile, 0, link)
        return Loaded(empty, 0, link)

    def import_document(self, partnership_id: str, document: str) -> Loaded:
        """A new partnership holding every event of a document (which the
        library loads first: a document it refuses is not stored)."""
        partnership = ipart.Partnership.loads(document)
        document = partnership.dumps()
        _, events = split_document(document)
        rows, link = [], genesis(partnership_id)
        for seq, text in enumerate(events, 1):
            link = next_link(link, text)
            rows.append(_Row(seq, text, link))
        with self._transaction() as cur:
            self._insert_partnership(cur, partnership_id, partnership.profile, len(rows), link)
            self._insert_events(cur, partnership_id, rows, None)
            if rows:
                self._write_snapshot(cur, partnership_id, len(rows), link, document)
        return Loaded(partnership, len(rows), link)

    def append(self, partnership_id: str, loaded: Loaded, event: Union[dict, str], *,
               idempotency_key: Optional[str] = None) -> Appended:
        """Apply `event` to the log that `loaded` read, in one transaction.

        Returns the earlier result if a request with `idempotency_key` was
        applied already. Raises the library's error if it refuses the event
        and ConflictError if the log moved past ``loaded.seq``; then nothing
        is written. ``loaded`` itself is never changed.
        """
        with self._transaction() as cur:
            if idempotency_key is not None:
                earlier = self._by_key(cur, partnership_id, idempotency_key)
                if earlier is not None:
                    return Appended(earlier.seq, earlier.event, None, True)
            candidate = loaded.partnership.clone()
            candidate.apply(event)
            document = candidate.dumps()
            text = split_document(document)[1][-1]
            seq, link = loaded.seq + 1, next_link(loaded.link, text)
            cur.execute("UPDATE ipart_partnership SET head_seq = %s, head_link = %s "
                        "WHERE id = %s AND head_seq = %s",
                        (seq, link, partnership_id, loaded.seq))
            if cur.rowcount != 1:
                raise ConflictError(partnership_id, loaded.seq)
            try:
                self._insert_events(cur, partnership_id, [_Row(seq, text, link)], idempotency_key)
            except psycopg2.errors.UniqueViolation:
                # The same key, committed by a writer we did not wait for.
                raise ConflictError(partnership_id, loaded.seq) from None
            if seq % self.snapshot_every == 0:
                self._write_snapshot(cur, partnership_id, seq, link, document)
            self._commit()
        return Appended(seq, text, Loaded(candidate, seq, link), False)

    def apply(self, partnership_id: str, event: Union[dict, str], *,
              idempotency_key: Optional[str] = None, retries: int = 10) -> Appended:
        """Load, append, and on a conflict reload and retry, at most
        `retries` times; then the last ConflictError is raised."""
        for attempt in range(retries + 1):
            try:
                return self.append(partnership_id, self.load(partnership_id), event,
                                   idempotency_key=idempotency_key)
            except ConflictError:
                if attempt == retries:
                    raise
        raise AssertionError("unreachable")

    # -- reading -----------------------------------------------------------
    def load(self, partnership_id: str) -> Loaded:
        """The partnership from its snapshot and the events after it, each
        verified against the hash chain before the library replays them."""
        with self._transaction(read_only=True) as cur:
            profile, head_seq, head_link, snapshot = self._head(cur, partnership_id)
            after = snapshot.seq if snapshot else 0
            tail = self._rows(cur, partnership_id, after)
        if snapshot:
            head, events = split_document(snapshot.document)
            link = self._verify_snapshot(partnership_id, snapshot.seq, snapshot.link, events)
        else:
            head, events, link = _profile_head(profile), [], genesis(partnership_id)
        link = self._verify_rows(partnership_id, after, link, tail)
        self._verify_head(partnership_id, after + len(tail), link, head_seq, head_link)
        document = join_document(head, events + [row.event for row in tail])
        return Loaded(ipart.Partnership.loads(document), head_seq, link)

    def verify(self, partnership_id: str) -> int:
        """Check every stored event and the snapshot against the chain;
        return the number of events, or raise TamperedError."""
        with self._transaction(read_only=True) as cur:
            _, head_seq, head_link, snapshot = self._head(cur, partnership_id)
            rows = self._rows(cur, partnership_id, 0)
        link = self._verify_rows(partnership_id, 0, genesis(partnership_id), rows)
        self._verify_head(partnership_id, len(rows), link, head_seq, head_link)
        if snapshot:
            seq, link = snapshot.seq, snapshot.link
            self._verify_snapshot(partnership_id, seq, link, split_document(snapshot.document)[1])
            if seq > len(rows) or link != rows[seq - 1].link:
                raise TamperedError(partnership_id, seq, "the snapshot is not the stored log")
        return len(rows)

    def events(self, partnership_id: str) -> List[dict]:
        """Every stored row, in order (seq, event text, type, date, actor,
        idempotency key), unverified: for reports and tests."""
        with self._transaction(read_only=True) as cur:
            cur.execute("SELECT seq, event, event_type, event_date, actor, idempotency_key "
                        "FROM ipart_event WHERE partnership_id = %s ORDER BY seq",
                        (partnership_id,))
            names = [c.name for c in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- verification --------------------------------------------------------
    @staticmethod
    def _verify_rows(partnership_id: str, after: int, link: bytes, rows: List[_Row]) -> bytes:
        """Rows after..: contiguous, each link the chain's. The last link."""
        for expected, row in enumerate(rows, after + 1):
            if row.seq != expected:
                raise TamperedError(partnership_id, expected, f"missing (found event {row.seq})")
            link = next_link(link, row.event)
            if link != row.link:
                raise TamperedError(partnership_id, row.seq, "the event does not match its link")
        return link

    @staticmethod
    def _verify_snapshot(partnership_id: str, seq: int, link: bytes, events: List[str]) -> bytes:
        chain = genesis(partnership_id)
        for text in events:
            chain = next_link(chain, text)
        if len(events) != seq or chain != link:
            raise TamperedError(partnership_id, seq, "the snapshot does not match its link")
        return link

    @staticmethod
    def _verify_head(partnership_id: str, seq: int, link: bytes, head_seq: int,
                     head_link: bytes) -> None:
        if seq != head_seq or link != head_link:
            raise TamperedError(partnership_id, min(seq, head_seq) + 1,
                                f"the log ends at event {seq}, the head names {head_seq}"
                                if seq != head_seq else "the last link is not the head's")

    # -- SQL ------------------------------------------------------------------
    @contextlib.contextmanager
    def _transaction(self, read_only: bool = False) -> Iterator:
        """One transaction: committed by the body (appends, through
        _commit) or at the end, rolled back on any exception."""
        cur = self._conn.cursor()
        try:
            if read_only:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield cur
            if self._conn.status != psycopg2.extensions.STATUS_READY:
                self._conn.commit()
        except BaseException:
            self._conn.rollback()
            raise
        finally:
            cur.close()

    def _commit(self) -> None:
        self._conn.commit()

    @staticmethod
    def _head(cur, partnership_id: str) -> Tuple[str, int, bytes, Optional["_Snapshot"]]:
        """Profile, head sequence and link, and the snapshot if there is one."""
        cur.execute("SELECT p.profile, p.head_seq, p.head_link, s.seq, s.link, s.document "
                    "FROM ipart_partnership p LEFT JOIN ipart_snapshot s "
                    "ON s.partnership_id = p.id WHERE p.id = %s", (partnership_id,))
        row = cur.fetchone()
        if row is None:
            raise UnknownPartnershipError(partnership_id)
        profile, head_seq, head_link, seq, link, document = row
        snapshot = _Snapshot(seq, bytes(link), document) if seq is not None else None
        return profile, head_seq, bytes(head_link), snapshot

    @staticmethod
    def _rows(cur, partnership_id: str, after: int) -> List[_Row]:
        cur.execute("SELECT seq, event, link FROM ipart_event WHERE partnership_id = %s "
                    "AND seq > %s ORDER BY seq", (partnership_id, after))
        return [_Row(seq, event, bytes(link)) for seq, event, link in cur.fetchall()]

    @staticmethod
    def _by_key(cur, partnership_id: str, key: str) -> Optional[_Row]:
        cur.execute("SELECT seq, event, link FROM ipart_event "
                    "WHERE partnership_id = %s AND idempotency_key = %s", (partnership_id, key))
        row = cur.fetchone()
        return _Row(row[0], row[1], bytes(row[2])) if row else None

    @staticmethod
    def _insert_partnership(cur, partnership_id: str, profile: str, seq: int, link: bytes) -> None:
        try:
            cur.execute("INSERT INTO ipart_partnership (id, profile, head_seq, head_link) "
                        "VALUES (%s, %s, %s, %s)", (partnership_id, profile, seq, link))
        except psycopg2.errors.UniqueViolation:
            raise DuplicatePartnershipError(partnership_id) from None

    @staticmethod
    def _insert_events(cur, partnership_id: str, rows: List[_Row], key: Optional[str]) -> None:
        values = []
        for row in rows:
            event = json.loads(row.event)
            values.append((partnership_id, row.seq, row.event, event["type"], event["date"],
                           event["actor"], row.link, key))
        psycopg2.extras.execute_values(
            cur, "INSERT INTO ipart_event (partnership_id, seq, event, event_type, event_date, "
                 "actor, link, idempotency_key) VALUES %s", values, page_size=1000)

    @staticmethod
    def _write_snapshot(cur, partnership_id: str, seq: int, link: bytes, document: str) -> None:
        cur.execute("INSERT INTO ipart_snapshot (partnership_id, seq, link, document) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (partnership_id) DO UPDATE SET "
                    "seq = EXCLUDED.seq, link = EXCLUDED.link, document = EXCLUDED.document, "
                    "written_at = now()", (partnership_id, seq, link, document))
