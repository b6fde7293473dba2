-- The NukeViet mode's side store: who voted what in a NukeViet site's polls,
-- for one vote per visitor (or member), their choices shown back, and the
-- per-address cap (NukeViet keeps those in marker files and in its own list
-- of members who voted, which is written too). The counts live in NukeViet's
-- own tables.
CREATE TABLE nukeviet_votes (
    poll_id    INTEGER NOT NULL, -- NukeViet's vid
    voter      TEXT NOT NULL,    -- a visitor id, or m:<member id>
    ip         TEXT NOT NULL,
    choices    TEXT NOT NULL,    -- answer ids, ascending, comma-separated
    created_at INTEGER NOT NULL,
    PRIMARY KEY (poll_id, voter)
);
CREATE INDEX nukeviet_votes_by_ip ON nukeviet_votes(poll_id, ip, created_at);
