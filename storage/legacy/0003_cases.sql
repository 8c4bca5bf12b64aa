-- Case presentations: submitted by participants, triaged by the program's hub team.
-- Clinical free text is checked for identifiers before it gets here, and removed after the
-- retention period once a case is closed or declined (purged_at); numbers, dates and states stay.

CREATE TABLE cases (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,   -- the case number people see
    program_id            INTEGER NOT NULL REFERENCES programs (id),
    submitter             TEXT NOT NULL,
    submission_key        TEXT NOT NULL UNIQUE,                -- the submitted modal: one case per submission
    summary               TEXT,
    question              TEXT,
    age_band              TEXT NOT NULL,
    sex                   TEXT NOT NULL,
    presenting_problem    TEXT,
    history               TEXT,
    medications           TEXT,
    labs                  TEXT,
    tried                 TEXT,
    urgency               TEXT NOT NULL CHECK (urgency IN ('routine', 'soon')),
    preferred_session_id  INTEGER REFERENCES sessions (id),
    session_id            INTEGER REFERENCES sessions (id),
    state                 TEXT NOT NULL CHECK (state IN ('submitted', 'in_review', 'needs_info', 'scheduled',
                              'presented', 'recommendations_sent', 'closed', 'declined')),
    owner                 TEXT,
    recommendations       TEXT,
    followup_outcome      TEXT,
    followup_note         TEXT,
    submitted_at          TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    closed_at             TEXT,
    purged_at             TEXT
);

CREATE INDEX cases_program_state ON cases (program_id, state, submitted_at);
CREATE INDEX cases_session ON cases (session_id);
CREATE INDEX cases_submitter ON cases (submitter);
CREATE INDEX cases_closed_at ON cases (closed_at) WHERE purged_at IS NULL;

-- Every change of a case: who, what, when, and the note that went with it (guarded like the case).
CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    from_state  TEXT,
    to_state    TEXT NOT NULL,
    note        TEXT,
    at          TEXT NOT NULL
);

CREATE INDEX case_events_case ON case_events (case_id);

ALTER TABLE programs ADD COLUMN followup_weeks INTEGER NOT NULL DEFAULT 4;
