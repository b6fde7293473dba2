-- One rating per visitor per article: the primary key enforces it.
CREATE TABLE ratings (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    visitor    TEXT NOT NULL,
    ip         TEXT NOT NULL,
    points     INTEGER NOT NULL CHECK (points BETWEEN 1 AND 5),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, visitor)
);
CREATE INDEX ratings_by_ip ON ratings(article_id, ip, created_at);
