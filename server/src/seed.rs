//! Demo content loaded into a new database: `server/seed/*.json`, written for
//! this project in Vietnamese (one file of articles per category).

use ntm_types::datetime::timestamp_vn;
use ntm_types::{Category, Image};
use serde::Deserialize;

use crate::db::{Db, NewArticle};

const CATEGORIES_JSON: &str = include_str!("../seed/categories.json");
const POLLS_JSON: &str = include_str!("../seed/polls.json");
const DOCUMENTS_JSON: &str = include_str!("../seed/documents.json");
const SITE_JSON: &str = include_str!("../seed/site.json");
const ARTICLES_JSON: &[&str] = &[
    include_str!("../seed/tin-tuc-su-kien.json"),
    include_str!("../seed/hoc-tap-dao-duc-hcm.json"),
    include_str!("../seed/chuong-trinh-ocop.json"),
    include_str!("../seed/guong-dien-hinh.json"),
];

#[derive(Deserialize)]
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
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct SeedPoll {
    question: String,
    max_choices: u32,
    starts: String,
    ends: Option<String>,
    active: bool,
    voters: u32,
    options: Vec<(String, u32)>,
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

#[derive(Deserialize)]
struct SeedFile {
    file: String,
    title: String,
}

#[derive(Deserialize)]
struct SeedImage {
    file: String,
    alt: String,
}

/// Every demo photo is 800 × 450.
const PHOTO_SIZE: (u32, u32) = (800, 450);

pub fn load(db: &Db) -> rusqlite::Result<()> {
    let categories: Vec<Category> =
        serde_json::from_str(CATEGORIES_JSON).expect("seed/categories.json is valid");
    for (i, c) in categories.iter().enumerate() {
        db.insert_category(c, i as i64)?;
    }
    let articles = ARTICLES_JSON.iter().flat_map(|json| {
        serde_json::from_str::<Vec<SeedArticle>>(json).expect("seed article files are valid")
    });
    for a in articles {
        db.insert_article(&NewArticle {
            published_at: parse_vn_time(&a.published).expect("seed dates are YYYY-MM-DD HH:MM"),
            slug: a.slug,
            category_slug: a.category,
            title: a.title,
            lead: a.lead,
            body_html: a.body_html,
            image: a.image.map(|i| Image {
                src: format!("/anh/{}", i.file),
                alt: i.alt,
                width: PHOTO_SIZE.0,
                height: PHOTO_SIZE.1,
            }),
            author: a.author,
            source: a.source,
            tags: a.tags,
            views: a.views,
            rating_enabled: a.rating_enabled,
        })?;
    }
    db.with(|c| crate::db::stats::seed_history(c, now()))?;
    load_documents(db)?;
    let site: ntm_types::SiteInfo =
        serde_json::from_str(SITE_JSON).expect("seed/site.json is valid");
    db.with(|c| crate::db::set_site(c, &site))?;
    let polls: Vec<SeedPoll> = serde_json::from_str(POLLS_JSON).expect("seed/polls.json is valid");
    for p in polls {
        let time = |s: &str| parse_vn_time(s).expect("seed dates are YYYY-MM-DD HH:MM");
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
                },
            )
        })?;
    }
    Ok(())
}

fn load_documents(db: &Db) -> rusqlite::Result<()> {
    use crate::db::documents::{insert, link, NewDocument};
    let docs: Vec<SeedDocument> =
        serde_json::from_str(DOCUMENTS_JSON).expect("seed/documents.json is valid");
    db.with(|c| {
        for d in &docs {
            // Each attachment is a real small PDF, made here from the document.
            let files = d
                .attachments
                .iter()
                .map(|f| {
                    let mut lines = vec![
                        f.title.clone(),
                        format!("{} so {}", d.kind, d.number),
                        d.summary.clone(),
                        format!(
                            "Co quan ban hanh: {}. Ngay ban hanh: {}",
                            d.issuing_body, d.issued
                        ),
                        String::new(),
                    ];
                    lines.extend(d.body.iter().cloned());
                    lines.push(format!("Nguoi ky: {}", d.signer));
                    (f.file.clone(), f.title.clone(), crate::pdf::render(&lines))
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
        for d in &docs {
            for r in &d.related {
                link(c, &d.number, r)?;
            }
        }
        Ok(())
    })
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
        load(&db).unwrap();
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
