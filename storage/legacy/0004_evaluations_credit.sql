-- Post-session evaluations and the continuing-education credit they earn.

CREATE TABLE evaluations (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions (id),
    user_id           TEXT NOT NULL,
    overall           INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    relevance         INTEGER NOT NULL CHECK (relevance BETWEEN 1 AND 5),
    objectives_met    TEXT NOT NULL CHECK (objectives_met IN ('yes', 'partly', 'no')),
    intent_to_change  TEXT NOT NULL CHECK (intent_to_change IN ('yes', 'no', 'unsure')),
    change_plan       TEXT,
    bias_free         INTEGER NOT NULL,
    bias_comment      TEXT,
    suggestions       TEXT,
    submitted_at      TEXT NOT NULL,
    UNIQUE (session_id, user_id)
);

CREATE TABLE credits (
    id                INTEGER PRIMARY KEY,
    evaluation_id     INTEGER NOT NULL UNIQUE REFERENCES evaluations (id),
    session_id        INTEGER NOT NULL REFERENCES sessions (id),
    user_id           TEXT NOT NULL,
    credit_type       TEXT NOT NULL,
    quarters          INTEGER NOT NULL CHECK (quarters > 0),   -- hours x 4
    without_check_in  INTEGER NOT NULL,                        -- attested without a recorded check-in
    awarded_at        TEXT NOT NULL,
    UNIQUE (session_id, user_id)
);

CREATE INDEX credits_user ON credits (user_id, awarded_at);

-- Coordinators' changes to which credit a credential earns (the defaults live in the code).
CREATE TABLE credit_types (
    credential   TEXT PRIMARY KEY,
    credit_type  TEXT NOT NULL
);

ALTER TABLE programs ADD COLUMN anonymous_ratings INTEGER NOT NULL DEFAULT 0;
