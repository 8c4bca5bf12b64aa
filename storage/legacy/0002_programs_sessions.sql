-- Programs, their staff and members, sessions, attendance.

CREATE TABLE programs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT NOT NULL,
    channel_id         TEXT NOT NULL,              -- reminders and session posts
    review_channel_id  TEXT NOT NULL,              -- the hub's (private) case review channel
    timezone           TEXT NOT NULL,              -- IANA zone of the schedule's wall-clock time
    schedule_kind      TEXT NOT NULL CHECK (schedule_kind IN ('weekly', 'every_n_weeks', 'monthly', 'once')),
    interval_weeks     INTEGER NOT NULL DEFAULT 1,
    first_date         TEXT NOT NULL,              -- local date of the first session, YYYY-MM-DD
    start_time         TEXT NOT NULL,              -- local start time, HH:MM
    duration_minutes   INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 240),
    video_url          TEXT NOT NULL,
    reminder_offsets   TEXT NOT NULL,              -- JSON list of minutes before the start
    case_slots         INTEGER NOT NULL DEFAULT 2 CHECK (case_slots BETWEEN 0 AND 10),
    eval_window_days   INTEGER NOT NULL DEFAULT 14 CHECK (eval_window_days BETWEEN 1 AND 60),
    credit_quarters    INTEGER NOT NULL DEFAULT 4 CHECK (credit_quarters > 0),  -- credit hours x 4
    archived_at        TEXT,
    created_by         TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE UNIQUE INDEX programs_name ON programs (lower(name));

-- Specialists and program coordinators.
CREATE TABLE program_staff (
    program_id  INTEGER NOT NULL REFERENCES programs (id),
    user_id     TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('specialist', 'coordinator')),
    PRIMARY KEY (program_id, user_id, role)
);

CREATE INDEX program_staff_user ON program_staff (user_id);

-- Providers who joined a program.
CREATE TABLE program_members (
    program_id  INTEGER NOT NULL REFERENCES programs (id),
    user_id     TEXT NOT NULL REFERENCES providers (user_id),
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (program_id, user_id)
);

CREATE INDEX program_members_user ON program_members (user_id);

ALTER TABLE providers ADD COLUMN reminder_dms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sessions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: outbox keys name it
    program_id        INTEGER NOT NULL REFERENCES programs (id),
    occurrence        TEXT NOT NULL,                       -- local date of the schedule occurrence
    starts_at         TEXT NOT NULL,
    duration_minutes  INTEGER NOT NULL,
    topic             TEXT,
    presenter         TEXT,
    status            TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'ended')),
    cancel_reason     TEXT,
    moved             INTEGER NOT NULL DEFAULT 0,          -- a one-off time change: kept by re-planning
    attendance_code   TEXT,
    ended_at          TEXT,
    created_at        TEXT NOT NULL,
    UNIQUE (program_id, occurrence)
);

CREATE INDEX sessions_starts_at ON sessions (starts_at);

CREATE TABLE attendance (
    session_id     INTEGER NOT NULL REFERENCES sessions (id),
    user_id        TEXT NOT NULL,
    present        INTEGER NOT NULL DEFAULT 1,
    checked_in_at  TEXT,                                   -- NULL when a coordinator added them
    PRIMARY KEY (session_id, user_id)
);

CREATE INDEX attendance_user ON attendance (user_id);

-- Every change to attendance: check-ins and coordinators' additions and removals, with why.
CREATE TABLE attendance_changes (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES sessions (id),
    user_id     TEXT NOT NULL,
    change      TEXT NOT NULL CHECK (change IN ('check_in', 'add', 'remove')),
    actor       TEXT NOT NULL,
    reason      TEXT,
    at          TEXT NOT NULL
);

CREATE INDEX attendance_changes_session ON attendance_changes (session_id);
