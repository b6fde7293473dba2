//! Caching rules of the API: public reads have validators and may sit in a
//! shared cache a few seconds; answers that depend on the visitor never do;
//! writes are never kept.

mod common;

use axum::http::StatusCode;
use common::{api, get, get_with, post_json, small_db, visitor};
use ntm_server::{app, Limits, Options};

#[tokio::test]
async fn public_reads_have_an_etag_and_answer_304_when_unchanged() {
    let app = api(small_db(12));
    let first = get(&app, "/api/articles").await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(
        first.header("cache-control"),
        "public, max-age=0, s-maxage=30"
    );
    let etag = first.header("etag").to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = get_with(&app, "/api/articles", &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header("etag"), etag);
    // Compressed, the same answer: the same (weak) tag.
    let br = get_with(&app, "/api/articles", &[("accept-encoding", "br")]).await;
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(br.header("etag"), etag);
    // Another answer, another tag; a tag of something else gets the body.
    let page2 = get(&app, "/api/articles?page=2").await;
    assert_ne!(page2.header("etag"), etag);
    let other = get_with(&app, "/api/articles", &[("if-none-match", "W/\"x\"")]).await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(!other.body.is_empty());
}

#[tokio::test]
async fn the_tag_changes_when_the_figures_do() {
    let app = api(small_db(1));
    let before = get(&app, "/api/stats").await;
    // Statistics change by the second: kept at most 10 s.
    assert_eq!(
        before.header("cache-control"),
        "public, max-age=0, s-maxage=10"
    );
    let visit = post_json(
        &app,
        "/api/visits",
        &[("cookie", &visitor(1))],
        r#"{"path":"/"}"#,
    )
    .await;
    assert_eq!(visit.status, StatusCode::OK);
    assert_eq!(visit.header("cache-control"), "no-store");
    assert!(visit.header("etag").is_empty());
    let after = get_with(
        &app,
        "/api/stats",
        &[("if-none-match", before.header("etag"))],
    )
    .await;
    assert_eq!(after.status, StatusCode::OK);
    assert_ne!(after.header("etag"), before.header("etag"));
}

#[tokio::test]
async fn what_depends_on_the_visitor_is_never_kept_by_a_shared_cache() {
    let app = api(small_db(3));
    let me = visitor(7);
    let articles = get(&app, "/api/articles").await.json();
    let slug = articles["items"][0]["slug"].as_str().unwrap().to_owned();
    for uri in [
        format!("/api/articles/{slug}/rating"),
        "/api/polls".to_owned(),
        "/api/session".to_owned(),
    ] {
        let res = get_with(&app, &uri, &[("cookie", &me)]).await;
        assert_eq!(res.header("cache-control"), "private, no-cache", "{uri}");
        assert!(res.header("etag").is_empty(), "{uri}");
    }
    let rated = post_json(
        &app,
        &format!("/api/articles/{slug}/rating"),
        &[("cookie", &me)],
        r#"{"points":4}"#,
    )
    .await;
    assert_eq!(rated.header("cache-control"), "no-store");
    // An error is not kept either.
    let missing = get(&app, "/api/articles/khong-co").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.header("cache-control"), "no-cache");
    assert!(missing.header("etag").is_empty());
}

#[tokio::test]
async fn health_answers_and_is_never_kept() {
    let app = api(small_db(1));
    let res = get(&app, "/api/health").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json(), serde_json::json!({"status": "ok"}));
    assert_eq!(res.header("cache-control"), "no-store");
}

#[tokio::test]
async fn the_deployer_sets_how_long_a_shared_cache_keeps_answers() {
    let app = app(
        small_db(1),
        Options {
            limits: Limits {
                shared_cache_seconds: 0,
                ..Limits::default()
            },
            ..Default::default()
        },
    );
    let res = get(&app, "/api/articles").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("cache-control"), "public, max-age=0, s-maxage=0");
}
