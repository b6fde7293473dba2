//! The news module read as NukeViet shows it: categories that are on, and
//! articles that are published (`status` 1), due (`publtime` passed) and not
//! expired (`exptime` 0 or ahead). A category's list reads NukeViet's copy of
//! the articles listed in it (`_<catid>`), with the indexes NukeViet made for
//! it; an article reads `_rows` and `_detail`. A page of a list takes three
//! queries and an article five, however many items they hold.

use std::collections::HashMap;

use mysql::prelude::Queryable;
use mysql::{PooledConn, Row};
use ntm_types::{
    Article, ArticleLink, ArticleSummary, Category, Image, RatingTotals, Timestamp, NEIGHBOURS,
};

use super::schema::Tables;
use super::{for_everyone, get, page, word_in, Site};
use crate::sanitize::clean_html;
use crate::text::{decode_entities, html_text};

impl Site {
    /// See [`categories`].
    pub fn categories(&self) -> mysql::Result<Vec<(u32, Category)>> {
        categories(&mut self.conn()?, self.tables())
    }

    /// See [`article_page`].
    pub fn article_page(
        &self,
        category: Option<&str>,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> mysql::Result<Option<ArticleList>> {
        article_page(
            &mut self.conn()?,
            self.tables(),
            category,
            limit,
            offset,
            now,
        )
    }

    /// See [`rating_target`].
    pub fn rating_target(&self, slug: &str, now: Timestamp) -> mysql::Result<Option<RatingTarget>> {
        rating_target(&mut self.conn()?, self.tables(), slug, now)
    }

    /// See [`add_rating`].
    pub fn add_rating(&self, target: &RatingTarget, points: u8) -> mysql::Result<RatingTotals> {
        add_rating(&mut self.conn()?, self.tables(), target, points)
    }

    /// See [`search`].
    pub fn search(
        &self,
        text: &str,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> mysql::Result<(Vec<ArticleSummary>, u32)> {
        search(&mut self.conn()?, self.tables(), text, limit, offset, now)
    }

    /// See [`article`].
    pub fn article(
        &self,
        slug: &str,
        now: Timestamp,
        counted: bool,
    ) -> mysql::Result<Option<Article>> {
        article(&mut self.conn()?, self.tables(), slug, now, counted)
    }
}

/// Which articles readers see at `now` (two `?` for `now`).
const VISIBLE: &str = "status = 1 AND publtime <= ? AND (exptime = 0 OR exptime > ?)";

/// Plain text of a NukeViet text field: tags (its `<br />`) dropped,
/// references decoded, spaces single.
pub(super) fn plain(s: &str) -> String {
    html_text(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An article's slug: its alias and id, as NukeViet's own links end
/// (`…/<alias>-<id>.html`), so an alias two articles share stays apart.
fn article_slug(alias: &str, id: u32) -> String {
    format!("{alias}-{id}")
}

/// The id and alias a slug names, if it is one.
fn parse_slug(slug: &str) -> Option<(&str, u32)> {
    let (alias, id) = slug.rsplit_once('-')?;
    if alias.is_empty() || id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((alias, id.parse().ok()?))
}

/// The categories readers see (status 1, or 2: on but not on the module's
/// home page), in the site's order, with their ids.
pub fn categories(conn: &mut PooledConn, tables: &Tables) -> mysql::Result<Vec<(u32, Category)>> {
    conn.query_map(
        format!(
            "SELECT catid, title, alias, description FROM {} \
             WHERE status IN (1, 2) AND {} ORDER BY sort, catid",
            tables.news("cat"),
            for_everyone("groups_view")
        ),
        |(id, title, alias, description): (u32, String, String, Option<String>)| {
            (
                id,
                Category {
                    slug: alias,
                    name: decode_entities(&title),
                    description: plain(&description.unwrap_or_default()),
                },
            )
        },
    )
}

/// A photo: `file` where NukeViet's `thumb` kind says it is (1: a thumbnail
/// under `assets/` beside the upload, 2: the upload only, 3: an address
/// elsewhere). NukeViet keeps no sizes: 0 until the contract makes them
/// optional.
fn image(tables: &Tables, file: &str, alt: &str, thumb: i32, small: bool) -> Option<Image> {
    let file = decode_entities(file);
    if file.is_empty() {
        return None;
    }
    let upload = &tables.news_upload;
    let src = match thumb {
        1 if small => format!("/assets/{upload}/{file}"),
        1 | 2 => format!("/uploads/{upload}/{file}"),
        3 => file,
        _ => return None,
    };
    Some(Image {
        src,
        alt: decode_entities(alt),
        width: 0,
        height: 0,
    })
}

/// A page of a news list: its articles, the number of all, and the category
/// listed when one was asked for.
pub type ArticleList = (Vec<ArticleSummary>, u32, Option<Category>);

/// A page of the newest articles readers see, of the category named by its
/// slug when given (those listed in it, as NukeViet lists them); `None` when
/// readers see no such category.
pub fn article_page(
    conn: &mut PooledConn,
    tables: &Tables,
    category: Option<&str>,
    limit: u32,
    offset: u32,
    now: Timestamp,
) -> mysql::Result<Option<ArticleList>> {
    let shown: HashMap<u32, Category> = categories(conn, tables)?.into_iter().collect();
    let category = match category {
        None => None,
        Some(slug) => match shown.iter().find(|(_, c)| c.slug == slug) {
            Some((id, c)) => Some((*id, c.clone())),
            None => return Ok(None),
        },
    };
    if shown.is_empty() {
        return Ok(Some((Vec::new(), 0, None)));
    }
    // Articles whose own category is off stay out of every list.
    let mut ids: Vec<u32> = shown.keys().copied().collect();
    ids.sort_unstable();
    let ids = ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
    let table = match &category {
        Some((catid, _)) => tables.news_in_category(*catid),
        None => tables.news("rows"),
    };
    let filter = format!("{VISIBLE} AND catid IN ({ids})");
    let total: u32 = conn
        .exec_first(
            format!("SELECT COUNT(*) FROM {table} WHERE {filter}"),
            (now, now),
        )?
        .unwrap_or(0);
    let rows: Vec<Row> = conn.exec(
        format!(
            "SELECT id, catid, title, alias, hometext, homeimgfile, homeimgalt, homeimgthumb, publtime \
             FROM {table} WHERE {filter} ORDER BY publtime DESC, id DESC LIMIT ? OFFSET ?"
        ),
        (now, now, limit, offset),
    )?;
    Ok(Some((
        summaries(tables, &shown, rows)?,
        total,
        category.map(|(_, c)| c),
    )))
}

/// List lines of `rows` (id, catid, title, alias, hometext, homeimgfile,
/// homeimgalt, homeimgthumb, publtime) in categories readers see.
fn summaries(
    tables: &Tables,
    shown: &HashMap<u32, Category>,
    rows: Vec<Row>,
) -> mysql::Result<Vec<ArticleSummary>> {
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let catid: u32 = get(&row, 1)?;
        let Some(category) = shown.get(&catid) else {
            continue;
        };
        let (file, alt): (String, String) = (get(&row, 5)?, get(&row, 6)?);
        items.push(ArticleSummary {
            slug: article_slug(&get::<String>(&row, 3)?, get(&row, 0)?),
            title: decode_entities(&get::<String>(&row, 2)?),
            category: category.clone(),
            published_at: get(&row, 8)?,
            lead: plain(&get::<String>(&row, 4)?),
            image: image(tables, &file, &alt, get(&row, 7)?, true),
        });
    }
    Ok(items)
}

/// A page of the articles readers see whose title, lead or body holds every
/// word of `text`, newest first, with the number of all: each word matched
/// in the forms NukeViet stores text in (references for `/`, `:`, quotes,
/// brackets…).
pub fn search(
    conn: &mut PooledConn,
    tables: &Tables,
    text: &str,
    limit: u32,
    offset: u32,
    now: Timestamp,
) -> mysql::Result<(Vec<ArticleSummary>, u32)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let shown: HashMap<u32, Category> = categories(conn, tables)?.into_iter().collect();
    if words.is_empty() || shown.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let mut ids: Vec<u32> = shown.keys().copied().collect();
    ids.sort_unstable();
    let ids = ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
    let columns = ["r.title", "r.hometext", "d.bodyhtml"];
    let mut filter = vec![
        "r.status = 1 AND r.publtime <= ? AND (r.exptime = 0 OR r.exptime > ?)".to_owned(),
        format!("r.catid IN ({ids})"),
    ];
    let mut params: Vec<mysql::Value> = vec![now.into(), now.into()];
    for word in &words {
        filter.push(word_in(word, &columns, &mut params));
    }
    let from = format!(
        "FROM {} r LEFT JOIN {} d ON d.id = r.id WHERE {}",
        tables.news("rows"),
        tables.news("detail"),
        filter.join(" AND ")
    );
    let (rows, total) = page(
        conn,
        "r.id, r.catid, r.title, r.alias, r.hometext, r.homeimgfile, r.homeimgalt, \
         r.homeimgthumb, r.publtime",
        &from,
        "r.publtime DESC, r.id DESC",
        params,
        limit,
        offset,
    )?;
    Ok((summaries(tables, &shown, rows)?, total))
}

/// An article readers see, by its slug, with its tags and its neighbours in
/// its category; `None` for any other slug. A reader's visit (`counted`)
/// counts a view where NukeViet counts it.
pub fn article(
    conn: &mut PooledConn,
    tables: &Tables,
    slug: &str,
    now: Timestamp,
    counted: bool,
) -> mysql::Result<Option<Article>> {
    let Some((alias, id)) = parse_slug(slug) else {
        return Ok(None);
    };
    let row: Option<Row> = conn.exec_first(
        format!(
            "SELECT r.catid, r.title, r.alias, r.hometext, r.homeimgfile, r.homeimgalt, \
                    r.homeimgthumb, r.publtime, r.author, r.allowed_rating, r.hitstotal, \
                    r.total_rating, r.click_rating, d.bodyhtml, d.sourcetext, s.title, r.listcatid \
             FROM {rows} r LEFT JOIN {detail} d ON d.id = r.id \
             LEFT JOIN {sources} s ON r.sourceid > 0 AND s.sourceid = r.sourceid \
             WHERE r.id = ? AND {VISIBLE}",
            rows = tables.news("rows"),
            detail = tables.news("detail"),
            sources = tables.news("sources"),
        ),
        (id, now, now),
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    if get::<String>(&row, 2)? != alias {
        return Ok(None);
    }
    let catid: u32 = get(&row, 0)?;
    let Some((_, category)) = categories(conn, tables)?
        .into_iter()
        .find(|(c, _)| *c == catid)
    else {
        return Ok(None);
    };
    let published_at: Timestamp = get(&row, 7)?;
    let views: u32 = if counted {
        count_view(conn, tables, id, &get::<String>(&row, 16)?)?
    } else {
        get(&row, 10)?
    };
    let tags: Vec<String> = conn.exec_map(
        format!(
            "SELECT keyword FROM {} WHERE id = ? ORDER BY tid",
            tables.news("tags_id")
        ),
        (id,),
        |keyword: String| decode_entities(&keyword),
    )?;
    let (newer, older) = neighbours(conn, tables, catid, id, published_at, now)?;
    let source = match get::<Option<String>>(&row, 15)? {
        Some(name) => name,
        None => get::<Option<String>>(&row, 14)?.unwrap_or_default(),
    };
    let (file, alt): (String, String) = (get(&row, 4)?, get(&row, 5)?);
    Ok(Some(Article {
        slug: slug.to_owned(),
        title: decode_entities(&get::<String>(&row, 1)?),
        category,
        published_at,
        lead: plain(&get::<String>(&row, 3)?),
        image: image(tables, &file, &alt, get(&row, 6)?, false),
        body_html: clean_html(&get::<Option<String>>(&row, 13)?.unwrap_or_default()),
        author: decode_entities(&get::<String>(&row, 8)?),
        source: decode_entities(&source),
        tags,
        views,
        rating: totals(get(&row, 9)?, get(&row, 11)?, get(&row, 12)?),
        newer,
        older,
    }))
}

/// An article readers see, as a rating needs it.
pub struct RatingTarget {
    pub id: u32,
    /// The categories it is listed in (`listcatid`): their copies count too.
    listcatid: String,
    pub totals: RatingTotals,
}

/// The article a slug names, if readers see it, with its rating totals.
pub fn rating_target(
    conn: &mut PooledConn,
    tables: &Tables,
    slug: &str,
    now: Timestamp,
) -> mysql::Result<Option<RatingTarget>> {
    let Some((alias, id)) = parse_slug(slug) else {
        return Ok(None);
    };
    let row: Option<(String, String, u8, i64, i64)> = conn.exec_first(
        format!(
            "SELECT alias, listcatid, allowed_rating, total_rating, click_rating FROM {} \
             WHERE id = ? AND {VISIBLE}",
            tables.news("rows")
        ),
        (id, now, now),
    )?;
    Ok(row
        .filter(|(stored, ..)| stored == alias)
        .map(|(_, listcatid, allowed, total, count)| RatingTarget {
            id,
            listcatid,
            totals: totals(allowed, total, count),
        }))
}

fn totals(allowed: u8, total: i64, count: i64) -> RatingTotals {
    let clamp = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    RatingTotals {
        enabled: allowed == 1,
        total: clamp(total),
        count: clamp(count),
    }
}

/// Adds a rating of `points` where NukeViet adds it: the row's
/// `total_rating` and `click_rating`, then each copy's. The totals after.
pub fn add_rating(
    conn: &mut PooledConn,
    tables: &Tables,
    target: &RatingTarget,
    points: u8,
) -> mysql::Result<RatingTotals> {
    let add = |table: String| {
        format!(
            "UPDATE {table} SET total_rating = total_rating + ?, click_rating = click_rating + 1 WHERE id = ?"
        )
    };
    conn.exec_drop(add(tables.news("rows")), (points, target.id))?;
    for catid in categories_listed(&target.listcatid) {
        conn.exec_drop(add(tables.news_in_category(catid)), (points, target.id))?;
    }
    let row: Option<(u8, i64, i64)> = conn.exec_first(
        format!(
            "SELECT allowed_rating, total_rating, click_rating FROM {} WHERE id = ?",
            tables.news("rows")
        ),
        (target.id,),
    )?;
    Ok(row.map_or(target.totals.clone(), |(a, t, c)| totals(a, t, c)))
}

/// The category ids of a `listcatid`.
fn categories_listed(listcatid: &str) -> impl Iterator<Item = u32> + '_ {
    listcatid.split(',').filter_map(|c| c.trim().parse().ok())
}

/// Counts a view of article `id` as NukeViet does: in `_rows`, then in the
/// copy of each category it is listed in (`listcatid`). MyISAM has no
/// transactions, so a failure between the two leaves them apart by one, as
/// NukeViet's own counting would; a counter at its column's limit stays
/// there. The count after.
fn count_view(
    conn: &mut PooledConn,
    tables: &Tables,
    id: u32,
    listcatid: &str,
) -> mysql::Result<u32> {
    // `hitstotal` is a MEDIUMINT UNSIGNED in NukeViet 4.5: past its limit
    // MySQL's strict mode refuses the whole update.
    const LIMIT: u32 = 16_777_215;
    let add_one = |table: String| {
        format!("UPDATE {table} SET hitstotal = hitstotal + 1 WHERE id = ? AND hitstotal < ?")
    };
    conn.exec_drop(add_one(tables.news("rows")), (id, LIMIT))?;
    for catid in categories_listed(listcatid) {
        conn.exec_drop(add_one(tables.news_in_category(catid)), (id, LIMIT))?;
    }
    Ok(conn
        .exec_first(
            format!("SELECT hitstotal FROM {} WHERE id = ?", tables.news("rows")),
            (id,),
        )?
        .unwrap_or(0))
}

/// The articles readers see just after and just before article `id` in the
/// copy of category `catid`: newer oldest first, older newest first.
fn neighbours(
    conn: &mut PooledConn,
    tables: &Tables,
    catid: u32,
    id: u32,
    published_at: Timestamp,
    now: Timestamp,
) -> mysql::Result<(Vec<ArticleLink>, Vec<ArticleLink>)> {
    let table = tables.news_in_category(catid);
    let mut side = |after: bool| -> mysql::Result<Vec<ArticleLink>> {
        let (compare, order) = if after { (">", "ASC") } else { ("<", "DESC") };
        conn.exec_map(
            format!(
                "SELECT id, title, alias, publtime FROM {table} \
                 WHERE {VISIBLE} AND (publtime {compare} ? OR (publtime = ? AND id {compare} ?)) \
                 ORDER BY publtime {order}, id {order} LIMIT ?"
            ),
            (now, now, published_at, published_at, id, NEIGHBOURS),
            |(id, title, alias, published_at): (u32, String, String, Timestamp)| ArticleLink {
                slug: article_slug(&alias, id),
                title: decode_entities(&title),
                published_at,
            },
        )
    };
    Ok((side(true)?, side(false)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_name_an_alias_and_an_id() {
        assert_eq!(
            parse_slug("ha-tinh-so-ket-12"),
            Some(("ha-tinh-so-ket", 12))
        );
        assert_eq!(article_slug("ha-tinh-so-ket", 12), "ha-tinh-so-ket-12");
        for bad in [
            "12",
            "-12",
            "abc",
            "abc-",
            "abc-1x",
            "abc-+1",
            "abc-99999999999",
        ] {
            assert_eq!(parse_slug(bad), None, "{bad}");
        }
    }
}
