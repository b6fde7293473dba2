CREATE TABLE polls (
    id          INTEGER PRIMARY KEY,
    question    TEXT NOT NULL,
    max_choices INTEGER NOT NULL CHECK (max_choices >= 1),
    starts_at   INTEGER NOT NULL,
    ends_at     INTEGER,
    active      INTEGER NOT NULL DEFAULT 1,
    voters      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE poll_options (
    id       INTEGER PRIMARY KEY,
    poll_id  INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    votes    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_by_poll ON poll_options(poll_id, position);
-- One vote per visitor per poll: the primary key enforces it.
CREATE TABLE poll_voters (
    poll_id    INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
    visitor    TEXT NOT NULL,
    ip         TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, visitor)
);
CREATE INDEX poll_voters_by_ip ON poll_voters(poll_id, ip, created_at);
CREATE TABLE poll_choices (
    poll_id   INTEGER NOT NULL,
    visitor   TEXT NOT NULL,
    option_id INTEGER NOT NULL REFERENCES poll_options(id),
    PRIMARY KEY (poll_id, visitor, option_id),
    FOREIGN KEY (poll_id, visitor) REFERENCES poll_voters(poll_id, visitor) ON DELETE CASCADE
);
