//! The SQLite database: opening, migrations and the queries the API needs.

pub mod backup;
pub mod documents;
pub mod members;
pub mod nukeviet_side;
pub mod pages;
pub mod polls;
pub mod stats;
pub mod upkeep;

use std::path::Path;
use std::sync::{Arc, Mutex};

use ntm_types::{
    Article, ArticleLink, ArticleSummary, Category, Image, RatingState, RatingTotals, NEIGHBOURS,
};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::error::AppError;

/// One connection behind a mutex. SQLite serialises writes anyway, and every query
/// here takes well under a millisecond, so a pool would add nothing but code.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

/// Schema changes, applied in order by rusqlite_migration, which records in
/// `PRAGMA user_version` how many ran (as this code did before it, so old
/// databases carry on). Never edit one that has shipped: add the next file.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/0001_news.sql")),
        M::up(include_str!("../../migrations/0002_ratings.sql")),
        M::up(include_str!("../../migrations/0003_polls.sql")),
        M::up(include_str!("../../migrations/0004_visits.sql")),
        M::up(include_str!("../../migrations/0005_documents.sql")),
        M::up(include_str!(
            "../../migrations/0006_site_and_search_text.sql"
        )),
        M::up(include_str!("../../migrations/0007_members.sql")),
        M::up(include_str!("../../migrations/0008_nukeviet_ratings.sql")),
        M::up(include_str!("../../migrations/0009_nukeviet_votes.sql")),
        M::up(include_str!("../../migrations/0010_online_count.sql")),
        M::up(include_str!("../../migrations/0011_pages.sql")),
    ])
}

/// An article as the seed or a test inserts it. The body is sanitized on the way in.
#[derive(Clone, Debug, Default)]
pub struct NewArticle {
    pub slug: String,
    pub category_slug: String,
    pub title: String,
    pub lead: String,
    pub body_html: String,
    pub image: Option<Image>,
    pub author: String,
    pub source: String,
    pub tags: Vec<String>,
    pub views: u32,
    pub rating_enabled: bool,
    pub published_at: i64,
}

impl Db {
    /// Opens (creating if needed) and migrates the database file. Filling a
    /// new one is the caller's (`crate::seed::fill_if_empty`).
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let conn = Connection::open(path)?;
        // WAL lets readers go on while a write commits; the timeout rides out a
        // second process (a backup, the sqlite3 shell) holding the lock briefly.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::setup(conn)
    }

    /// A private in-memory database without demo content, for tests.
    pub fn open_empty_in_memory() -> rusqlite::Result<Db> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> rusqlite::Result<Db> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err,
            other => rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
                Some(other.to_string()),
            ),
        })?;
        fill_search_text(&conn)?;
        Ok(Db(Arc::new(Mutex::new(conn))))
    }

    /// Runs `f` with the connection on a blocking thread, off the async workers.
    pub async fn call<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, AppError> + Send + 'static,
    {
        let db = self.0.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|_| AppError::internal())?
    }

    /// The connection, for synchronous work at start-up and in tests.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut conn = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn)
    }

    /// True for a database that holds no content yet (a first start).
    pub fn is_empty(&self) -> rusqlite::Result<bool> {
        self.with(|c| c.query_row("SELECT COUNT(*) = 0 FROM categories", [], |r| r.get(0)))
    }

    pub fn insert_category(&self, c: &Category, position: i64) -> rusqlite::Result<()> {
        self.with(|conn| {
            conn.execute(
                "INSERT INTO categories (slug, name, description, position) VALUES (?1, ?2, ?3, ?4)",
                params![c.slug, c.name, c.description, position],
            )
            .map(drop)
        })
    }

    pub fn insert_article(&self, a: &NewArticle) -> rusqlite::Result<i64> {
        let body = crate::sanitize::clean_html(&a.body_html);
        let search_text = article_search_text(&a.title, &a.lead, &body);
        self.with(|conn| {
            let tx = conn.transaction()?;
            let category_id: i64 = tx.query_row(
                "SELECT id FROM categories WHERE slug = ?1",
                [&a.category_slug],
                |r| r.get(0),
            )?;
            let (src, alt, w, h) = match &a.image {
                Some(i) => (Some(i.src.as_str()), i.alt.as_str(), i.width, i.height),
                None => (None, "", 0, 0),
            };
            tx.execute(
                "INSERT INTO articles (slug, category_id, title, lead, body_html, image_src,
                   image_alt, image_width, image_height, author, source, views,
                   rating_enabled, published_at, search_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    a.slug,
                    category_id,
                    a.title,
                    a.lead,
                    body,
                    src,
                    alt,
                    w,
                    h,
                    a.author,
                    a.source,
                    a.views,
                    a.rating_enabled,
                    a.published_at,
                    search_text
                ],
            )?;
            let id = tx.last_insert_rowid();
            for (i, tag) in a.tags.iter().enumerate() {
                tx.execute(
                    "INSERT INTO article_tags (article_id, position, tag) VALUES (?1, ?2, ?3)",
                    params![id, i as i64, tag],
                )?;
            }
            tx.commit()?;
            Ok(id)
        })
    }
}

fn article_search_text(title: &str, lead: &str, body_html: &str) -> String {
    crate::text::fold(&format!(
        "{title} {lead} {}",
        crate::text::html_text(body_html)
    ))
}

/// Articles stored before search existed get their search text here, once.
fn fill_search_text(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt =
        conn.prepare("SELECT id, title, lead, body_html FROM articles WHERE search_text = ''")?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([], |r| {
            let (title, lead, body): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
            Ok((r.get(0)?, article_search_text(&title, &lead, &body)))
        })?
        .collect::<Result<_, _>>()?;
    for (id, text) in rows {
        conn.execute(
            "UPDATE articles SET search_text = ?2 WHERE id = ?1",
            params![id, text],
        )?;
    }
    Ok(())
}

/// The site's frame (menu, footer, blocks) as stored JSON, if any.
pub fn site(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT info FROM site WHERE id = 1", [], |r| r.get(0))
        .optional()
}

pub fn set_site(conn: &Connection, info: &ntm_types::SiteInfo) -> rusqlite::Result<()> {
    let json = serde_json::to_string(info).expect("SiteInfo serialises");
    conn.execute(
        "INSERT OR REPLACE INTO site (id, info) VALUES (1, ?1)",
        [json],
    )
    .map(drop)
}

/// Articles whose title, lead or body hold every word of `query`, diacritics
/// and case ignored; newest first.
pub fn search_articles(
    conn: &Connection,
    query: &str,
    limit: u32,
    offset: u32,
) -> rusqlite::Result<(Vec<ArticleSummary>, u32)> {
    let patterns = crate::text::like_patterns(query);
    if patterns.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let filter = (1..=patterns.len())
        .map(|i| format!("a.search_text LIKE ?{i} ESCAPE '\\'"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) FROM articles a WHERE {filter}"),
        rusqlite::params_from_iter(patterns.iter()),
        |r| r.get(0),
    )?;
    let sql = format!(
        "SELECT a.slug, a.title, a.published_at, a.lead,
                a.image_src, a.image_alt, a.image_width, a.image_height,
                c.slug, c.name, c.description
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {filter}
         ORDER BY a.published_at DESC, a.id DESC LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(patterns.iter()), summary_from)?
        .collect::<Result<_, _>>()?;
    Ok((items, total))
}

pub fn categories(conn: &Connection) -> rusqlite::Result<Vec<Category>> {
    let mut stmt = conn
        .prepare_cached("SELECT slug, name, description FROM categories ORDER BY position, id")?;
    let rows = stmt.query_map([], category_from)?;
    rows.collect()
}

pub fn category(conn: &Connection, slug: &str) -> rusqlite::Result<Option<(i64, Category)>> {
    conn.query_row(
        "SELECT slug, name, description, id FROM categories WHERE slug = ?1",
        [slug],
        |r| Ok((r.get(3)?, category_from(r)?)),
    )
    .optional()
}

fn category_from(r: &Row) -> rusqlite::Result<Category> {
    Ok(Category {
        slug: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
    })
}

fn image_from(r: &Row, first: usize) -> rusqlite::Result<Option<Image>> {
    let src: Option<String> = r.get(first)?;
    Ok(match src {
        Some(src) => Some(Image {
            src,
            alt: r.get(first + 1)?,
            width: r.get(first + 2)?,
            height: r.get(first + 3)?,
        }),
        None => None,
    })
}

/// Newest first; `category_id` narrows the list to one category.
pub fn article_summaries(
    conn: &Connection,
    category_id: Option<i64>,
    limit: u32,
    offset: u32,
) -> rusqlite::Result<(Vec<ArticleSummary>, u32)> {
    let total: u32 = conn.query_row(
        "SELECT COUNT(*) FROM articles WHERE ?1 IS NULL OR category_id = ?1",
        [category_id],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.slug, a.title, a.published_at, a.lead,
                a.image_src, a.image_alt, a.image_width, a.image_height,
                c.slug, c.name, c.description
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE ?1 IS NULL OR a.category_id = ?1
         ORDER BY a.published_at DESC, a.id DESC
         LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![category_id, limit, offset], summary_from)?;
    Ok((rows.collect::<Result<_, _>>()?, total))
}

/// Columns: slug, title, published_at, lead, image (4 columns), category (3 columns).
fn summary_from(r: &Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        slug: r.get(0)?,
        title: r.get(1)?,
        published_at: r.get(2)?,
        lead: r.get(3)?,
        image: image_from(r, 4)?,
        category: Category {
            slug: r.get(8)?,
            name: r.get(9)?,
            description: r.get(10)?,
        },
    })
}

/// The article with its neighbours; counts the view.
/// A database that cannot take writes (disk full, file read-only) still shows
/// the article, its view uncounted.
pub fn article(conn: &mut Connection, slug: &str) -> rusqlite::Result<Option<Article>> {
    let tx = conn.transaction()?;
    let updated = match tx.execute(
        "UPDATE articles SET views = MIN(views + 1, 4294967295) WHERE slug = ?1",
        [slug],
    ) {
        Err(e) if crate::error::cannot_write(&e) => {
            drop(tx);
            return article_uncounted(conn, slug);
        }
        counted => counted?,
    };
    if updated == 0 {
        return Ok(None);
    }
    let article = article_uncounted(&tx, slug)?;
    match tx.commit() {
        Err(e) if crate::error::cannot_write(&e) => article_uncounted(conn, slug),
        committed => committed.map(|()| article),
    }
}

/// The article with its neighbours, without counting a view: for the first
/// view the page carries, which the front end's request then counts.
pub fn article_uncounted(conn: &Connection, slug: &str) -> rusqlite::Result<Option<Article>> {
    let found = conn.query_row(
        "SELECT a.id, a.category_id, a.published_at, a.slug, a.title, a.lead, a.body_html,
                a.image_src, a.image_alt, a.image_width, a.image_height,
                a.author, a.source, a.views, a.rating_enabled, a.rating_total, a.rating_count,
                c.slug, c.name, c.description
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE a.slug = ?1",
        [slug],
        |r| {
            let published_at: i64 = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                published_at,
                Article {
                    slug: r.get(3)?,
                    title: r.get(4)?,
                    lead: r.get(5)?,
                    body_html: r.get(6)?,
                    image: image_from(r, 7)?,
                    author: r.get(11)?,
                    source: r.get(12)?,
                    views: r.get(13)?,
                    rating: RatingTotals {
                        enabled: r.get(14)?,
                        total: r.get(15)?,
                        count: r.get(16)?,
                    },
                    category: Category {
                        slug: r.get(17)?,
                        name: r.get(18)?,
                        description: r.get(19)?,
                    },
                    published_at,
                    tags: Vec::new(),
                    newer: Vec::new(),
                    older: Vec::new(),
                },
            ))
        },
    );
    let (id, category_id, published_at, mut article) = match found {
        Ok(found) => found,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(e),
    };
    {
        let mut tags = conn.prepare_cached(
            "SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY position",
        )?;
        article.tags = tags
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        article.newer = neighbours(conn, category_id, published_at, id, Direction::Newer)?;
        article.older = neighbours(conn, category_id, published_at, id, Direction::Older)?;
    }
    Ok(Some(article))
}

enum Direction {
    Newer,
    Older,
}

/// Up to [`NEIGHBOURS`] articles of the category published just after (or
/// before) the given one, nearest first. Ties on publish time are broken by id,
/// so every article has one place in the order.
fn neighbours(
    conn: &Connection,
    category_id: i64,
    published_at: i64,
    id: i64,
    direction: Direction,
) -> rusqlite::Result<Vec<ArticleLink>> {
    let (cmp, order) = match direction {
        Direction::Newer => (">", "ASC"),
        Direction::Older => ("<", "DESC"),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT slug, title, published_at FROM articles
         WHERE category_id = ?1 AND (published_at {cmp} ?2 OR (published_at = ?2 AND id {cmp} ?3))
         ORDER BY published_at {order}, id {order} LIMIT ?4"
    ))?;
    let rows = stmt.query_map(
        params![category_id, published_at, id, NEIGHBOURS],
        link_from,
    )?;
    rows.collect()
}

fn link_from(r: &Row) -> rusqlite::Result<ArticleLink> {
    Ok(ArticleLink {
        slug: r.get(0)?,
        title: r.get(1)?,
        published_at: r.get(2)?,
    })
}

/// The rating of `slug` as `visitor` sees it; `None` for an unknown article.
pub fn rating_state(
    conn: &Connection,
    slug: &str,
    visitor: Option<&str>,
) -> rusqlite::Result<Option<RatingState>> {
    conn.query_row(
        "SELECT a.rating_enabled, a.rating_total, a.rating_count,
                (SELECT points FROM ratings r WHERE r.article_id = a.id AND r.visitor = ?2)
         FROM articles a WHERE a.slug = ?1",
        params![slug, visitor],
        |r| {
            Ok(RatingState {
                enabled: r.get(0)?,
                total: r.get(1)?,
                count: r.get(2)?,
                mine: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Records `visitor`'s rating of article `id` in `table` (`ratings`, or the
/// NukeViet mode's side table), unless they have rated it or `ip` has reached
/// its cap for the last 24 hours: then the outcome that refuses it.
#[allow(clippy::too_many_arguments)]
pub fn record_rating(
    conn: &Connection,
    table: &str,
    id: i64,
    visitor: &str,
    ip: &str,
    points: u8,
    now: i64,
    per_ip_per_day: u32,
) -> rusqlite::Result<Option<RateOutcome>> {
    let rated: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE article_id = ?1 AND visitor = ?2)"),
        params![id, visitor],
        |r| r.get(0),
    )?;
    if rated {
        return Ok(Some(RateOutcome::AlreadyRated));
    }
    let from_ip: u32 = conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM {table} WHERE article_id = ?1 AND ip = ?2 AND created_at > ?3"
        ),
        params![id, ip, now - 86_400],
        |r| r.get(0),
    )?;
    if from_ip >= per_ip_per_day {
        return Ok(Some(RateOutcome::IpLimit));
    }
    conn.execute(
        &format!("INSERT INTO {table} (article_id, visitor, ip, points, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"),
        params![id, visitor, ip, points, now],
    )?;
    Ok(None)
}

/// What became of a rating.
#[derive(Debug, PartialEq)]
pub enum RateOutcome {
    Rated(RatingState),
    NotFound,
    Disabled,
    AlreadyRated,
    /// `ip` gave this article as many ratings as it may in the last 24 hours.
    IpLimit,
}

/// Records `points` from `visitor` at `ip`, all in one transaction: the checks,
/// the rating row and the article's totals cannot disagree, however many
/// visitors rate at once.
pub fn rate(
    conn: &mut Connection,
    slug: &str,
    visitor: &str,
    ip: &str,
    points: u8,
    now: i64,
    per_ip_per_day: u32,
) -> rusqlite::Result<RateOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: Option<(i64, bool)> = tx
        .query_row(
            "SELECT id, rating_enabled FROM articles WHERE slug = ?1",
            [slug],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((id, enabled)) = found else {
        return Ok(RateOutcome::NotFound);
    };
    if !enabled {
        return Ok(RateOutcome::Disabled);
    }
    if let Some(refused) =
        record_rating(&tx, "ratings", id, visitor, ip, points, now, per_ip_per_day)?
    {
        return Ok(refused);
    }
    tx.execute(
        "UPDATE articles SET rating_total = MIN(rating_total + ?2, 4294967295),
                                rating_count = MIN(rating_count + 1, 4294967295)
         WHERE id = ?1",
        params![id, points],
    )?;
    let state = rating_state(&tx, slug, Some(visitor))?.expect("the article exists");
    tx.commit()?;
    Ok(RateOutcome::Rated(state))
}
