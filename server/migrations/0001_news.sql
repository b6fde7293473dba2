CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    category_id    INTEGER NOT NULL REFERENCES categories(id),
    title          TEXT NOT NULL,
    lead           TEXT NOT NULL DEFAULT '',
    body_html      TEXT NOT NULL DEFAULT '',
    image_src      TEXT,
    image_alt      TEXT NOT NULL DEFAULT '',
    image_width    INTEGER NOT NULL DEFAULT 0,
    image_height   INTEGER NOT NULL DEFAULT 0,
    author         TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    views          INTEGER NOT NULL DEFAULT 0,
    rating_enabled INTEGER NOT NULL DEFAULT 1,
    rating_total   INTEGER NOT NULL DEFAULT 0,
    rating_count   INTEGER NOT NULL DEFAULT 0,
    published_at   INTEGER NOT NULL
);
CREATE INDEX articles_by_category ON articles(category_id, published_at);
CREATE INDEX articles_by_time ON articles(published_at);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
