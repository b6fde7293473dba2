//! The first view the page carries on news lists and on articles: the
//! page's text as plain HTML, escaped, cleaned, without counting a view and
//! without loosening the page's script policy.

mod common;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::NewArticle;
use ntm_server::{app, Db, Options};
use ntm_types::datetime::{format_datetime, timestamp_vn};

const INDEX: &str = concat!(
    r#"<!doctype html><html><head><meta name="ntm-api-base" content="/api">"#,
    r#"<meta name="description" content="Mô tả chung."><title>Nông thôn mới Hà Tĩnh</title>"#,
    r#"<script type="module">import init from '/a.js';</script>"#,
    r#"<link rel="preload" href="/a_bg.wasm" as="fetch" type="application/wasm"></head>"#,
    r#"<body><noscript>Cần JavaScript.</noscript></body></html>"#
);

fn site(db: Db) -> (axum::Router, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    let app = app(
        db,
        Options {
            dist: Some(dist.path().to_path_buf()),
            ..Default::default()
        },
    );
    (app, dist)
}

/// The first view of a page, or "" when it has none.
fn first_view(html: &str) -> &str {
    match html.find(r#"<div id="ntm-first-view""#) {
        Some(start) => {
            let end = html
                .find("<noscript>")
                .expect("noscript follows the first view");
            &html[start..end]
        }
        None => "",
    }
}

#[tokio::test]
async fn the_home_page_carries_the_newest_articles() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    let newest = get(&app, "/api/articles?page=1").await.json();
    let res = get(&app, "/").await;
    assert_eq!(res.status, StatusCode::OK);
    let html = res.text();
    let view = first_view(&html);
    assert!(view.contains(r#"data-path="/""#), "{view}");
    assert!(view.contains(r#"<h1 class="page-title">Tin mới nhất</h1>"#));
    let items = newest["items"].as_array().unwrap();
    assert_eq!(
        view.matches(r#"<li class="news-item">"#).count(),
        items.len()
    );
    for item in items {
        let link = format!(r#"<a href="/tin-tuc/{}">"#, item["slug"].as_str().unwrap());
        assert!(view.contains(&link), "{link}");
    }
    // The menu comes from the site information; the search works without script.
    assert!(view.contains(r#"<nav aria-label="Menu chính" class="main-menu">"#));
    assert!(view.contains(r#"<a href="/van-ban">Văn bản</a>"#));
    assert!(view.contains(r#"<a href="/" aria-current="page">Trang chủ</a>"#));
    assert!(view.contains(r#"<form role="search" aria-label="Tìm kiếm bài viết" action="/tim-kiem" class="search-box">"#));
    assert!(view.contains(r#"<input id="fv-search-q" type="search" name="q""#));
    assert!(html.contains("<title>Nông thôn mới Hà Tĩnh</title>"));
    // The app's code waits for the first view's pictures: no wasm preload.
    assert!(!html.contains("a_bg.wasm"), "{html}");
}

#[tokio::test]
async fn lists_carry_the_page_asked_for_and_categories_their_own() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    // Page 2 of the home list, with a pager both ways.
    let second = get(&app, "/api/articles?page=2").await.json();
    let html = get(&app, "/?trang=2").await.text();
    let view = first_view(&html);
    assert!(view.contains(r#"data-path="/?trang=2""#), "{view}");
    for item in second["items"].as_array().unwrap() {
        let link = format!(r#"<a href="/tin-tuc/{}">"#, item["slug"].as_str().unwrap());
        assert!(view.contains(&link), "{link}");
    }
    assert!(
        view.contains(r#"<a href="/" rel="prev">« Trang trước</a>"#),
        "{view}"
    );
    let status = format!("Trang 2/{}", second["total_pages"]);
    assert!(view.contains(&status), "{view}");
    // A category: its name as heading and title, its description, its articles
    // only and no category beside each.
    let ocop = get(&app, "/api/articles?page=1&category=chuong-trinh-ocop")
        .await
        .json();
    let html = get(&app, "/chuyen-muc/chuong-trinh-ocop").await.text();
    let view = first_view(&html);
    let name = ocop["category"]["name"].as_str().unwrap();
    assert!(
        view.contains(&format!(r#"<h1 class="page-title">{name}</h1>"#)),
        "{view}"
    );
    assert!(view.contains(r#"class="breadcrumb""#));
    assert!(html.contains(&format!("<title>{name} - Nông thôn mới Hà Tĩnh</title>")));
    let description = ocop["category"]["description"].as_str().unwrap();
    assert!(html.contains(&format!(
        r#"<meta name="description" content="{description}">"#
    )));
    let items = ocop["items"].as_array().unwrap();
    assert_eq!(
        view.matches(r#"<li class="news-item">"#).count(),
        items.len()
    );
    assert!(!view.contains(r#"<p class="news-meta"><a href="/chuyen-muc/"#));
}

#[tokio::test]
async fn the_documents_page_carries_its_list_and_a_form_the_app_replaces() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    let newest = get(&app, "/api/documents?page=1&per_page=10").await.json();
    let facets = get(&app, "/api/documents/facets").await.json();
    let html = get(&app, "/van-ban").await.text();
    let view = first_view(&html);
    assert!(view.contains(r#"data-path="/van-ban""#), "{view}");
    assert!(html.contains("<title>Văn bản ban hành - Nông thôn mới Hà Tĩnh</title>"));
    assert!(view.contains(r#"<h1 class="page-title">Văn bản ban hành</h1>"#));
    let count = format!("Tìm thấy {} văn bản.", newest["total_items"]);
    assert!(view.contains(&count), "{view}");
    let items = newest["items"].as_array().unwrap();
    assert_eq!(
        view.matches(r#"<li class="doc-item">"#).count(),
        items.len()
    );
    for d in items {
        let name = format!(
            r#"<a href="/van-ban/{}" class="doc-name">{} số {}</a>"#,
            d["slug"].as_str().unwrap(),
            d["kind"].as_str().unwrap(),
            d["number"].as_str().unwrap()
        );
        assert!(view.contains(&name), "{name}");
    }
    // Every filter value the app offers, in a form the hand-over drops (the
    // app shows its own at once); inert, it waits for the app.
    assert!(
        view.contains(r#"<form role="search" aria-label="Tìm văn bản" inert class="doc-search">"#)
    );
    for kind in facets["kinds"].as_array().unwrap() {
        let kind = kind.as_str().unwrap();
        assert!(
            view.contains(&format!(r#"<option value="{kind}">{kind}</option>"#)),
            "{kind}"
        );
    }
    assert!(view.contains(r#"<nav aria-label="Đường dẫn" class="breadcrumb">"#));
    assert!(
        !view.contains(r#"id="doc-"#),
        "the app's ids stay the app's"
    );
    // Page 2, when there is one, the way the app's pager links it.
    if newest["total_pages"].as_u64().unwrap() > 1 {
        let html = get(&app, "/van-ban?trang=2").await.text();
        let view = first_view(&html);
        assert!(
            view.contains(r#"<a href="/van-ban" rel="prev">« Trang trước</a>"#),
            "{view}"
        );
    }
}

#[tokio::test]
async fn a_search_carries_what_it_found() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    let found = get(&app, "/api/search?q=n%C3%B4ng%20th%C3%B4n&page=1")
        .await
        .json();
    // As the header's form sends it, without script.
    let html = get(&app, "/tim-kiem?q=n%C3%B4ng+th%C3%B4n").await.text();
    let view = first_view(&html);
    assert!(
        view.contains(r#"data-path="/tim-kiem?q=n%C3%B4ng+th%C3%B4n""#),
        "{view}"
    );
    assert!(html.contains("<title>Tìm kiếm - Nông thôn mới Hà Tĩnh</title>"));
    assert!(view.contains(r#"<h1 class="page-title">Kết quả tìm kiếm</h1>"#));
    let count = format!(
        "Tìm thấy {} bài viết với từ khóa “nông thôn”.",
        found["total_items"]
    );
    assert!(view.contains(&count), "{view}");
    let items = found["items"].as_array().unwrap();
    assert_eq!(
        view.matches(r#"<li class="news-item">"#).count(),
        items.len()
    );
    if found["total_pages"].as_u64().unwrap() > 1 {
        assert!(
            view.contains(r#"<a href="/tim-kiem?q=n%C3%B4ng%20th%C3%B4n&amp;trang=2" rel="next">"#),
            "{view}"
        );
    }
    // Nothing found, and words that are markup: escaped, said plainly.
    let html = get(&app, "/tim-kiem?q=%3Cscript%3Ex%3C%2Fscript%3E")
        .await
        .text();
    let view = first_view(&html);
    assert!(
        view.contains("Không tìm thấy bài viết nào với từ khóa “&lt;script&gt;x&lt;/script&gt;”."),
        "{view}"
    );
    assert!(!view.contains("<script>"));
}

#[tokio::test]
async fn an_article_page_carries_the_article() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    let slug = "thuc-day-chuong-trinh-ocop-o-binh-lieu";
    let article = get(&app, &format!("/api/articles/{slug}")).await.json();
    let html = get(&app, &format!("/tin-tuc/{slug}")).await.text();
    let view = first_view(&html);
    let title = article["title"].as_str().unwrap();
    assert!(
        view.contains(&format!(r#"<h1 class="article-title">{title}</h1>"#)),
        "{view}"
    );
    let date = format_datetime(article["published_at"].as_i64().unwrap());
    assert!(view.contains(&date), "{date}");
    assert!(view.contains(article["lead"].as_str().unwrap()));
    assert!(view.contains(r#"<div class="article-body">"#));
    assert!(view.contains(&format!(
        r#"<img src="{}""#,
        article["image"]["src"].as_str().unwrap()
    )));
    assert!(view.contains("Những tin cũ hơn"));
    // Title and description of the page are the article's.
    assert!(html.contains(&format!("<title>{title} - Nông thôn mới Hà Tĩnh</title>")));
    assert!(html.contains(&format!(
        r#"<meta name="description" content="{}">"#,
        article["lead"].as_str().unwrap()
    )));
}

#[tokio::test]
async fn the_first_view_counts_no_view() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    let slug = "thuc-day-chuong-trinh-ocop-o-binh-lieu";
    let api = format!("/api/articles/{slug}");
    let before = get(&app, &api).await.json()["views"].as_u64().unwrap();
    for _ in 0..3 {
        let html = get(&app, &format!("/tin-tuc/{slug}")).await.text();
        assert!(!first_view(&html).is_empty());
    }
    let after = get(&app, &api).await.json()["views"].as_u64().unwrap();
    assert_eq!(after, before + 1, "only the API's own reads count");
}

#[tokio::test]
async fn other_pages_have_none() {
    let (db, _dir) = seeded_db();
    let (app, _d) = site(db);
    for uri in [
        "/index.html",
        "/?trang=2&a=b",
        "/?trang=0",
        "/tin-tuc/khong-co-bai-nay",
        "/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu?trang=2",
        "/tim-kiem",
        "/chuyen-muc/khong-co",
        "/van-ban?loai=C%C3%B4ng%20v%C4%83n",
        "/van-ban/6748-ubnd-nl5",
        "/khong-co",
    ] {
        let html = get(&app, uri).await.text();
        assert_eq!(first_view(&html), "", "{uri}");
        assert!(
            html.contains("<title>Nông thôn mới Hà Tĩnh</title>"),
            "{uri}"
        );
        // Without a first view the wasm is fetched at once.
        assert!(html.contains(r#"href="/a_bg.wasm""#), "{uri}");
    }
}

#[tokio::test]
async fn a_database_without_site_information_gets_no_first_view() {
    let (app, _d) = site(small_db(2));
    for uri in ["/", "/tin-tuc/bai-0"] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(first_view(&res.text()), "", "{uri}");
    }
}

#[tokio::test]
async fn hostile_content_is_escaped_and_cleaned() {
    let (db, _dir) = seeded_db();
    db.insert_article(&NewArticle {
        slug: "doc-hai".into(),
        category_slug: "chuong-trinh-ocop".into(),
        title: r#"<script>alert(1)</script>"#.into(),
        lead: r#""><img src=x onerror=alert(2)>"#.into(),
        author: "<b onmouseover=alert(3)>Tác giả</b>".into(),
        source: "javascript:alert(4)".into(),
        tags: vec!["<svg onload=alert(5)>".into()],
        published_at: timestamp_vn(2030, 1, 1, 8, 0),
        ..Default::default()
    })
    .unwrap();
    // Past the cleaning on the way in, as if written by another program.
    db.with(|c| {
        c.execute(
            "UPDATE articles SET body_html = ?1 WHERE slug = 'doc-hai'",
            [r#"<p>Chữ</p><script>alert(6)</script><img src="x" onerror="alert(7)"><a href="javascript:alert(8)">x</a>"#],
        )
        .unwrap();
    });
    let (app, _d) = site(db);
    let plain_policy = get(&app, "/index.html")
        .await
        .header("content-security-policy")
        .to_owned();
    for uri in ["/tin-tuc/doc-hai", "/"] {
        let res = get(&app, uri).await;
        let html = res.text();
        let view = first_view(&html);
        assert!(!view.is_empty(), "{uri}");
        // Markup that would run, as markup (as text, escaped, it may stay).
        for bad in [
            "<script",
            "<svg",
            "<img src=x",
            "onerror=\"",
            "<b onmouseover",
            "href=\"javascript",
        ] {
            assert!(!view.contains(bad), "{uri}: {bad} in {view}");
        }
        assert!(
            view.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{uri}"
        );
        // The page's own boot script is the only inline one the policy allows.
        assert_eq!(res.header("content-security-policy"), plain_policy, "{uri}");
    }
    let html = get(&app, "/tin-tuc/doc-hai").await.text();
    assert!(html.contains("<p>Chữ</p>"));
    assert!(html
        .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; - Nông thôn mới Hà Tĩnh</title>"));
}

#[tokio::test]
async fn decomposed_text_is_shown_composed_as_the_app_shows_it() {
    let (db, _dir) = seeded_db();
    // "Chỗ ngắt" written decomposed: o + circumflex + tilde, a + breve + acute.
    let decomposed = "Cho\u{302}\u{303} nga\u{306}\u{301}t";
    db.insert_article(&NewArticle {
        slug: "to-hop".into(),
        category_slug: "chuong-trinh-ocop".into(),
        title: decomposed.into(),
        lead: decomposed.into(),
        body_html: format!("<pre>{decomposed}</pre>"),
        published_at: timestamp_vn(2030, 1, 1, 8, 0),
        ..Default::default()
    })
    .unwrap();
    let (app, _d) = site(db);
    let html = get(&app, "/tin-tuc/to-hop").await.text();
    let view = first_view(&html);
    assert!(!view.contains(decomposed), "{view}");
    assert!(view.contains("<pre>Chỗ ngắt</pre>"), "{view}");
    assert!(html.contains("<title>Chỗ ngắt - "), "{html}");
    assert!(html.contains(r#"<meta name="description" content="Chỗ ngắt">"#));
}
