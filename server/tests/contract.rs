//! The OpenAPI document in `openapi/openapi.json` and the JSON actually served
//! must agree.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");

#[test]
fn committed_document_is_the_generated_one() {
    let generated = ntm_server::openapi::document_json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(DOC_PATH, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(DOC_PATH).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test -p ntm-server --test contract`"
    );
    let doc: Value = serde_json::from_str(&committed).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
}

/// The document with every object schema closed (`additionalProperties: false`),
/// so a field served but not documented fails as surely as one documented but
/// not served.
fn strict_document() -> Value {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(DOC_PATH).unwrap()).unwrap();
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

fn check(doc: &Value, path: &str, status: StatusCode, body: &Value) {
    let schema = &doc["paths"][path]["get"]["responses"][status.as_str()]["content"]
        ["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "no schema documented for {path} {status}"
    );
    let root = json!({ "components": doc["components"], "allOf": [schema] });
    let validator = jsonschema::draft202012::new(&root).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{path} {status}: {errors:#?}\n{body:#}");
}

#[tokio::test]
async fn served_json_follows_the_document() {
    let doc = strict_document();
    let (db, _dir) = seeded_db();
    let app = api(db);
    let cases = [
        ("/api/categories", "/categories", StatusCode::OK),
        ("/api/articles", "/articles", StatusCode::OK),
        (
            "/api/articles?category=hoc-tap-dao-duc-hcm&page=2&per_page=5",
            "/articles",
            StatusCode::OK,
        ),
        ("/api/articles?page=0", "/articles", StatusCode::BAD_REQUEST),
        (
            "/api/articles?category=khong-co",
            "/articles",
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/articles/thuc-day-chuong-trinh-ocop-o-binh-lieu",
            "/articles/{slug}",
            StatusCode::OK,
        ),
        (
            "/api/articles/khong-co",
            "/articles/{slug}",
            StatusCode::NOT_FOUND,
        ),
    ];
    for (uri, path, status) in cases {
        let res = get(&app, uri).await;
        assert_eq!(res.status, status, "{uri}");
        check(&doc, path, status, &res.json());
    }
    // Every documented path is exercised above.
    for path in doc["paths"].as_object().unwrap().keys() {
        assert!(
            cases.iter().any(|(_, p, _)| p == path),
            "{path} is not checked"
        );
    }
}

#[tokio::test]
async fn the_document_is_served_too() {
    let res = get(&api(small_db(0)), "/api/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text(), ntm_server::openapi::document_json());
}
