CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    number       TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    summary      TEXT NOT NULL,
    issuing_body TEXT NOT NULL,
    signer       TEXT NOT NULL DEFAULT '',
    issued       TEXT NOT NULL,
    effective    TEXT,
    expires      TEXT,
    body         TEXT NOT NULL DEFAULT '',
    views        INTEGER NOT NULL DEFAULT 0,
    -- Number and summary without diacritics, lower case: what search matches.
    search_text  TEXT NOT NULL
);
CREATE INDEX documents_by_issued ON documents(issued);
CREATE TABLE document_areas (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    area        TEXT NOT NULL,
    PRIMARY KEY (document_id, area)
);
CREATE TABLE document_files (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    file_name   TEXT NOT NULL,
    title       TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    data        BLOB NOT NULL,
    downloads   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, file_name)
);
CREATE TABLE document_links (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    related_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, related_id)
);
