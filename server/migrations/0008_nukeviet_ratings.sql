-- The NukeViet mode's side store: who rated which article of a NukeViet site,
-- for one rating per visitor and the per-address cap (NukeViet keeps that in
-- its PHP sessions). The totals live in NukeViet's own tables.
CREATE TABLE nukeviet_ratings (
    article_id INTEGER NOT NULL, -- NukeViet's news row id
    visitor    TEXT NOT NULL,
    ip         TEXT NOT NULL,
    points     INTEGER NOT NULL CHECK (points BETWEEN 1 AND 5),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, visitor)
);
CREATE INDEX nukeviet_ratings_by_ip ON nukeviet_ratings(article_id, ip, created_at);
