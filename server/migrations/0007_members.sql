-- Readers who registered. The e-mail is stored trimmed and in lower case, so
-- the unique index compares without regard to case.
CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
-- Signed-in browsers. Only a SHA-256 of the cookie's token is kept, so a copy
-- of the database signs no one in.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_by_seen ON sessions(last_seen);
-- Failed sign-ins and registrations, counted for the rate limits.
CREATE TABLE auth_attempts (
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    at   INTEGER NOT NULL
);
CREATE INDEX auth_attempts_by_key ON auth_attempts(kind, key, at);
CREATE INDEX auth_attempts_by_time ON auth_attempts(at);
-- Polls only members may vote in, once per member: their vote is recorded
-- under the voter key `m:<member id>` and the member's id.
ALTER TABLE polls ADD COLUMN members_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE poll_voters ADD COLUMN member_id INTEGER REFERENCES members(id);
CREATE UNIQUE INDEX poll_voters_by_member ON poll_voters(poll_id, member_id)
    WHERE member_id IS NOT NULL;
