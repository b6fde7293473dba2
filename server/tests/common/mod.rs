//! Helpers shared by the backend's integration tests.
#![allow(dead_code)]

pub mod process;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use ntm_server::db::NewArticle;
use ntm_server::{app, Db, Options};
use ntm_types::datetime::timestamp_vn;
use ntm_types::Category;
use serde_json::{json, Value};
use tower::ServiceExt;

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }
}

/// The session cookie (`name=value`) and CSRF token of a sign-in answer.
pub fn session_of(signed_in: &Answer) -> (String, String) {
    let cookie = signed_in
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = signed_in.json()["csrf_token"].as_str().unwrap().to_owned();
    (cookie, csrf)
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    get_with(app, uri, &[]).await
}

pub async fn get_with(app: &Router, uri: &str, headers: &[(&str, &str)]) -> Answer {
    send(app, "GET", uri, headers, "").await
}

/// POSTs `body` as JSON.
pub async fn post_json(app: &Router, uri: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    send(app, "POST", uri, &all, body).await
}

pub async fn send(
    app: &Router,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    answer(app, req.body(Body::from(body.to_owned())).unwrap()).await
}

/// Sends a request built by the caller (any body bytes) to the router.
pub async fn answer(app: &Router, req: Request<Body>) -> Answer {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// A database in a temporary file, seeded with the demo content, as on a first start.
pub fn seeded_db() -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("test.sqlite3")).unwrap();
    ntm_server::seed::fill_if_empty(&db, ntm_server::seed::Content::demo).unwrap();
    (db, dir)
}

/// An empty database with two categories and `n` articles in the first, one a
/// day from 01/03/2021 08:00, slugs `bai-0` … plus one in the second.
pub fn small_db(n: u32) -> Db {
    let db = Db::open_empty_in_memory().unwrap();
    for (i, (slug, name)) in [("mot", "Chuyên mục một"), ("hai", "Chuyên mục hai")]
        .iter()
        .enumerate()
    {
        db.insert_category(
            &Category {
                slug: slug.to_string(),
                name: name.to_string(),
                description: format!("Mô tả {name}"),
            },
            i as i64,
        )
        .unwrap();
    }
    for i in 0..n {
        db.insert_article(&NewArticle {
            slug: format!("bai-{i}"),
            category_slug: "mot".into(),
            title: format!("Bài số {i}"),
            lead: format!("Tóm tắt bài {i}"),
            body_html: format!("<p>Nội dung bài {i}</p>"),
            author: "Tác giả".into(),
            source: "nguon.vn".into(),
            tags: vec!["thẻ một".into(), "thẻ hai".into()],
            rating_enabled: true,
            published_at: timestamp_vn(2021, 3, 1, 8, 0) + i64::from(i) * 86_400,
            ..Default::default()
        })
        .unwrap();
    }
    db.insert_article(&NewArticle {
        slug: "khac".into(),
        category_slug: "hai".into(),
        title: "Bài của chuyên mục hai".into(),
        published_at: timestamp_vn(2021, 3, 5, 9, 30),
        ..Default::default()
    })
    .unwrap();
    db
}

pub fn api(db: Db) -> Router {
    app(db, Options::default())
}

/// A visitor cookie header of the shape the backend hands out, `n` making it unique.
pub fn visitor(n: u32) -> String {
    format!("ntm_vid={n:032x}")
}

/// The contract, as committed.
pub const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");

/// The document with every object schema closed (`additionalProperties: false`),
/// so a field served but not documented fails as surely as one documented but
/// not served.
pub fn strict_document() -> Value {
    // While the file is being rewritten (UPDATE_OPENAPI), check against what it will hold.
    let text = match std::env::var_os("UPDATE_OPENAPI") {
        Some(_) => ntm_server::openapi::document_json(),
        None => std::fs::read_to_string(DOC_PATH).unwrap(),
    };
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    for schema in doc["components"]["schemas"]
        .as_object_mut()
        .unwrap()
        .values_mut()
    {
        if schema["type"] == "object" {
            schema["additionalProperties"] = json!(false);
        }
    }
    doc
}

pub fn check(doc: &Value, method: &str, path: &str, status: StatusCode, body: &Value) {
    let schema = &doc["paths"][path][method]["responses"][status.as_str()]["content"]
        ["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "no schema documented for {method} {path} {status}"
    );
    let root = json!({ "components": doc["components"], "allOf": [schema] });
    let validator = jsonschema::draft202012::new(&root).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{path} {status}: {errors:#?}\n{body:#}");
}

/// Checks `/api/site`'s page links against the contract and `links`, and
/// answers the page `slug` as `/api/pages/{slug}` gives it (checked too).
pub async fn linked_page(app: &Router, links: Value, slug: &str) -> Value {
    let doc = strict_document();
    let site = get(app, "/api/site").await.json();
    check(&doc, "get", "/site", StatusCode::OK, &site);
    assert_eq!(site["pages"], links);
    let res = get(app, &format!("/api/pages/{slug}")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let page = res.json();
    check(&doc, "get", "/pages/{slug}", StatusCode::OK, &page);
    page
}
