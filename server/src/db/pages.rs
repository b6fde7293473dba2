//! Pages that are not news (the office in English).

use ntm_types::{Page, PageLink};
use rusqlite::{params, Connection, OptionalExtension};

/// Adds `page` after the others; its body is cleaned on the way in.
pub fn insert(conn: &Connection, page: &Page) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO pages (slug, lang, title, description, body_html, position)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COUNT(*) FROM pages))",
        params![
            page.slug,
            page.lang,
            page.title,
            page.description,
            crate::sanitize::clean_html(&page.body_html)
        ],
    )
    .map(drop)
}

pub fn page(conn: &Connection, slug: &str) -> rusqlite::Result<Option<Page>> {
    conn.query_row(
        "SELECT slug, lang, title, description, body_html FROM pages WHERE slug = ?1",
        [slug],
        |r| {
            Ok(Page {
                slug: r.get(0)?,
                lang: r.get(1)?,
                title: r.get(2)?,
                description: r.get(3)?,
                body_html: r.get(4)?,
            })
        },
    )
    .optional()
}

/// Every page, as the footer links to them.
pub fn links(conn: &Connection) -> rusqlite::Result<Vec<PageLink>> {
    conn.prepare("SELECT slug, title, lang FROM pages ORDER BY position, slug")?
        .query_map([], |r| {
            Ok(PageLink {
                slug: r.get(0)?,
                title: r.get(1)?,
                lang: r.get(2)?,
            })
        })?
        .collect()
}
