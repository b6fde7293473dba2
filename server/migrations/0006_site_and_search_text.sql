-- What the frame of every page shows (SiteInfo as JSON): one row.
CREATE TABLE site (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    info TEXT NOT NULL
);
-- Title, lead and body text without diacritics, lower case: what search
-- matches. Filled in by Rust (see `fill_search_text`).
ALTER TABLE articles ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
