-- Weekly digests: the outbox learns to upload files (the digest's chart), and the digest's
-- queries get the indexes they need.

-- SQLite cannot change a CHECK constraint in place: rebuild the outbox with 'upload' allowed.
CREATE TABLE outbox_new (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,          -- idempotency key, e.g. 'session:12:remind:1h'
    kind          TEXT NOT NULL CHECK (kind IN ('post', 'update', 'delete', 'job', 'upload')),
    target        TEXT NOT NULL,                 -- channel id, or user id for a direct message
    parent_key    TEXT,                          -- post: thread under it; update/delete: the message;
                                                 -- upload: the message it goes beside
    payload       TEXT NOT NULL,                 -- JSON: a message, or a render spec {render, args}
    due_at        TEXT NOT NULL,
    stale_at      TEXT,                          -- skipped, not sent, when claimed after this
    not_before    TEXT,                          -- retry back-off after a failed attempt
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    slack_channel TEXT,
    slack_ts      TEXT,
    created_at    TEXT NOT NULL,
    sent_at       TEXT
);

INSERT INTO outbox_new SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_pending_due ON outbox (due_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_lane ON outbox (target, due_at, id) WHERE state IN ('pending', 'sending');

-- "Recommendations sent / follow-ups answered this week" per program.
CREATE INDEX case_events_action_at ON case_events (action, at);
-- "The last sessions that ended" per program.
CREATE INDEX sessions_program_status ON sessions (program_id, status, starts_at);
