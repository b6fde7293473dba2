-- "Online now" as a running count, so that reading it costs the same at any
-- audience: `visitors` (and `bots` among them) counts the rows of visitors
-- whose last_seen is after swept_to - 300 s. A visit adjusts it for its own
-- row; a sweep moves swept_to on, taking away the rows it passes.
CREATE TABLE online (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    visitors INTEGER NOT NULL,
    bots     INTEGER NOT NULL,
    swept_to INTEGER NOT NULL
);
-- swept_to 0: every row counts until the first sweep.
INSERT INTO online (id, visitors, bots, swept_to)
SELECT 1, COUNT(*), COALESCE(SUM(is_bot), 0), 0 FROM visitors;
