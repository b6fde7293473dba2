-- Pages that are not news (the office in English), linked from the footer
-- in `position` order. Bodies are stored cleaned.
CREATE TABLE pages (
    slug        TEXT PRIMARY KEY,
    lang        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    body_html   TEXT NOT NULL,
    position    INTEGER NOT NULL
);
