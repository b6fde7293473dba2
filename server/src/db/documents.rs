//! Issued documents ("Văn bản ban hành"): search with filters, one document,
//! its files.

use ntm_types::{Attachment, Document, DocumentFacets, DocumentSummary};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::text::{fold, like_patterns, slug};

/// A document as the seed or a test inserts it.
#[derive(Clone, Debug, Default)]
pub struct NewDocument {
    pub number: String,
    pub kind: String,
    pub summary: String,
    pub issuing_body: String,
    pub signer: String,
    pub areas: Vec<String>,
    pub issued: String,
    pub effective: Option<String>,
    pub expires: Option<String>,
    pub body: Vec<String>,
    pub files: Vec<NewFile>,
}

/// A file attached to a new document: any type.
#[derive(Clone, Debug, Default)]
pub struct NewFile {
    pub name: String,
    pub title: String,
    /// e.g. `application/pdf`; the download answers with it.
    pub media_type: String,
    pub data: Vec<u8>,
}

pub fn insert(conn: &mut Connection, d: &NewDocument) -> rusqlite::Result<i64> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO documents (slug, number, kind, summary, issuing_body, signer, issued,
           effective, expires, body, search_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            slug(&d.number),
            d.number,
            d.kind,
            d.summary,
            d.issuing_body,
            d.signer,
            d.issued,
            d.effective,
            d.expires,
            d.body.join("\n"),
            fold(&format!("{} {} {}", d.kind, d.number, d.summary)),
        ],
    )?;
    let id = tx.last_insert_rowid();
    for area in &d.areas {
        tx.execute(
            "INSERT OR IGNORE INTO document_areas (document_id, area) VALUES (?1, ?2)",
            params![id, area],
        )?;
    }
    for (i, f) in d.files.iter().enumerate() {
        tx.execute(
            "INSERT INTO document_files (document_id, position, file_name, title, media_type, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, i as i64, f.name, f.title, f.media_type, f.data],
        )?;
    }
    tx.commit()?;
    Ok(id)
}

/// Records that the document numbered `number` relates to `related`.
pub fn link(conn: &Connection, number: &str, related: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO document_links (document_id, related_id)
         SELECT a.id, b.id FROM documents a, documents b WHERE a.number = ?1 AND b.number = ?2",
        params![number, related],
    )
    .map(drop)
}

/// Filters of a search; every one optional, all of them together narrow it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words that must all appear in the number or the summary, marks and case ignored.
    pub text: Option<String>,
    pub kind: Option<String>,
    pub issuing_body: Option<String>,
    pub area: Option<String>,
    pub year: Option<i32>,
    /// Issued on or after, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Issued on or before, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `Some(true)`: in force only; `Some(false)`: expired only.
    pub in_force: Option<bool>,
}

const SUMMARY_COLUMNS: &str =
    "d.slug, d.number, d.kind, d.summary, d.issuing_body, d.issued, (d.expires IS NULL OR d.expires >= ?1)";

fn summary_from(r: &Row) -> rusqlite::Result<DocumentSummary> {
    Ok(DocumentSummary {
        slug: r.get(0)?,
        number: r.get(1)?,
        kind: r.get(2)?,
        summary: r.get(3)?,
        issuing_body: r.get(4)?,
        issued: r.get(5)?,
        in_force: r.get(6)?,
    })
}

/// Newest first. `today` (`YYYY-MM-DD`) decides what is in force.
pub fn search(
    conn: &Connection,
    f: &Filter,
    today: &str,
    limit: u32,
    offset: u32,
) -> rusqlite::Result<(Vec<DocumentSummary>, u32)> {
    let mut clauses: Vec<String> = Vec::new();
    let mut args: Vec<Value> = vec![Value::Text(today.to_owned())];
    let arg = |v: Value, args: &mut Vec<Value>| {
        args.push(v);
        format!("?{}", args.len())
    };
    for pattern in like_patterns(f.text.as_deref().unwrap_or_default()) {
        let p = arg(Value::Text(pattern), &mut args);
        clauses.push(format!("d.search_text LIKE {p} ESCAPE '\\'"));
    }
    // Plain comparisons: (SQL left side and operator, the filter's value).
    let compared = [
        ("d.kind =", f.kind.clone()),
        ("d.issuing_body =", f.issuing_body.clone()),
        (
            "substr(d.issued, 1, 4) =",
            f.year.map(|y| format!("{y:04}")),
        ),
        ("d.issued >=", f.from.clone()),
        ("d.issued <=", f.to.clone()),
    ];
    for (left, value) in compared {
        if let Some(v) = value {
            let p = arg(Value::Text(v), &mut args);
            clauses.push(format!("{left} {p}"));
        }
    }
    if let Some(a) = &f.area {
        let p = arg(Value::Text(a.clone()), &mut args);
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM document_areas x WHERE x.document_id = d.id AND x.area = {p})"
        ));
    }
    match f.in_force {
        Some(true) => clauses.push("(d.expires IS NULL OR d.expires >= ?1)".into()),
        Some(false) => clauses.push("d.expires < ?1".into()),
        None => {}
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) FROM (SELECT {SUMMARY_COLUMNS} FROM documents d {filter})"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM documents d {filter}
         ORDER BY d.issued DESC, d.id DESC LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), summary_from)?
        .collect::<Result<_, _>>()?;
    Ok((items, total))
}

pub fn facets(conn: &Connection) -> rusqlite::Result<DocumentFacets> {
    let list = |sql: &str| -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    };
    Ok(DocumentFacets {
        kinds: list("SELECT DISTINCT kind FROM documents ORDER BY kind")?,
        issuing_bodies: list("SELECT DISTINCT issuing_body FROM documents ORDER BY issuing_body")?,
        areas: list("SELECT DISTINCT area FROM document_areas ORDER BY area")?,
        years: list("SELECT DISTINCT substr(issued, 1, 4) FROM documents ORDER BY 1 DESC")?
            .into_iter()
            .filter_map(|y| y.parse().ok())
            .collect(),
    })
}

/// The document with its files and related documents; counts the view.
pub fn document(
    conn: &mut Connection,
    slug: &str,
    today: &str,
) -> rusqlite::Result<Option<Document>> {
    let tx = conn.transaction()?;
    if tx.execute(
        "UPDATE documents SET views = MIN(views + 1, 4294967295) WHERE slug = ?1",
        [slug],
    )? == 0
    {
        return Ok(None);
    }
    let (id, mut doc) = tx.query_row(
        "SELECT d.id, d.signer, d.effective, d.expires, d.body, d.views,
                d.slug, d.number, d.kind, d.summary, d.issuing_body, d.issued,
                (d.expires IS NULL OR d.expires >= ?1)
         FROM documents d WHERE d.slug = ?2",
        params![today, slug],
        |r| {
            let body: String = r.get(4)?;
            Ok((
                r.get::<_, i64>(0)?,
                Document {
                    signer: r.get(1)?,
                    effective: r.get(2)?,
                    expires: r.get(3)?,
                    body: body
                        .lines()
                        .map(str::to_owned)
                        .filter(|l| !l.is_empty())
                        .collect(),
                    views: r.get(5)?,
                    slug: r.get(6)?,
                    number: r.get(7)?,
                    kind: r.get(8)?,
                    summary: r.get(9)?,
                    issuing_body: r.get(10)?,
                    issued: r.get(11)?,
                    in_force: r.get(12)?,
                    areas: Vec::new(),
                    attachments: Vec::new(),
                    related: Vec::new(),
                },
            ))
        },
    )?;
    {
        let mut areas = tx.prepare_cached(
            "SELECT area FROM document_areas WHERE document_id = ?1 ORDER BY area",
        )?;
        doc.areas = areas
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut files = tx.prepare_cached(
            "SELECT file_name, title, length(data), media_type, downloads
             FROM document_files WHERE document_id = ?1 ORDER BY position",
        )?;
        let slug = doc.slug.clone();
        doc.attachments = files
            .query_map([id], |r| {
                let file_name: String = r.get(0)?;
                Ok(Attachment {
                    download_path: format!("/documents/{slug}/files/{file_name}"),
                    file_name,
                    title: r.get(1)?,
                    size: r.get(2)?,
                    media_type: r.get(3)?,
                    downloads: Some(r.get(4)?),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut related = tx.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM documents d
             JOIN document_links l ON l.related_id = d.id
             WHERE l.document_id = ?2 ORDER BY d.issued DESC"
        ))?;
        doc.related = related
            .query_map(params![today, id], summary_from)?
            .collect::<Result<_, _>>()?;
    }
    tx.commit()?;
    Ok(Some(doc))
}

/// The bytes and media type of a document's file; counts the download.
pub fn file(
    conn: &mut Connection,
    slug: &str,
    file_name: &str,
) -> rusqlite::Result<Option<(Vec<u8>, String)>> {
    let tx = conn.transaction()?;
    let found = tx
        .query_row(
            "SELECT f.id, f.data, f.media_type FROM document_files f
             JOIN documents d ON d.id = f.document_id
             WHERE d.slug = ?1 AND f.file_name = ?2",
            params![slug, file_name],
            |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((id, data, media_type)) = found else {
        return Ok(None);
    };
    tx.execute(
        "UPDATE document_files SET downloads = MIN(downloads + 1, 4294967295) WHERE id = ?1",
        [id],
    )?;
    tx.commit()?;
    Ok(Some((data, media_type)))
}
