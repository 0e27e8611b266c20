-- The reference platform store of libipart on PostgreSQL (doc/platform-store.md).
--
-- A partnership is its event log: one row per event, in sequence, each
-- holding the canonical event text the library wrote (one line of the
-- canonical document) and a link of a SHA-256 hash chain:
--
--   link(0) = SHA-256(UTF-8 bytes of the partnership id)
--   link(n) = SHA-256(link(n-1) || UTF-8 bytes of event n)        (32 + len bytes)
--
-- ipart_partnership.head_seq/head_link name the last event; an append
-- moves them from the sequence it expects to the next one in the same
-- transaction as it inserts the event, so two writers that expect the same
-- sequence cannot both succeed (optimistic concurrency). The snapshot is
-- the canonical document after `seq` events, for loads that read one row.
--
-- Any language can use these tables: Python (examples/platform/ipart_store.py),
-- Java or C, as long as it writes the same texts and links.
--
-- SPDX-License-Identifier: Apache-2.0

CREATE TABLE IF NOT EXISTS ipart_partnership (
    id          text        PRIMARY KEY,
    profile     text        NOT NULL,                 -- "NO", "SE", "DK", "EU"
    head_seq    bigint      NOT NULL DEFAULT 0 CHECK (head_seq >= 0),  -- events in the log
    head_link   bytea       NOT NULL CHECK (length(head_link) = 32),   -- link(head_seq)
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS ipart_event (
    partnership_id  text        NOT NULL REFERENCES ipart_partnership (id),
    seq             bigint      NOT NULL CHECK (seq >= 1),      -- 1, 2, 3... without gaps
    event           text        NOT NULL,                       -- canonical event JSON, one line
    event_type      text        NOT NULL,                       -- copies of the event's "type",
    event_date      date        NOT NULL,                       -- "date" and "actor", for queries
    actor           text        NOT NULL,
    link            bytea       NOT NULL CHECK (length(link) = 32),  -- link(seq)
    idempotency_key text,                                       -- the request's, if it sent one
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partnership_id, seq),
    UNIQUE (partnership_id, idempotency_key)
);

CREATE TABLE IF NOT EXISTS ipart_snapshot (
    partnership_id  text        PRIMARY KEY REFERENCES ipart_partnership (id),
    seq             bigint      NOT NULL CHECK (seq >= 1),      -- events the document holds
    link            bytea       NOT NULL CHECK (length(link) = 32),  -- link(seq)
    document        text        NOT NULL,                       -- canonical document
    written_at      timestamptz NOT NULL DEFAULT now()
);
