//! Star ratings: one per visitor, counted exactly, bad input refused.

mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::NewArticle;
use ntm_server::{app, Db, Limits, Options};
use ntm_types::RatingState;

const URI: &str = "/api/articles/bai-0/rating";

fn state(res: &Answer) -> RatingState {
    serde_json::from_slice(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.text()))
}

fn limited_app(db: Db, per_ip: u32, clock: Arc<AtomicI64>) -> axum::Router {
    app(
        db,
        Options {
            limits: Limits {
                ratings_per_ip_per_day: per_ip,
                trust_forwarded_for: true,
                ..Limits::default()
            },
            clock: Some(Arc::new(move || clock.load(Ordering::SeqCst))),
            ..Default::default()
        },
    )
}

#[tokio::test]
async fn the_visit_report_sets_an_httponly_visitor_cookie() {
    let app = api(small_db(1));
    let res = post_json(&app, "/api/visits", &[], r#"{"path":"/"}"#).await;
    assert_eq!(res.status, StatusCode::OK);
    let cookie = res.header("set-cookie");
    assert!(cookie.starts_with("ntm_vid="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    // A browser that has one keeps it; reads never hand out another.
    let again = post_json(
        &app,
        "/api/visits",
        &[("cookie", &visitor(1))],
        r#"{"path":"/"}"#,
    )
    .await;
    assert_eq!(again.header("set-cookie"), "");
    let read = get(&app, URI).await;
    assert_eq!(read.header("set-cookie"), "");
    assert_eq!(
        state(&read),
        RatingState {
            enabled: true,
            total: 0,
            count: 0,
            mine: None
        }
    );
}

#[tokio::test]
async fn one_rating_per_visitor() {
    let app = api(small_db(1));
    let me = visitor(7);
    let res = post_json(&app, URI, &[("cookie", &me)], r#"{"points":4}"#).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        state(&res),
        RatingState {
            enabled: true,
            total: 4,
            count: 1,
            mine: Some(4)
        }
    );

    let again = post_json(&app, URI, &[("cookie", &me)], r#"{"points":1}"#).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json()["code"], "already_rated");
    assert_eq!(again.json()["message"], "Bạn đã đánh giá bài viết này rồi.");

    // After a reload the visitor sees their own rating; others do not.
    assert_eq!(
        state(&get_with(&app, URI, &[("cookie", &me)]).await).mine,
        Some(4)
    );
    let other = state(&get_with(&app, URI, &[("cookie", &visitor(8))]).await);
    assert_eq!(
        other,
        RatingState {
            enabled: true,
            total: 4,
            count: 1,
            mine: None
        }
    );

    // Another visitor may rate, and the totals add up.
    let res = post_json(&app, URI, &[("cookie", &visitor(8))], r#"{"points":5}"#).await;
    assert_eq!(
        state(&res),
        RatingState {
            enabled: true,
            total: 9,
            count: 2,
            mine: Some(5)
        }
    );
    let article = get(&app, "/api/articles/bai-0").await.json();
    assert_eq!(article["rating"]["total"], 9);
    assert_eq!(article["rating"]["count"], 2);
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let app = api(small_db(1));
    let me = visitor(3);
    for body in [
        r#"{"points":0}"#,
        r#"{"points":6}"#,
        r#"{"points":-1}"#,
        r#"{"points":4.5}"#,
        r#"{"points":"5"}"#,
        r#"{"points":5,"extra":1}"#,
        r#"{"points":"#,
        "",
        "[5]",
    ] {
        let res = post_json(&app, URI, &[("cookie", &me)], body).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(res.json()["code"], "invalid_rating", "{body}");
    }
    let res = post_json(
        &app,
        "/api/articles/khong-co/rating",
        &[("cookie", &me)],
        r#"{"points":5}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.json()["code"], "not_found");
    // No cookie, or one the backend never made.
    for cookie in [None, Some("ntm_vid=abc"), Some("ntm_vid=<script>")] {
        let headers: Vec<(&str, &str)> = cookie.map(|c| ("cookie", c)).into_iter().collect();
        let res = post_json(&app, URI, &headers, r#"{"points":5}"#).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{cookie:?}");
        assert_eq!(res.json()["code"], "no_visitor");
    }
    // Not JSON at all.
    let res = send(
        &app,
        "POST",
        URI,
        &[
            ("cookie", &me),
            ("content-type", "application/x-www-form-urlencoded"),
        ],
        "points=5",
    )
    .await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.json()["code"], "unsupported_media_type");

    assert_eq!(
        state(&get(&app, URI).await),
        RatingState {
            enabled: true,
            total: 0,
            count: 0,
            mine: None
        }
    );
}

#[tokio::test]
async fn switched_off_rating_is_refused() {
    let db = small_db(0);
    db.insert_article(&NewArticle {
        slug: "tat".into(),
        category_slug: "mot".into(),
        title: "Không đánh giá".into(),
        rating_enabled: false,
        published_at: 1,
        ..Default::default()
    })
    .unwrap();
    let app = api(db);
    let res = post_json(
        &app,
        "/api/articles/tat/rating",
        &[("cookie", &visitor(1))],
        r#"{"points":5}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json()["code"], "rating_disabled");
    assert!(!state(&get(&app, "/api/articles/tat/rating").await).enabled);
}

#[tokio::test]
async fn one_address_is_capped_per_day_but_a_household_can_rate() {
    let clock = Arc::new(AtomicI64::new(1_700_000_000));
    let app = limited_app(small_db(1), 3, clock.clone());
    let village = ("x-forwarded-for", "203.0.113.7");
    for n in 0..3 {
        let res = post_json(
            &app,
            URI,
            &[("cookie", &visitor(n)), village],
            r#"{"points":5}"#,
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "visitor {n} of the household");
    }
    let res = post_json(
        &app,
        URI,
        &[("cookie", &visitor(3)), village],
        r#"{"points":5}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.json()["code"], "too_many_ratings");
    // Another address is not affected.
    let res = post_json(
        &app,
        URI,
        &[("cookie", &visitor(4)), ("x-forwarded-for", "198.51.100.1")],
        r#"{"points":5}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    // A day later the address may rate again.
    clock.fetch_add(86_401, Ordering::SeqCst);
    let res = post_json(
        &app,
        URI,
        &[("cookie", &visitor(3)), village],
        r#"{"points":1}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        state(&res),
        RatingState {
            enabled: true,
            total: 21,
            count: 5,
            mine: Some(1)
        }
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_visitors_at_once_are_counted_exactly() {
    let (db, _dir) = seeded_db();
    let app = limited_app(db, 50, Arc::new(AtomicI64::new(1_700_000_000)));
    let uri = "/api/articles/thuc-day-chuong-trinh-ocop-o-binh-lieu/rating";
    let tasks: Vec<_> = (0..200u32)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move {
                let cookie = visitor(n + 1);
                // Ten addresses, twenty visitors behind each.
                let ip = format!("192.0.2.{}", n % 10);
                let body = format!(r#"{{"points":{}}}"#, n % 5 + 1);
                // Each visitor also tries twice: the second must be refused.
                let first = post_json(
                    &app,
                    uri,
                    &[("cookie", &cookie), ("x-forwarded-for", &ip)],
                    &body,
                )
                .await;
                let second = post_json(
                    &app,
                    uri,
                    &[("cookie", &cookie), ("x-forwarded-for", &ip)],
                    &body,
                )
                .await;
                (first.status, second.status)
            })
        })
        .collect();
    for t in tasks {
        let (first, second) = t.await.unwrap();
        assert_eq!(first, StatusCode::OK);
        assert_eq!(second, StatusCode::CONFLICT);
    }
    let s = state(&get(&app, uri).await);
    let expected: u32 = (0..200).map(|n| n % 5 + 1).sum();
    assert_eq!((s.total, s.count), (expected, 200));
}
