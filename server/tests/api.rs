//! The JSON API against a real SQLite database.

mod common;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::NewArticle;
use ntm_types::{Article, ArticlePage, Category};

#[tokio::test]
async fn categories_in_menu_order() {
    let app = api(small_db(0));
    let res = get(&app, "/api/categories").await;
    assert_eq!(res.status, StatusCode::OK);
    let cats: Vec<Category> = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(
        cats.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(),
        ["mot", "hai"]
    );
}

#[tokio::test]
async fn newest_first_with_paging() {
    let app = api(small_db(25));
    let page: ArticlePage = serde_json::from_slice(&get(&app, "/api/articles").await.body).unwrap();
    assert_eq!(
        (page.page, page.per_page, page.total_items, page.total_pages),
        (1, 10, 26, 3)
    );
    assert_eq!(page.items[0].slug, "bai-24");
    assert!(page
        .items
        .windows(2)
        .all(|w| w[0].published_at >= w[1].published_at));
    assert_eq!(page.category, None);

    let last: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/articles?page=3").await.body).unwrap();
    assert_eq!(last.items.len(), 6);
    let beyond: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/articles?page=9").await.body).unwrap();
    assert!(beyond.items.is_empty());
}

#[tokio::test]
async fn one_category() {
    let app = api(small_db(3));
    let page: ArticlePage = serde_json::from_slice(
        &get(&app, "/api/articles?category=hai&per_page=5")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(page.total_items, 1);
    assert_eq!(page.items[0].slug, "khac");
    assert_eq!(page.category.unwrap().name, "Chuyên mục hai");
}

#[tokio::test]
async fn bad_list_queries_get_json_errors() {
    let app = api(small_db(1));
    for (uri, status) in [
        ("/api/articles?category=khong-co", StatusCode::NOT_FOUND),
        ("/api/articles?page=0", StatusCode::BAD_REQUEST),
        ("/api/articles?page=abc", StatusCode::BAD_REQUEST),
        ("/api/articles?page=-1", StatusCode::BAD_REQUEST),
        ("/api/articles?per_page=51", StatusCode::BAD_REQUEST),
        ("/api/articles?per_page=0", StatusCode::BAD_REQUEST),
        ("/api/articles?page=99999999999", StatusCode::BAD_REQUEST),
        ("/api/articles?trang=2", StatusCode::BAD_REQUEST),
        ("/api/khong-co", StatusCode::NOT_FOUND),
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, status, "{uri}");
        assert!(
            res.header("content-type").starts_with("application/json"),
            "{uri}"
        );
        let err = res.json();
        assert!(err["code"].is_string(), "{uri}");
        assert!(!err["message"].as_str().unwrap().is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn article_with_neighbours_in_its_category() {
    let app = api(small_db(25));
    let res = get(&app, "/api/articles/bai-12").await;
    assert_eq!(res.status, StatusCode::OK);
    let a: Article = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(a.title, "Bài số 12");
    assert_eq!(a.category.slug, "mot");
    assert_eq!(a.tags, ["thẻ một", "thẻ hai"]);
    assert_eq!(a.body_html, "<p>Nội dung bài 12</p>");
    // Newer: the next ten, closest first; older: the previous ten, closest first.
    let newer: Vec<_> = a.newer.iter().map(|l| l.slug.as_str()).collect();
    let older: Vec<_> = a.older.iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(
        newer,
        (13..23).map(|i| format!("bai-{i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        older,
        (2..12)
            .rev()
            .map(|i| format!("bai-{i}"))
            .collect::<Vec<_>>()
    );
    // The other category's article, published in between, is not a neighbour.
    assert!(!newer.contains(&"khac") && !older.contains(&"khac"));

    let first: Article =
        serde_json::from_slice(&get(&app, "/api/articles/bai-0").await.body).unwrap();
    assert!(first.older.is_empty());
    assert_eq!(first.newer.len(), 10);
}

#[tokio::test]
async fn reading_counts_a_view() {
    let app = api(small_db(1));
    let a: Article = serde_json::from_slice(&get(&app, "/api/articles/bai-0").await.body).unwrap();
    let b: Article = serde_json::from_slice(&get(&app, "/api/articles/bai-0").await.body).unwrap();
    assert_eq!(b.views, a.views + 1);
}

#[tokio::test]
async fn unknown_article_is_a_json_404() {
    let app = api(small_db(1));
    for uri in ["/api/articles/khong-co", "/api/articles/%3Cscript%3E"] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert_eq!(res.json()["code"], "not_found");
    }
}

#[tokio::test]
async fn stored_bodies_are_sanitized() {
    let db = small_db(0);
    db.insert_article(&NewArticle {
        slug: "doc-hai".into(),
        category_slug: "mot".into(),
        title: "<b>Tiêu đề</b>".into(),
        body_html: "<p onclick=\"alert(1)\">Chữ<script>alert(2)</script></p>\
                    <img src=\"javascript:alert(3)\" alt=\"a\"><iframe src=\"//x.vn\"></iframe>"
            .into(),
        published_at: 1,
        ..Default::default()
    })
    .unwrap();
    let a: Article =
        serde_json::from_slice(&get(&api(db), "/api/articles/doc-hai").await.body).unwrap();
    // A frame is kept to be shown as a link to it (`Article.body_html`).
    assert_eq!(
        a.body_html,
        "<p>Chữ</p><img alt=\"a\"><iframe src=\"//x.vn\"></iframe>"
    );
    // Titles are plain text: kept as written, shown as text by the client.
    assert_eq!(a.title, "<b>Tiêu đề</b>");
}

#[tokio::test]
async fn compressed_when_asked() {
    let app = api(small_db(12));
    let res = get_with(&app, "/api/articles", &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(res.header("content-encoding"), "br");
    let res = get_with(&app, "/api/articles", &[("accept-encoding", "gzip")]).await;
    assert_eq!(res.header("content-encoding"), "gzip");
    // A public read: see tests/caching.rs.
    assert_eq!(
        res.header("cache-control"),
        "public, max-age=0, s-maxage=30"
    );
}

#[tokio::test]
async fn first_start_seeds_demo_content_once() {
    let (db, dir) = seeded_db();
    let app = api(db);
    let page: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/articles?per_page=50").await.body).unwrap();
    assert!(page.total_items >= 30);
    // Opening the same file again neither fails nor seeds twice.
    let again = ntm_server::Db::open(&dir.path().join("test.sqlite3")).unwrap();
    ntm_server::seed::fill_if_empty(&again, ntm_server::seed::Content::demo).unwrap();
    let page2: ArticlePage =
        serde_json::from_slice(&get(&api(again), "/api/articles").await.body).unwrap();
    assert_eq!(page2.total_items, page.total_items);
}

#[tokio::test]
async fn site_frame_from_the_seed() {
    let (db, _dir) = seeded_db();
    let site = get(&api(db), "/api/site").await;
    assert_eq!(site.status, StatusCode::OK);
    let s: ntm_types::SiteInfo = serde_json::from_slice(&site.body).unwrap();
    assert_eq!(s.name, "Nông thôn mới Hà Tĩnh");
    assert!(s.menu.iter().any(|m| m.label == "Học tập đạo đức HCM"));
    assert!(
        s.menu.iter().any(|m| !m.children.is_empty()),
        "a nested menu"
    );
    assert!(!s.songs.is_empty() && !s.partners.is_empty() && s.zalo_qr.is_some());
    assert!(s.email.contains('@'));
}

#[tokio::test]
async fn search_ignores_diacritics_and_looks_in_bodies() {
    let (db, _dir) = seeded_db();
    let app = api(db);
    let found: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/search?q=OCOP+binh+lieu").await.body).unwrap();
    assert!(found
        .items
        .iter()
        .any(|a| a.slug == "thuc-day-chuong-trinh-ocop-o-binh-lieu"));
    // Words of the body only (the support table) are found too.
    let body: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/search?q=hop+tac+xa+tue+lam").await.body).unwrap();
    assert!(body
        .items
        .iter()
        .any(|a| a.slug == "thuc-day-chuong-trinh-ocop-o-binh-lieu"));
    // Markup is not text.
    let tags: ArticlePage =
        serde_json::from_slice(&get(&app, "/api/search?q=figcaption").await.body).unwrap();
    assert_eq!(tags.total_items, 0);
    for uri in [
        "/api/search",
        "/api/search?q=",
        "/api/search?q=%20%20",
        "/api/search?q=a&x=1",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(res.json()["code"], "bad_request");
    }
}

#[tokio::test]
async fn pages_for_foreign_readers_are_served_and_linked_from_the_site() {
    let (db, _dir) = seeded_db();
    db.with(|c| {
        ntm_server::db::pages::insert(
            c,
            &ntm_types::Page {
                slug: "contact".into(),
                lang: "en".into(),
                title: "Contact".into(),
                description: String::new(),
                body_html: "<p onclick=\"alert(1)\">Write to us.<script>alert(2)</script></p>"
                    .into(),
            },
        )
    })
    .unwrap();
    let app = api(db);
    // The demo's page first, then the one added after it.
    let links = serde_json::json!([
        {"slug": "about-us", "title": "About us", "lang": "en"},
        {"slug": "contact", "title": "Contact", "lang": "en"},
    ]);
    let page = linked_page(&app, links, "about-us").await;
    assert_eq!(
        (&page["lang"], &page["title"]),
        (&"en".into(), &"About us".into())
    );
    assert!(page["body_html"]
        .as_str()
        .unwrap()
        .contains("<h2>Who we are</h2>"));
    let contact = get(&app, "/api/pages/contact").await.json();
    assert_eq!(contact["body_html"], "<p>Write to us.</p>");
    for uri in [
        "/api/pages/khong-co",
        "/api/pages/%3Cscript%3E",
        "/api/pages/about-us/x",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(res.json()["code"], "not_found", "{uri}");
    }
}
