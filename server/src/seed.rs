//! Content loaded into a new database: by default the demo content of
//! `server/seed/*.json`, written for this project in Vietnamese (one file of
//! articles per category); or, with `--seed DIR`, a folder of files of the same
//! shapes (a deployment's own content, or the tests' corpora: the hostile one
//! and the extremes of `tests/e2e/seed-extremes/`). A folder may also hold
//! the files its documents attach (any type) and a `stats.json` with the
//! visit counts to start from.

use std::path::Path;

use ntm_types::datetime::timestamp_vn;
use ntm_types::{Category, Image};
use serde::Deserialize;

use crate::db::{Db, NewArticle};

const CATEGORIES_JSON: &str = include_str!("../seed/categories.json");
const POLLS_JSON: &str = include_str!("../seed/polls.json");
const DOCUMENTS_JSON: &str = include_str!("../seed/documents.json");
const SITE_JSON: &str = include_str!("../seed/site.json");
const PAGES_JSON: &str = include_str!("../seed/pages.json");
const ARTICLES_JSON: &[&str] = &[
    include_str!("../seed/tin-tuc-su-kien.json"),
    include_str!("../seed/hoc-tap-dao-duc-hcm.json"),
    include_str!("../seed/chuong-trinh-ocop.json"),
    include_str!("../seed/guong-dien-hinh.json"),
];

#[derive(Clone, Deserialize)]
struct SeedArticle {
    slug: String,
    title: String,
    category: String,
    /// `YYYY-MM-DD HH:MM`, Vietnam time.
    published: String,
    lead: String,
    image: Option<SeedImage>,
    body_html: String,
    author: String,
    source: String,
    tags: Vec<String>,
    views: u32,
    #[serde(default = "yes")]
    rating_enabled: bool,
    /// Ratings given before: the totals to start from.
    #[serde(default)]
    rating: Option<SeedRating>,
}

#[derive(Clone, Copy, Deserialize)]
struct SeedRating {
    total: u32,
    count: u32,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Deserialize)]
struct SeedPoll {
    question: String,
    max_choices: u32,
    starts: String,
    ends: Option<String>,
    active: bool,
    voters: u32,
    options: Vec<(String, u32)>,
    /// Only signed-in members may vote.
    #[serde(default)]
    members_only: bool,
}

#[derive(Deserialize)]
struct SeedDocument {
    number: String,
    #[serde(rename = "type")]
    kind: String,
    summary: String,
    issuing_body: String,
    signer: String,
    areas: Vec<String>,
    issued: String,
    effective: Option<String>,
    expires: Option<String>,
    body: Vec<String>,
    attachments: Vec<SeedFile>,
    related: Vec<String>,
}

/// An attachment: a PDF made from the document, or, with `path`, a file of
/// the seed folder of any type.
#[derive(Deserialize)]
struct SeedFile {
    file: String,
    title: String,
    /// A file of the seed folder, its bytes the attachment's.
    #[serde(default)]
    path: Option<String>,
    /// The file's media type; by its name's extension when not given.
    #[serde(default)]
    media_type: Option<String>,
    #[serde(skip)]
    data: Option<Vec<u8>>,
}

/// A photo: a file of `public/anh/` (800 × 450), or any `src` the contract
/// allows (a URL on a media origin) with its own size.
#[derive(Clone, Deserialize)]
struct SeedImage {
    #[serde(default)]
    file: String,
    #[serde(default)]
    src: String,
    alt: String,
    #[serde(default)]
    width: Option<u32>,
    #[serde(default)]
    height: Option<u32>,
}

/// Visit counts a new database starts from, instead of the demo history.
#[derive(Clone, Copy, Deserialize)]
struct SeedStats {
    /// Visits counted before daily counts were kept.
    visits_before_daily: u64,
    /// Visits on each of the last 400 days, today included.
    visits_per_day: u64,
}

/// Every demo photo is 800 × 450.
const PHOTO_SIZE: (u32, u32) = (800, 450);

/// The files of a seed folder other than these hold articles.
const NAMED_FILES: [&str; 6] = [
    "categories.json",
    "pages.json",
    "polls.json",
    "documents.json",
    "site.json",
    "stats.json",
];

/// Everything a new database is filled with, parsed and checked before any of it
/// is written.
pub struct Content {
    categories: Vec<Category>,
    articles: Vec<SeedArticle>,
    polls: Vec<SeedPoll>,
    documents: Vec<SeedDocument>,
    site: ntm_types::SiteInfo,
    /// In the order the footer links to them.
    pages: Vec<ntm_types::Page>,
    stats: Option<SeedStats>,
}

impl Content {
    /// The demo content compiled into the backend.
    pub fn demo() -> Content {
        Content::parse(
            CATEGORIES_JSON,
            ARTICLES_JSON,
            POLLS_JSON,
            DOCUMENTS_JSON,
            SITE_JSON,
        )
        .and_then(|c| c.with_pages(PAGES_JSON))
        .expect("the embedded seed files are valid")
    }

    /// The pages of `pages.json` (a list of the contract's `Page`).
    fn with_pages(mut self, json: &str) -> Result<Content, String> {
        self.pages = serde_json::from_str(json).map_err(|e| format!("pages.json: {e}"))?;
        Ok(self)
    }

    /// The files of `dir`: `categories.json`, `polls.json`, `documents.json`,
    /// `site.json`, and any other `*.json` files holding lists of articles.
    pub fn from_dir(dir: &Path) -> Result<Content, String> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|e| format!("{}: {e}", dir.join(name).display()))
        };
        let mut article_files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(".json") && !NAMED_FILES.contains(&n.as_str()))
            .collect();
        article_files.sort();
        let articles = article_files
            .iter()
            .map(|n| read(n))
            .collect::<Result<Vec<_>, _>>()?;
        let articles: Vec<&str> = articles.iter().map(String::as_str).collect();
        let mut content = Content::parse(
            &read("categories.json")?,
            &articles,
            &read("polls.json")?,
            &read("documents.json")?,
            &read("site.json")?,
        )?;
        for f in content
            .documents
            .iter_mut()
            .flat_map(|d| &mut d.attachments)
        {
            if let Some(path) = &f.path {
                let file = dir.join(path);
                f.data =
                    Some(std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?);
            }
        }
        if dir.join("pages.json").exists() {
            content = content.with_pages(&read("pages.json")?)?;
        }
        if dir.join("stats.json").exists() {
            content.stats = Some(
                serde_json::from_str(&read("stats.json")?)
                    .map_err(|e| format!("stats.json: {e}"))?,
            );
        }
        Ok(content)
    }

    fn parse(
        categories: &str,
        articles: &[&str],
        polls: &str,
        documents: &str,
        site: &str,
    ) -> Result<Content, String> {
        fn json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, String> {
            serde_json::from_str(text).map_err(|e| format!("{what}: {e}"))
        }
        let mut all = Vec::new();
        for a in articles {
            all.extend(json::<Vec<SeedArticle>>("articles", a)?);
        }
        for a in &all {
            parse_vn_time(&a.published)
                .ok_or_else(|| format!("{}: published is not YYYY-MM-DD HH:MM", a.slug))?;
        }
        let polls: Vec<SeedPoll> = json("polls.json", polls)?;
        for p in &polls {
            for t in std::iter::once(&p.starts).chain(&p.ends) {
                parse_vn_time(t).ok_or_else(|| format!("poll time {t} is not YYYY-MM-DD HH:MM"))?;
            }
        }
        Ok(Content {
            categories: json("categories.json", categories)?,
            articles: all,
            polls,
            documents: json("documents.json", documents)?,
            site: json("site.json", site)?,
            pages: Vec::new(),
            stats: None,
        })
    }
}

/// Fills a new database with `content()`: a first start. A database that
/// holds content already is left as it is, however often the server starts.
pub fn fill_if_empty(db: &Db, content: impl FnOnce() -> Content) -> rusqlite::Result<()> {
    if db.is_empty()? {
        load(db, &content())?;
    }
    Ok(())
}

pub fn load(db: &Db, content: &Content) -> rusqlite::Result<()> {
    for (i, c) in content.categories.iter().enumerate() {
        db.insert_category(c, i as i64)?;
    }
    for a in &content.articles {
        let a = a.clone();
        let (slug, rating) = (a.slug.clone(), a.rating);
        db.insert_article(&NewArticle {
            published_at: parse_vn_time(&a.published).expect("checked in Content::parse"),
            slug: a.slug,
            category_slug: a.category,
            title: a.title,
            lead: a.lead,
            body_html: a.body_html,
            image: a.image.map(|i| Image {
                src: if i.src.is_empty() {
                    format!("/anh/{}", i.file)
                } else {
                    i.src
                },
                alt: i.alt,
                width: i.width.unwrap_or(PHOTO_SIZE.0),
                height: i.height.unwrap_or(PHOTO_SIZE.1),
            }),
            author: a.author,
            source: a.source,
            tags: a.tags,
            views: a.views,
            rating_enabled: a.rating_enabled,
        })?;
        if let Some(r) = rating {
            db.with(|c| {
                c.execute(
                    "UPDATE articles SET rating_total = ?1, rating_count = ?2 WHERE slug = ?3",
                    rusqlite::params![r.total, r.count, slug],
                )
                .map(drop)
            })?;
        }
    }
    match content.stats {
        Some(s) => db.with(|c| {
            crate::db::stats::seed_counts(c, now(), s.visits_before_daily, s.visits_per_day)
        })?,
        None => db.with(|c| crate::db::stats::seed_history(c, now()))?,
    }
    load_documents(db, &content.documents)?;
    db.with(|c| crate::db::set_site(c, &content.site))?;
    for page in &content.pages {
        db.with(|c| crate::db::pages::insert(c, page))?;
    }
    for p in content.polls.iter().cloned() {
        let time = |s: &str| parse_vn_time(s).expect("checked in Content::parse");
        db.with(|c| {
            crate::db::polls::insert(
                c,
                &crate::db::polls::NewPoll {
                    starts_at: time(&p.starts),
                    ends_at: p.ends.as_deref().map(time),
                    question: p.question,
                    max_choices: p.max_choices,
                    active: p.active,
                    options: p.options,
                    voters: p.voters,
                    members_only: p.members_only,
                },
            )
        })?;
    }
    Ok(())
}

fn load_documents(db: &Db, docs: &[SeedDocument]) -> rusqlite::Result<()> {
    use crate::db::documents::{insert, link, NewDocument, NewFile};
    db.with(|c| {
        for d in docs {
            // Each attachment is a real small PDF, made here from the document.
            let files = d
                .attachments
                .iter()
                .map(|f| {
                    if let Some(data) = &f.data {
                        return NewFile {
                            name: f.file.clone(),
                            title: f.title.clone(),
                            media_type: f
                                .media_type
                                .clone()
                                .unwrap_or_else(|| media_type_of(&f.file).to_owned()),
                            data: data.clone(),
                        };
                    }
                    let mut lines = vec![
                        f.title.clone(),
                        format!("{} số {}", d.kind, d.number),
                        d.summary.clone(),
                        format!(
                            "Cơ quan ban hành: {}. Ngày ban hành: {}",
                            d.issuing_body,
                            ntm_types::datetime::format_day(&d.issued)
                        ),
                        String::new(),
                    ];
                    lines.extend(d.body.iter().cloned());
                    lines.push(format!("Người ký: {}", d.signer));
                    NewFile {
                        name: f.file.clone(),
                        title: f.title.clone(),
                        media_type: "application/pdf".to_owned(),
                        data: crate::pdf::render(&lines),
                    }
                })
                .collect();
            insert(
                c,
                &NewDocument {
                    number: d.number.clone(),
                    kind: d.kind.clone(),
                    summary: d.summary.clone(),
                    issuing_body: d.issuing_body.clone(),
                    signer: d.signer.clone(),
                    areas: d.areas.clone(),
                    issued: d.issued.clone(),
                    effective: d.effective.clone(),
                    expires: d.expires.clone(),
                    body: d.body.clone(),
                    files,
                },
            )?;
        }
        for d in docs {
            for r in &d.related {
                link(c, &d.number, r)?;
            }
        }
        Ok(())
    })
}

/// The media type of a file by its name's extension.
fn media_type_of(file: &str) -> &'static str {
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn now() -> i64 {
    (crate::system_clock())()
}

/// `2021-01-17 08:01` (Vietnam time) to a timestamp.
pub fn parse_vn_time(s: &str) -> Option<i64> {
    let (date, time) = s.split_once(' ')?;
    let mut d = date.splitn(3, '-').map(str::parse::<u32>);
    let (y, m, day) = (d.next()?.ok()?, d.next()?.ok()?, d.next()?.ok()?);
    let (h, min) = time.split_once(':')?;
    let (h, min) = (h.parse().ok()?, min.parse().ok()?);
    let valid = (1..=12).contains(&m) && (1..=31).contains(&day) && h < 24 && min < 60;
    valid.then(|| timestamp_vn(i64::from(y), m, day, h, min))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_seed_times() {
        assert_eq!(parse_vn_time("2021-01-17 08:01"), Some(1_610_845_260));
        assert_eq!(parse_vn_time("2021-13-01 08:01"), None);
        assert_eq!(parse_vn_time("2021-01-17"), None);
    }

    #[test]
    fn seed_loads_and_holds_the_ocop_article() {
        let db = Db::open_empty_in_memory().unwrap();
        load(&db, &Content::demo()).unwrap();
        db.with(|c| {
            let n: u32 = c
                .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
                .unwrap();
            assert!(n >= 30, "{n} articles");
            let cats = crate::db::categories(c).unwrap();
            assert!(cats.len() >= 3);
            assert!(cats.iter().any(|c| c.name == "Học tập đạo đức HCM"));
            let a = crate::db::article(c, "thuc-day-chuong-trinh-ocop-o-binh-lieu")
                .unwrap()
                .expect("the Bình Liêu article");
            assert_eq!(
                ntm_types::datetime::format_datetime(a.published_at),
                "Chủ nhật - 17/01/2021 08:01"
            );
            for fact in ["500", "2030", "10 ", "1,9 tỷ", "312 triệu", "569 triệu"] {
                assert!(a.body_html.contains(fact), "missing {fact}");
            }
        });
    }
}
