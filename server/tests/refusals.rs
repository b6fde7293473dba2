//! Every way a request can be wrong is refused with a 4xx `ApiError` in JSON,
//! in Vietnamese: unknown query parameters, oversized bodies, bad JSON, the
//! wrong method, an unknown path, and too many writes from one address.

mod common;

use axum::http::StatusCode;
use common::*;
use ntm_server::{app, Limits, Options};
use ntm_types::{ApiError, ArticlePage, DocumentPage, Poll};

/// Asserts a JSON refusal with `status` and a Vietnamese message; returns it.
#[track_caller]
fn refused(res: &Answer, status: StatusCode, what: &str) -> ApiError {
    assert_eq!(res.status, status, "{what}: {}", res.text());
    assert!(
        res.header("content-type").starts_with("application/json"),
        "{what}: content-type {:?}",
        res.header("content-type")
    );
    let err: ApiError = serde_json::from_slice(&res.body)
        .unwrap_or_else(|e| panic!("{what}: not an ApiError ({e}): {}", res.text()));
    assert!(!err.code.is_empty(), "{what}");
    // Vietnamese with its diacritics, not an English default.
    assert!(!err.message.is_ascii(), "{what}: {}", err.message);
    err
}

/// Real targets in the demo content, found through the API itself.
struct Site {
    app: axum::Router,
    article: String,
    document: String,
    file: String,
    poll: i64,
    option: i64,
    _dir: tempfile::TempDir,
}

impl Site {
    async fn new() -> Site {
        Self::with_limits(Limits::default()).await
    }

    async fn with_limits(limits: Limits) -> Site {
        let (db, dir) = seeded_db();
        let app = app(
            db,
            Options {
                limits,
                ..Options::default()
            },
        );
        let articles: ArticlePage =
            serde_json::from_slice(&get(&app, "/api/articles?per_page=50").await.body).unwrap();
        // One that takes ratings, so a well-formed rating is accepted.
        let mut article = None;
        for a in &articles.items {
            let rating = get(&app, &format!("/api/articles/{}/rating", a.slug)).await;
            if rating.json()["enabled"] == true {
                article = Some(a.slug.clone());
                break;
            }
        }
        let documents: DocumentPage =
            serde_json::from_slice(&get(&app, "/api/documents?per_page=50").await.body).unwrap();
        let mut found = None;
        for d in &documents.items {
            let doc = get(&app, &format!("/api/documents/{}", d.slug))
                .await
                .json();
            if let Some(file) = doc["attachments"][0]["file_name"].as_str() {
                found = Some((d.slug.clone(), file.to_owned()));
                break;
            }
        }
        let (document, file) = found.expect("a document with an attachment");
        let poll: Poll =
            serde_json::from_slice(&get(&app, "/api/polls/current").await.body).unwrap();
        assert!(poll.open, "the current demo poll takes votes");
        Site {
            app,
            article: article.expect("an article that takes ratings"),
            document,
            file,
            poll: poll.id,
            option: poll.options[0].id,
            _dir: dir,
        }
    }

    /// Every GET route, with parameters it takes, as its page would ask.
    fn get_routes(&self) -> Vec<String> {
        let (a, d, f, p) = (&self.article, &self.document, &self.file, self.poll);
        vec![
            "/api/categories".into(),
            "/api/articles?page=1".into(),
            format!("/api/articles/{a}"),
            format!("/api/articles/{a}/rating"),
            "/api/documents?q=nong+thon".into(),
            "/api/documents/facets".into(),
            format!("/api/documents/{d}"),
            format!("/api/documents/{d}/files/{f}"),
            "/api/polls".into(),
            "/api/polls/current".into(),
            format!("/api/polls/{p}"),
            format!("/api/polls/{p}/results"),
            "/api/site".into(),
            "/api/search?q=ocop".into(),
            "/api/stats".into(),
            "/api/stats/daily?days=7".into(),
            "/api/openapi.json".into(),
        ]
    }

    /// Every POST route with a well-formed body.
    fn post_routes(&self) -> Vec<(String, String)> {
        vec![
            (
                format!("/api/articles/{}/rating", self.article),
                r#"{"points":4}"#.into(),
            ),
            (
                format!("/api/polls/{}/vote", self.poll),
                format!(r#"{{"options":[{}]}}"#, self.option),
            ),
            ("/api/visits".into(), r#"{"path":"/"}"#.into()),
        ]
    }
}

fn with_param(uri: &str, param: &str) -> String {
    let sep = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{sep}{param}")
}

#[tokio::test]
async fn unknown_query_parameters_are_refused_on_every_route() {
    let site = Site::new().await;
    for uri in site.get_routes() {
        // As asked, the route answers…
        let ok = get(&site.app, &uri).await;
        assert_eq!(ok.status, StatusCode::OK, "{uri}");
        // …and so it does with an empty query string…
        let empty = get(&site.app, &with_param(&uri, "&")).await;
        assert_eq!(empty.status, StatusCode::OK, "{uri}&");
        // …but not with a parameter it does not know, with or without a value.
        for param in ["x=1", "utm_source=zalo", "trang", "=", "PAGE=1"] {
            let bad = with_param(&uri, param);
            let err = refused(&get(&site.app, &bad).await, StatusCode::BAD_REQUEST, &bad);
            assert_eq!(err.code, "bad_request", "{bad}");
            assert_eq!(
                err.message, "Địa chỉ có tham số không được hỗ trợ.",
                "{bad}"
            );
        }
    }
    // A repeated parameter is said as such.
    for uri in ["/api/articles?page=1&page=2", "/api/search?q=a&q=b"] {
        let err = refused(&get(&site.app, uri).await, StatusCode::BAD_REQUEST, uri);
        assert_eq!(err.message, "Địa chỉ có tham số bị lặp lại.", "{uri}");
    }
    // Writes too; and a refused write changes nothing.
    let me = visitor(7);
    for (uri, body) in site.post_routes() {
        let bad = with_param(&uri, "x=1");
        let res = post_json(&site.app, &bad, &[("cookie", &me)], &body).await;
        refused(&res, StatusCode::BAD_REQUEST, &bad);
        let res = post_json(&site.app, &uri, &[("cookie", &me)], &body).await;
        assert_eq!(res.status, StatusCode::OK, "{uri}: {}", res.text());
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let site = Site::new().await;
    let me = visitor(8);
    for (uri, body) in site.post_routes() {
        // Padding with white space keeps the JSON valid: only the size is wrong.
        let huge = format!("{body}{}", " ".repeat(8 * 1024));
        let res = post_json(&site.app, &uri, &[("cookie", &me)], &huge).await;
        let err = refused(&res, StatusCode::PAYLOAD_TOO_LARGE, &uri);
        assert_eq!(err.code, "too_large", "{uri}");
        assert_eq!(err.message, "Dữ liệu gửi lên quá lớn.", "{uri}");
        let res = post_json(&site.app, &uri, &[("cookie", &me)], &"x".repeat(1 << 20)).await;
        refused(&res, StatusCode::PAYLOAD_TOO_LARGE, &uri);
    }
    // A little padding is fine: the limits are a few KiB, not the body's exact size.
    let (uri, body) = &site.post_routes()[0];
    let padded = format!("{body}{}", " ".repeat(2 * 1024));
    let res = post_json(&site.app, uri, &[("cookie", &me)], &padded).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

#[tokio::test]
async fn bad_json_wrong_types_and_extra_fields_are_refused() {
    let site = Site::new().await;
    let me = visitor(9);
    let routes = site.post_routes();
    let malformed = [
        "",
        "{",
        r#"{"points":4"#,
        "null",
        "[]",
        "42",
        r#""text""#,
        "{}",
        "\u{feff}{}",
        r#"{"points":"4"}"#,
        r#"{"points":4.5}"#,
        r#"{"points":-1}"#,
        r#"{"points":300}"#,
        r#"{"options":"1"}"#,
        r#"{"options":[1.5]}"#,
        r#"{"options":[99999999999999999999]}"#,
        r#"{"options":{"0":1}}"#,
        r#"{"path":5}"#,
        r#"{"path":null}"#,
    ];
    for (uri, good) in &routes {
        for body in malformed {
            let res = post_json(&site.app, uri, &[("cookie", &me)], body).await;
            refused(&res, StatusCode::BAD_REQUEST, &format!("{uri} {body}"));
        }
        // A well-formed body with one field too many.
        let extra = format!(r#"{},"x":1}}"#, good.trim_end_matches('}'));
        let res = post_json(&site.app, uri, &[("cookie", &me)], &extra).await;
        refused(&res, StatusCode::BAD_REQUEST, &format!("{uri} {extra}"));
    }
    // Ratings and votes take JSON only; a visit report is read whatever its label
    // (sendBeacon may send it as text/plain), but must still be JSON.
    for (uri, body) in &routes[..2] {
        for content_type in [
            None,
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
        ] {
            let mut headers = vec![("cookie", me.as_str())];
            headers.extend(content_type.map(|c| ("content-type", c)));
            let res = send(&site.app, "POST", uri, &headers, body).await;
            let err = refused(&res, StatusCode::UNSUPPORTED_MEDIA_TYPE, uri);
            assert_eq!(err.code, "unsupported_media_type");
        }
    }
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let res = send(&site.app, "POST", "/api/visits", &form, "path=%2F").await;
    refused(&res, StatusCode::BAD_REQUEST, "form-encoded visit");
}

#[tokio::test]
async fn wrong_methods_are_refused_with_405_and_allow() {
    let site = Site::new().await;
    let me = visitor(10);
    let gets = site.get_routes();
    let posts = site.post_routes();
    for uri in &gets {
        let path = uri.split('?').next().unwrap();
        for method in ["PUT", "DELETE", "PATCH", "OPTIONS"] {
            let res = send(&site.app, method, path, &[("cookie", &me)], "").await;
            let err = refused(
                &res,
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("{method} {path}"),
            );
            assert_eq!(err.code, "method_not_allowed");
            assert!(res.header("allow").contains("GET"), "{method} {path}");
        }
        // POST only where a route takes it (the rating); elsewhere 405.
        if !posts.iter().any(|(p, _)| p == path) {
            let res = post_json(&site.app, path, &[("cookie", &me)], "{}").await;
            refused(
                &res,
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("POST {path}"),
            );
        }
    }
    for (uri, _) in &posts {
        for method in ["PUT", "DELETE"] {
            let res = send(&site.app, method, uri, &[("cookie", &me)], "").await;
            refused(
                &res,
                StatusCode::METHOD_NOT_ALLOWED,
                &format!("{method} {uri}"),
            );
            assert!(res.header("allow").contains("POST"), "{method} {uri}");
        }
    }
    for uri in [
        format!("/api/polls/{}/vote", site.poll),
        "/api/visits".into(),
    ] {
        let res = get(&site.app, &uri).await;
        let err = refused(&res, StatusCode::METHOD_NOT_ALLOWED, &format!("GET {uri}"));
        assert_eq!(
            err.message,
            "Địa chỉ này không hỗ trợ phương thức yêu cầu này."
        );
        assert_eq!(res.header("allow"), "POST", "GET {uri}");
    }
}

#[tokio::test]
async fn unknown_paths_and_unreadable_segments_are_json_404s() {
    let site = Site::new().await;
    for uri in [
        "/api",
        "/api/",
        "/api/khong-co",
        "/api/articles/",
        "/api/articles/a/b/c",
        "/api/articles/khong-co",
        "/api/articles/%FF%FE",
        "/api/articles/%FF/rating",
        "/api/documents/%C3%28",
        "/api/documents/khong-co/files/%FF.pdf",
        "/api/polls/abc",
        "/api/polls/-1",
        "/api/polls/99999999999999999999999",
        "/api/polls/1.5/results",
        "/api/polls/%00",
    ] {
        let err = refused(&get(&site.app, uri).await, StatusCode::NOT_FOUND, uri);
        assert_eq!(err.code, "not_found", "{uri}");
    }
    // Unreadable segments of writes too, before the body is looked at.
    let me = visitor(11);
    for uri in ["/api/polls/abc/vote", "/api/articles/%FF/rating"] {
        let res = post_json(&site.app, uri, &[("cookie", &me)], r#"{"options":[1]}"#).await;
        refused(&res, StatusCode::NOT_FOUND, uri);
    }
}

#[tokio::test]
async fn write_rates_are_limited_with_json_refusals() {
    let site = Site::with_limits(Limits {
        ratings_per_ip_per_day: 2,
        votes_per_ip_per_day: 2,
        ..Limits::default()
    })
    .await;
    for (uri, body) in &site.post_routes()[..2] {
        for n in 0..2 {
            let res = post_json(&site.app, uri, &[("cookie", &visitor(100 + n))], body).await;
            assert_eq!(res.status, StatusCode::OK, "{uri}: {}", res.text());
        }
        // A third browser behind the same address, the same day.
        let res = post_json(&site.app, uri, &[("cookie", &visitor(200))], body).await;
        let err = refused(&res, StatusCode::TOO_MANY_REQUESTS, uri);
        assert!(err.code.starts_with("too_many_"), "{uri}: {}", err.code);
    }
}
