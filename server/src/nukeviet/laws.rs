//! Issued documents from NukeViet's laws module (docs/nukeviet-schema-notes.md,
//! section 4): a document's type, issuing body, areas and signer are rows of
//! small lookup tables, read whole and matched here by their decoded names;
//! its days are Unix times of local midnights; its files a comma-separated
//! list of paths under `uploads/<module>/` or addresses on other sites.

use std::path::{Component, Path, PathBuf};

use mysql::prelude::Queryable;
use mysql::{PooledConn, Row};
use ntm_types::datetime::{day_key, parse_day, timestamp_vn};
use ntm_types::{Attachment, Document, DocumentFacets, DocumentSummary, Timestamp};

use super::schema::ModuleTables;
use super::{for_everyone, get, page, word_in, Site};
use crate::db::documents::Filter;
use crate::text::{decode_entities, html_paragraphs};

/// Which documents readers see, in a query that names the table `r`.
fn shown() -> String {
    format!("r.status = 1 AND {}", for_everyone("r.groups_view"))
}

/// Highest value of NukeViet's MEDIUMINT UNSIGNED counters.
const MEDIUMINT_MAX: u32 = 16_777_215;

/// Where an attachment's bytes are.
#[derive(Debug, PartialEq)]
pub enum FileSource {
    /// A file under the site's `uploads/`, with its media type.
    Local(PathBuf, String),
    /// An address on another site, as the editor gave it.
    Remote(String),
}

impl Site {
    /// See [`search`]; nothing when the site has no laws module.
    pub fn documents(
        &self,
        filter: &Filter,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> mysql::Result<(Vec<DocumentSummary>, u32)> {
        match &self.tables().laws {
            Some(laws) => search(&mut self.conn()?, laws, filter, limit, offset, now),
            None => Ok((Vec::new(), 0)),
        }
    }

    /// See [`facets`].
    pub fn document_facets(&self) -> mysql::Result<DocumentFacets> {
        match &self.tables().laws {
            Some(laws) => facets(&mut self.conn()?, laws),
            None => Ok(DocumentFacets::default()),
        }
    }

    /// See [`document`].
    pub fn document(
        &self,
        slug: &str,
        now: Timestamp,
        counted: bool,
    ) -> mysql::Result<Option<Document>> {
        match &self.tables().laws {
            Some(laws) => document(&mut self.conn()?, laws, self.root(), slug, now, counted),
            None => Ok(None),
        }
    }

    /// See [`file`].
    pub fn document_file(&self, slug: &str, name: &str) -> mysql::Result<Option<FileSource>> {
        match &self.tables().laws {
            Some(laws) => file(&mut self.conn()?, laws, self.root(), slug, name),
            None => Ok(None),
        }
    }
}

/// The start of the day (Vietnam time) that holds `now`: a document whose
/// expiry day is this one or later is in force.
fn start_of_day(now: Timestamp) -> Timestamp {
    const VN: i64 = 7 * 3600;
    (now + VN).div_euclid(86_400) * 86_400 - VN
}

/// The Unix time of the local midnight starting `YYYY-MM-DD`.
fn midnight(day: &str) -> Option<Timestamp> {
    let (y, m, d) = parse_day(day)?;
    Some(timestamp_vn(y.into(), m, d, 0, 0))
}

/// The decoded names of a lookup table's rows, in the site's order.
fn names(conn: &mut PooledConn, table: &str, order: &str) -> mysql::Result<Vec<(u32, String)>> {
    conn.query_map(
        format!("SELECT id, title FROM {table} ORDER BY {order}, id"),
        |(id, title): (u32, String)| (id, decode_entities(&title)),
    )
}

/// The name of row `id` of a lookup table.
fn name_of(names: &[(u32, String)], id: u32) -> String {
    names
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, n)| n.clone())
        .unwrap_or_default()
}

/// Ids of the rows named `name` (two rows may share one).
fn ids_named(names: &[(u32, String)], name: &str) -> String {
    let ids: Vec<String> = names
        .iter()
        .filter(|(_, n)| n == name)
        .map(|(id, _)| id.to_string())
        .collect();
    // No such name: `0` matches no row (ids start at 1).
    if ids.is_empty() {
        "0".to_owned()
    } else {
        ids.join(",")
    }
}

/// The lookup tables a summary names (a few dozen rows each).
struct Lookups {
    kinds: Vec<(u32, String)>,
    bodies: Vec<(u32, String)>,
}

impl Lookups {
    fn read(conn: &mut PooledConn, laws: &ModuleTables) -> mysql::Result<Lookups> {
        Ok(Lookups {
            kinds: names(conn, &laws.table("cat"), "weight")?,
            bodies: names(conn, &laws.table("subject"), "weight")?,
        })
    }
}

const SUMMARY_COLUMNS: &str = "r.id, r.alias, r.code, r.title, r.cid, r.sid, r.publtime, r.exptime";

fn summary(row: &Row, lookups: &Lookups, today: Timestamp) -> mysql::Result<DocumentSummary> {
    let exptime: i64 = get(row, 7)?;
    Ok(DocumentSummary {
        slug: get(row, 1)?,
        number: decode_entities(&get::<String>(row, 2)?),
        summary: decode_entities(&get::<String>(row, 3)?),
        kind: name_of(&lookups.kinds, get(row, 4)?),
        issuing_body: name_of(&lookups.bodies, get(row, 5)?),
        issued: day_key(get(row, 6)?),
        in_force: exptime == 0 || exptime >= today,
    })
}

/// A page of the documents readers see (status 1) that pass `filter`,
/// newest first, with the number of all.
pub fn search(
    conn: &mut PooledConn,
    laws: &ModuleTables,
    f: &Filter,
    limit: u32,
    offset: u32,
    now: Timestamp,
) -> mysql::Result<(Vec<DocumentSummary>, u32)> {
    let today = start_of_day(now);
    let lookups = Lookups::read(conn, laws)?;
    let mut clauses = vec![shown()];
    let mut params: Vec<mysql::Value> = Vec::new();
    for word in f.text.as_deref().unwrap_or_default().split_whitespace() {
        clauses.push(word_in(word, &["r.code", "r.title"], &mut params));
    }
    if let Some(kind) = &f.kind {
        clauses.push(format!("r.cid IN ({})", ids_named(&lookups.kinds, kind)));
    }
    if let Some(body) = &f.issuing_body {
        clauses.push(format!("r.sid IN ({})", ids_named(&lookups.bodies, body)));
    }
    if let Some(area) = &f.area {
        let areas = names(conn, &laws.table("area"), "sort")?;
        clauses.push(format!(
            "r.id IN (SELECT row_id FROM {} WHERE area_id IN ({}))",
            laws.table("row_area"),
            ids_named(&areas, area)
        ));
    }
    let mut issued_from = f.from.as_deref().and_then(midnight);
    // Before the next day's midnight.
    let mut issued_before = f.to.as_deref().and_then(midnight).map(|t| t + 86_400);
    if let Some(year) = f.year {
        let (start, end) = (
            timestamp_vn(year.into(), 1, 1, 0, 0),
            timestamp_vn(i64::from(year) + 1, 1, 1, 0, 0),
        );
        issued_from = Some(issued_from.map_or(start, |t| t.max(start)));
        issued_before = Some(issued_before.map_or(end, |t| t.min(end)));
    }
    if let Some(t) = issued_from {
        clauses.push("r.publtime >= ?".into());
        params.push(t.into());
    }
    if let Some(t) = issued_before {
        clauses.push("r.publtime < ?".into());
        params.push(t.into());
    }
    match f.in_force {
        Some(true) => clauses.push(format!("(r.exptime = 0 OR r.exptime >= {today})")),
        Some(false) => clauses.push(format!("(r.exptime <> 0 AND r.exptime < {today})")),
        None => {}
    }
    let from = format!(
        "FROM {} r WHERE {}",
        laws.table("row"),
        clauses.join(" AND ")
    );
    let (rows, total) = page(
        conn,
        SUMMARY_COLUMNS,
        &from,
        "r.publtime DESC, r.id DESC",
        params,
        limit,
        offset,
    )?;
    let items = rows
        .iter()
        .map(|row| summary(row, &lookups, today))
        .collect::<mysql::Result<_>>()?;
    Ok((items, total))
}

/// The types, issuing bodies and areas that readers' documents have, in the
/// site's order, and their years of issue, newest first.
pub fn facets(conn: &mut PooledConn, laws: &ModuleTables) -> mysql::Result<DocumentFacets> {
    let row = laws.table("row");
    let used = |conn: &mut PooledConn, table: &str, order: &str, used: String| {
        conn.query_map(
            format!("SELECT title FROM {table} WHERE id IN ({used}) ORDER BY {order}, id"),
            |title: String| decode_entities(&title),
        )
    };
    let mut facets = DocumentFacets {
        kinds: used(
            conn,
            &laws.table("cat"),
            "weight",
            format!("SELECT r.cid FROM {row} r WHERE {}", shown()),
        )?,
        issuing_bodies: used(
            conn,
            &laws.table("subject"),
            "weight",
            format!("SELECT r.sid FROM {row} r WHERE {}", shown()),
        )?,
        areas: used(
            conn,
            &laws.table("area"),
            "sort",
            format!(
                "SELECT x.area_id FROM {} x JOIN {row} r ON r.id = x.row_id WHERE {}",
                laws.table("row_area"),
                shown()
            ),
        )?,
        // Years in Vietnam time, whatever the connection's time zone.
        years: conn.query(format!(
            "SELECT DISTINCT YEAR(DATE_ADD('1970-01-01', INTERVAL r.publtime + 25200 SECOND)) AS y \
             FROM {row} r WHERE {} ORDER BY y DESC",
            shown()
        ))?,
    };
    // Two rows of a lookup table may share a name: the filter matches both.
    for list in [
        &mut facets.kinds,
        &mut facets.issuing_bodies,
        &mut facets.areas,
    ] {
        let mut seen = std::collections::HashSet::new();
        list.retain(|name| seen.insert(name.clone()));
    }
    Ok(facets)
}

/// The id a document's slug ends in (NukeViet's alias ends in `-<id>`).
fn slug_id(slug: &str) -> Option<u32> {
    let (_, id) = slug.rsplit_once('-')?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok()
}

/// A document readers see, by its slug; its view counted where NukeViet
/// counts it when `counted`.
pub fn document(
    conn: &mut PooledConn,
    laws: &ModuleTables,
    root: Option<&Path>,
    slug: &str,
    now: Timestamp,
    counted: bool,
) -> mysql::Result<Option<Document>> {
    let Some(id) = slug_id(slug) else {
        return Ok(None);
    };
    let row_table = laws.table("row");
    let row: Option<Row> = conn.exec_first(
        format!(
            "SELECT {SUMMARY_COLUMNS}, r.sgid, r.startvalid, r.bodytext, r.introtext, r.files, \
                    r.relatement, r.replacement, r.view_hits, {} \
             FROM {row_table} r WHERE r.id = ? AND r.alias = ? AND {}",
            for_everyone("r.groups_download"),
            shown()
        ),
        (id, slug),
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    let today = start_of_day(now);
    let lookups = Lookups::read(conn, laws)?;
    let head = summary(&row, &lookups, today)?;
    let mut views: u32 = get(&row, 15)?;
    if counted {
        conn.exec_drop(
            format!(
                "UPDATE {row_table} SET view_hits = view_hits + 1 \
                 WHERE id = ? AND view_hits < {MEDIUMINT_MAX}"
            ),
            (id,),
        )?;
        views = (views + 1).min(MEDIUMINT_MAX);
    }
    let signer: u32 = get(&row, 8)?;
    let signer = if signer == 0 {
        String::new()
    } else {
        conn.exec_first(
            format!("SELECT title FROM {} WHERE id = ?", laws.table("signer")),
            (signer,),
        )?
        .map(|t: String| decode_entities(&t))
        .unwrap_or_default()
    };
    let areas = conn.exec_map(
        format!(
            "SELECT a.title FROM {} x JOIN {} a ON a.id = x.area_id \
             WHERE x.row_id = ? ORDER BY a.sort, a.id",
            laws.table("row_area"),
            laws.table("area")
        ),
        (id,),
        |title: String| decode_entities(&title),
    )?;
    let optional_day = |t: i64| (t != 0).then(|| day_key(t));
    let body_html: String = get(&row, 10)?;
    let mut body = html_paragraphs(&body_html);
    if body.is_empty() {
        body = html_paragraphs(&get::<String>(&row, 11)?);
    }
    // Files kept for some groups are not listed (nor sent, see [`file`]).
    let files: String = if get::<bool>(&row, 16)? {
        get(&row, 12)?
    } else {
        String::new()
    };
    let attachments = attachments(laws, root, &head.slug, &files);
    // Related: those it names as related, then those it replaces.
    let related_ids: Vec<u32> = [get::<String>(&row, 13)?, get::<String>(&row, 14)?]
        .iter()
        .flat_map(|list| list.split(',').filter_map(|id| id.trim().parse().ok()))
        .filter(|other| *other != id)
        .collect();
    let related = if related_ids.is_empty() {
        Vec::new()
    } else {
        let list = related_ids
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let rows: Vec<Row> = conn.query(format!(
            "SELECT {SUMMARY_COLUMNS} FROM {row_table} r \
             WHERE r.id IN ({list}) AND {} ORDER BY r.publtime DESC, r.id DESC",
            shown()
        ))?;
        rows.iter()
            .map(|row| summary(row, &lookups, today))
            .collect::<mysql::Result<_>>()?
    };
    Ok(Some(Document {
        signer,
        areas,
        effective: optional_day(get(&row, 9)?),
        expires: optional_day(get(&row, 7)?),
        body,
        attachments,
        related,
        views,
        slug: head.slug,
        number: head.number,
        kind: head.kind,
        summary: head.summary,
        issuing_body: head.issuing_body,
        issued: head.issued,
        in_force: head.in_force,
    }))
}

/// A file's media type, from its name.
fn media_type(name: &str) -> String {
    mime_guess::from_path(name)
        .first_or_octet_stream()
        .essence_str()
        .to_owned()
}

/// One entry of a document's `files`: its name and where its bytes are.
/// A path under `uploads/` is kept only if it stays there (no `..`) and the
/// file is on disk; an address only if it is http(s).
fn source(
    laws: &ModuleTables,
    root: Option<&Path>,
    entry: &str,
) -> Option<(String, FileSource, u64)> {
    let entry = decode_entities(entry.trim());
    if entry.is_empty() {
        return None;
    }
    if entry.starts_with("http://") || entry.starts_with("https://") {
        let last = entry
            .split(['?', '#'])
            .next()
            .and_then(|path| path.rsplit('/').next())
            .filter(|name| !name.is_empty())?;
        let name = percent_encoding::percent_decode_str(last)
            .decode_utf8()
            .ok()?
            .into_owned();
        return Some((name, FileSource::Remote(entry), 0));
    }
    let relative = Path::new(&entry);
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let path = root?.join("uploads").join(&laws.upload).join(relative);
    let size = std::fs::metadata(&path).ok().filter(|m| m.is_file())?.len();
    let name = relative.file_name()?.to_str()?.to_owned();
    let media = media_type(&name);
    Some((name, FileSource::Local(path, media), size))
}

/// A document's attachments that can be downloaded.
fn attachments(
    laws: &ModuleTables,
    root: Option<&Path>,
    slug: &str,
    files: &str,
) -> Vec<Attachment> {
    let mut out: Vec<Attachment> = Vec::new();
    for entry in files.split(',') {
        let Some((file_name, _, size)) = source(laws, root, entry) else {
            continue;
        };
        // Two entries with one name: the download finds the first.
        if out.iter().any(|a| a.file_name == file_name) {
            continue;
        }
        let media_type = media_type(&file_name);
        out.push(Attachment {
            download_path: format!(
                "/documents/{}/files/{}",
                ntm_views::links::encode_component(slug),
                ntm_views::links::encode_component(&file_name)
            ),
            title: file_name.clone(),
            file_name,
            size,
            media_type,
            downloads: None,
        });
    }
    out
}

/// Where the attachment `name` of the document `slug` is; counts the
/// download where NukeViet counts it (the document's `download_hits`).
pub fn file(
    conn: &mut PooledConn,
    laws: &ModuleTables,
    root: Option<&Path>,
    slug: &str,
    name: &str,
) -> mysql::Result<Option<FileSource>> {
    let Some(id) = slug_id(slug) else {
        return Ok(None);
    };
    let row_table = laws.table("row");
    let files: Option<String> = conn.exec_first(
        format!(
            "SELECT r.files FROM {row_table} r WHERE r.id = ? AND r.alias = ? AND {} \
             AND {}",
            shown(),
            for_everyone("r.groups_download")
        ),
        (id, slug),
    )?;
    let Some(found) = files.as_deref().and_then(|files| {
        files
            .split(',')
            .filter_map(|entry| source(laws, root, entry))
            .find(|(file_name, _, _)| file_name == name)
    }) else {
        return Ok(None);
    };
    conn.exec_drop(
        format!(
            "UPDATE {row_table} SET download_hits = download_hits + 1 \
             WHERE id = ? AND download_hits < {MEDIUMINT_MAX}"
        ),
        (id,),
    )?;
    Ok(Some(found.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_start_at_midnight_in_vietnam() {
        // 2025-01-01 00:00 UTC is 07:00 in Vietnam: the day began at 17:00 UTC.
        assert_eq!(start_of_day(1_735_689_600), 1_735_664_400);
        assert_eq!(midnight("2024-07-15"), Some(1_720_976_400));
        assert_eq!(midnight("2024-13-01"), None);
    }

    #[test]
    fn slugs_end_in_their_id() {
        assert_eq!(slug_id("ve-viec-trien-khai-1"), Some(1));
        assert_eq!(slug_id("12"), None);
        assert_eq!(slug_id("a-"), None);
        assert_eq!(slug_id("a-1x"), None);
        assert_eq!(slug_id("a-99999999999"), None);
    }

    #[test]
    fn files_stay_under_uploads_and_need_http() {
        let laws = ModuleTables {
            title: "van-ban".into(),
            data: "nv4_vi_van_ban".into(),
            upload: "van-ban".into(),
        };
        let root = std::env::temp_dir().join(format!("ntm-laws-{}", std::process::id()));
        std::fs::create_dir_all(root.join("uploads/van-ban/2024_07")).unwrap();
        std::fs::write(root.join("uploads/van-ban/2024_07/a b.pdf"), b"%PDF").unwrap();
        std::fs::write(root.join("secret.txt"), b"x").unwrap();
        let found = |entry: &str| source(&laws, Some(&root), entry);
        let (name, local, size) = found(" 2024_07/a b.pdf").unwrap();
        assert_eq!((name.as_str(), size), ("a b.pdf", 4));
        assert!(matches!(local, FileSource::Local(_, ref m) if m == "application/pdf"));
        assert_eq!(found("../../secret.txt"), None);
        assert_eq!(found("/etc/passwd"), None);
        assert_eq!(found("2024_07/none.pdf"), None);
        assert_eq!(found("ftp://example.vn/a.pdf"), None);
        assert_eq!(
            found("https://vanban.example.vn/t%E1%BB%87p/ph%E1%BB%A5-l%E1%BB%A5c.docx?v=2"),
            Some((
                "phụ-lục.docx".to_owned(),
                FileSource::Remote(
                    "https://vanban.example.vn/t%E1%BB%87p/ph%E1%BB%A5-l%E1%BB%A5c.docx?v=2"
                        .to_owned()
                ),
                0
            ))
        );
        assert_eq!(found("https://vanban.example.vn/"), None);
        assert_eq!(source(&laws, None, "2024_07/a b.pdf"), None);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
