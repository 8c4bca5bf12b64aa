-- Foundation: providers, coordinators, the outbox, inbound event ids, the audit log.
-- Times are UTC text in the fixed format of storage/codec.py, so text order is time order.

CREATE TABLE providers (
    user_id         TEXT PRIMARY KEY,            -- Slack user id
    name            TEXT NOT NULL,
    credential      TEXT NOT NULL,
    discipline      TEXT NOT NULL,
    organization    TEXT NOT NULL,
    state           TEXT NOT NULL,               -- two-letter US state or territory
    county          TEXT NOT NULL,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('participant', 'observer')),
    npi             TEXT CHECK (npi IS NULL OR length(npi) = 10),
    licence_number  TEXT,
    licence_consent INTEGER NOT NULL DEFAULT 0,
    birth_month     INTEGER CHECK (birth_month IS NULL OR birth_month BETWEEN 1 AND 12),
    birth_day       INTEGER CHECK (birth_day IS NULL OR birth_day BETWEEN 1 AND 31),
    birth_consent   INTEGER NOT NULL DEFAULT 0,
    registered_at   TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (licence_number IS NULL OR licence_consent = 1),
    CHECK ((birth_month IS NULL) = (birth_day IS NULL)),
    CHECK (birth_month IS NULL OR birth_consent = 1)
);

CREATE INDEX providers_registered_at ON providers (registered_at);

-- Coordinators added in Slack; those named in ECHOBOT_ADMINS are coordinators without a row.
CREATE TABLE coordinators (
    user_id   TEXT PRIMARY KEY,
    added_by  TEXT NOT NULL,
    added_at  TEXT NOT NULL
);

-- The one outbound path. Every message that is not the immediate answer to a request is a row
-- here, written in the same transaction as the change that causes it.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,          -- idempotency key, e.g. 'session:12:remind:1h'
    kind          TEXT NOT NULL CHECK (kind IN ('post', 'update', 'delete', 'job')),
    target        TEXT NOT NULL,                 -- channel id, or user id for a direct message
    parent_key    TEXT,                          -- post: thread under it; update/delete: the message
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

CREATE INDEX outbox_pending_due ON outbox (due_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_lane ON outbox (target, due_at, id) WHERE state IN ('pending', 'sending');

-- Events API deliveries already handled (Slack retries carry the same event_id).
CREATE TABLE inbound_events (
    event_id     TEXT PRIMARY KEY,
    received_at  TEXT NOT NULL
);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,                      -- Slack user id, or 'system'
    action   TEXT NOT NULL,                      -- e.g. 'coordinator.add'
    subject  TEXT,                               -- what it acted on
    detail   TEXT                                -- JSON, never clinical free text
);

CREATE INDEX audit_log_at ON audit_log (at);
