-- Browsers seen: for "online now" and the one-hit-per-30-minutes rule.
CREATE TABLE visitors (
    visitor   TEXT PRIMARY KEY,
    is_bot    INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    last_hit  INTEGER NOT NULL
);
CREATE INDEX visitors_by_seen ON visitors(last_seen);
-- Visits per day (Vietnam time), kept for good.
CREATE TABLE daily_visits (
    day    TEXT PRIMARY KEY,
    visits INTEGER NOT NULL
);
-- Named numbers, e.g. visits counted before daily counts were kept.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
