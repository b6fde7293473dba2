//! The OpenAPI document in `openapi/openapi.json` and the JSON actually served
//! must agree.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

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

#[tokio::test]
async fn served_json_follows_the_document() {
    let doc = strict_document();
    let (db, _dir) = seeded_db();
    let app = api(db);
    let ocop = "/api/articles/thuc-day-chuong-trinh-ocop-o-binh-lieu";
    let rating = format!("{ocop}/rating");
    let off = "/api/articles/ha-tinh-trien-khai-nhiem-vu-xay-dung-nong-thon-moi-nam-2021/rating";
    let me = visitor(1);
    let big_visit = format!(r#"{{"path":"/{}"}}"#, "a".repeat(2000));
    // (method, uri, body, documented path, expected status)
    let cases: Vec<(&str, String, &str, &str, StatusCode)> = vec![
        (
            "get",
            "/api/categories".into(),
            "",
            "/categories",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/articles".into(),
            "",
            "/articles",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/articles?category=hoc-tap-dao-duc-hcm&page=2&per_page=5".into(),
            "",
            "/articles",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/articles?page=0".into(),
            "",
            "/articles",
            StatusCode::BAD_REQUEST,
        ),
        (
            "get",
            "/api/articles?category=khong-co".into(),
            "",
            "/articles",
            StatusCode::NOT_FOUND,
        ),
        ("get", ocop.into(), "", "/articles/{slug}", StatusCode::OK),
        (
            "get",
            "/api/articles/khong-co".into(),
            "",
            "/articles/{slug}",
            StatusCode::NOT_FOUND,
        ),
        (
            "get",
            rating.clone(),
            "",
            "/articles/{slug}/rating",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/articles/khong-co/rating".into(),
            "",
            "/articles/{slug}/rating",
            StatusCode::NOT_FOUND,
        ),
        (
            "post",
            rating.clone(),
            r#"{"points":5}"#,
            "/articles/{slug}/rating",
            StatusCode::OK,
        ),
        (
            "post",
            rating.clone(),
            r#"{"points":5}"#,
            "/articles/{slug}/rating",
            StatusCode::CONFLICT,
        ),
        (
            "post",
            rating.clone(),
            r#"{"points":9}"#,
            "/articles/{slug}/rating",
            StatusCode::BAD_REQUEST,
        ),
        (
            "post",
            off.into(),
            r#"{"points":5}"#,
            "/articles/{slug}/rating",
            StatusCode::FORBIDDEN,
        ),
        (
            "post",
            "/api/articles/khong-co/rating".into(),
            r#"{"points":5}"#,
            "/articles/{slug}/rating",
            StatusCode::NOT_FOUND,
        ),
        ("get", "/api/polls".into(), "", "/polls", StatusCode::OK),
        (
            "get",
            "/api/polls/current".into(),
            "",
            "/polls/current",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/polls/1".into(),
            "",
            "/polls/{id}",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/polls/99".into(),
            "",
            "/polls/{id}",
            StatusCode::NOT_FOUND,
        ),
        (
            "get",
            "/api/polls/1/results".into(),
            "",
            "/polls/{id}/results",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/polls/99/results".into(),
            "",
            "/polls/{id}/results",
            StatusCode::NOT_FOUND,
        ),
        (
            "post",
            "/api/polls/1/vote".into(),
            r#"{"options":[1]}"#,
            "/polls/{id}/vote",
            StatusCode::OK,
        ),
        (
            "post",
            "/api/polls/1/vote".into(),
            r#"{"options":[2]}"#,
            "/polls/{id}/vote",
            StatusCode::CONFLICT,
        ),
        (
            "post",
            "/api/polls/2/vote".into(),
            r#"{"options":[]}"#,
            "/polls/{id}/vote",
            StatusCode::BAD_REQUEST,
        ),
        (
            "post",
            "/api/polls/3/vote".into(),
            r#"{"options":[12]}"#,
            "/polls/{id}/vote",
            StatusCode::FORBIDDEN,
        ),
        (
            "post",
            "/api/polls/99/vote".into(),
            r#"{"options":[1]}"#,
            "/polls/{id}/vote",
            StatusCode::NOT_FOUND,
        ),
        ("get", "/api/session".into(), "", "/session", StatusCode::OK),
        (
            "post",
            "/api/members".into(),
            r#"{"name":"Trần Thị B","email":"b@xa.vn","password":"mat-khau-dai"}"#,
            "/members",
            StatusCode::ACCEPTED,
        ),
        (
            "post",
            "/api/members".into(),
            r#"{"name":"Trần Thị B","email":"b@xa","password":"mat-khau-dai"}"#,
            "/members",
            StatusCode::BAD_REQUEST,
        ),
        (
            "post",
            "/api/session".into(),
            r#"{"email":"b@xa.vn","password":"mat-khau-dai"}"#,
            "/session",
            StatusCode::OK,
        ),
        (
            "post",
            "/api/session".into(),
            r#"{"email":"b@xa.vn","password":"sai-mat-khau"}"#,
            "/session",
            StatusCode::UNAUTHORIZED,
        ),
        (
            "post",
            "/api/session/extend".into(),
            "{}",
            "/session/extend",
            StatusCode::UNAUTHORIZED,
        ),
        (
            "delete",
            "/api/session".into(),
            "",
            "/session",
            StatusCode::NO_CONTENT,
        ),
        (
            "post",
            "/api/polls/4/vote".into(),
            r#"{"options":[15]}"#,
            "/polls/{id}/vote",
            StatusCode::UNAUTHORIZED,
        ),
        ("get", "/api/stats".into(), "", "/stats", StatusCode::OK),
        (
            "get",
            "/api/stats/daily?days=7".into(),
            "",
            "/stats/daily",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/stats/daily?days=0".into(),
            "",
            "/stats/daily",
            StatusCode::BAD_REQUEST,
        ),
        (
            "post",
            "/api/visits".into(),
            r#"{"path":"/"}"#,
            "/visits",
            StatusCode::OK,
        ),
        (
            "post",
            "/api/visits".into(),
            r#"{"duong_dan":"/"}"#,
            "/visits",
            StatusCode::BAD_REQUEST,
        ),
        (
            "post",
            "/api/visits".into(),
            big_visit.as_str(),
            "/visits",
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "get",
            "/api/documents?q=nong+thon+moi&year=2024".into(),
            "",
            "/documents",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/documents?year=abc".into(),
            "",
            "/documents",
            StatusCode::BAD_REQUEST,
        ),
        (
            "get",
            "/api/documents/facets".into(),
            "",
            "/documents/facets",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/documents/6748-ubnd-nl5".into(),
            "",
            "/documents/{slug}",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/documents/khong-co".into(),
            "",
            "/documents/{slug}",
            StatusCode::NOT_FOUND,
        ),
        (
            "get",
            "/api/documents/6748-ubnd-nl5/files/khong-co.pdf".into(),
            "",
            "/documents/{slug}/files/{file_name}",
            StatusCode::NOT_FOUND,
        ),
        ("get", "/api/site".into(), "", "/site", StatusCode::OK),
        (
            "get",
            "/api/pages/about-us".into(),
            "",
            "/pages/{slug}",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/pages/khong-co".into(),
            "",
            "/pages/{slug}",
            StatusCode::NOT_FOUND,
        ),
        (
            "get",
            "/api/search?q=nong+thon+moi".into(),
            "",
            "/search",
            StatusCode::OK,
        ),
        (
            "get",
            "/api/search?q=".into(),
            "",
            "/search",
            StatusCode::BAD_REQUEST,
        ),
        ("get", "/api/health".into(), "", "/health", StatusCode::OK),
        (
            "get",
            "/api/health?full=1".into(),
            "",
            "/health",
            StatusCode::BAD_REQUEST,
        ),
    ];
    for (method, uri, body, path, status) in &cases {
        let res = match *method {
            "get" => get_with(&app, uri, &[("cookie", &me)]).await,
            "post" => post_json(&app, uri, &[("cookie", &me)], body).await,
            _ => send(&app, "DELETE", uri, &[("cookie", &me)], body).await,
        };
        assert_eq!(res.status, *status, "{method} {uri}");
        if *status == StatusCode::NO_CONTENT {
            no_content(&doc, method, path, &res);
        } else {
            check(&doc, method, path, *status, &res.json());
        }
    }
    // Every documented operation is exercised above.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            assert!(
                cases.iter().any(|(m, _, _, p, _)| p == path && m == method),
                "{method} {path} is not checked"
            );
        }
    }
}

/// A 204 is documented without a body, and has none.
fn no_content(doc: &Value, method: &str, path: &str, res: &Answer) {
    let documented = &doc["paths"][path][method]["responses"]["204"];
    assert!(
        !documented.is_null(),
        "{method} {path} 204 is not documented"
    );
    assert!(
        documented["content"].is_null(),
        "{method} {path} 204 has content"
    );
    assert!(res.body.is_empty(), "{method} {path} 204: {}", res.text());
}

/// What a signed-in member is served follows the document too.
#[tokio::test]
async fn signed_in_json_follows_the_document() {
    let doc = strict_document();
    let (db, _dir) = seeded_db();
    let app = api(db);
    let body = r#"{"name":"Lê Văn C","email":"c@xa.vn","password":"mat-khau-dai"}"#;
    assert_eq!(
        post_json(&app, "/api/members", &[], body).await.status,
        StatusCode::ACCEPTED
    );
    let res = post_json(
        &app,
        "/api/session",
        &[],
        r#"{"email":"c@xa.vn","password":"mat-khau-dai"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    check(&doc, "post", "/session", StatusCode::OK, &res.json());
    let (cookie, csrf) = session_of(&res);
    let with = [("cookie", cookie.as_str()), ("x-csrf-token", csrf.as_str())];
    let session = get_with(&app, "/api/session", &with).await;
    assert_eq!(session.json()["member"]["email"], "c@xa.vn");
    check(&doc, "get", "/session", StatusCode::OK, &session.json());
    let extended = post_json(&app, "/api/session/extend", &with, "{}").await;
    check(
        &doc,
        "post",
        "/session/extend",
        StatusCode::OK,
        &extended.json(),
    );
    let wrong = [("cookie", cookie.as_str()), ("x-csrf-token", "sai")];
    let refused = post_json(&app, "/api/session/extend", &wrong, "").await;
    check(
        &doc,
        "post",
        "/session/extend",
        StatusCode::FORBIDDEN,
        &refused.json(),
    );
    let vote = post_json(&app, "/api/polls/4/vote", &with, r#"{"options":[15]}"#).await;
    assert_eq!(vote.status, StatusCode::OK, "{}", vote.text());
    check(
        &doc,
        "post",
        "/polls/{id}/vote",
        StatusCode::OK,
        &vote.json(),
    );
    let poll = get_with(&app, "/api/polls/4", &with).await;
    assert_eq!(poll.json()["my_choices"], json!([15]));
    check(&doc, "get", "/polls/{id}", StatusCode::OK, &poll.json());
    let refused = post_json(&app, "/api/polls/4/vote", &wrong, r#"{"options":[15]}"#).await;
    check(
        &doc,
        "post",
        "/polls/{id}/vote",
        StatusCode::FORBIDDEN,
        &refused.json(),
    );
    let out = send(&app, "DELETE", "/api/session", &with, "").await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    no_content(&doc, "delete", "/session", &out);
}

#[tokio::test]
async fn the_document_is_served_too() {
    let res = get(&api(small_db(0)), "/api/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text(), ntm_server::openapi::document_json());
}
