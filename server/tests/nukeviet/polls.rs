//! Polls from the site's voting module; votes counted where NukeViet counts
//! them.

use axum::http::StatusCode;
use mysql::prelude::Queryable;
use serde_json::{json, Value};

use super::common::{check, get, get_with, post_json, strict_document, visitor};
use super::TestDatabase;

fn ids(polls: &Value) -> Vec<i64> {
    polls
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect()
}

fn counts(db: &TestDatabase, vid: u32) -> Vec<u64> {
    db.conn()
        .exec(
            "SELECT hitstotal FROM nv4_vi_voting_rows WHERE vid = ? ORDER BY id",
            (vid,),
        )
        .unwrap()
}

#[tokio::test]
async fn polls_and_results_are_read_by_the_contract() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let all = get(&app, "/api/polls").await.json();
    check(&doc, "get", "/polls", StatusCode::OK, &all);
    // Open ones first, newest first; not the one switched off, nor the one
    // for a members' group.
    assert_eq!(ids(&all), [2, 1, 3]);
    let one = &all[1];
    assert_eq!(
        one["question"],
        "Bạn biết đến Chương trình OCOP qua kênh nào?"
    );
    assert_eq!(one["max_choices"], 1);
    assert_eq!(one["open"], true);
    assert_eq!(one["members_only"], false);
    assert!(one["ends_at"].is_null());
    assert_eq!(one["options"][1]["label"], "Mạng xã hội (Zalo, Facebook)");
    assert_eq!(all[0]["members_only"], true);
    assert_eq!(all[0]["max_choices"], 2);
    assert_eq!(
        all[0]["question"],
        "Xã bạn cần ưu tiên tiêu chí nào (chọn tối đa 2)"
    );
    assert_eq!(
        (&all[2]["open"], &all[2]["ends_at"]),
        (&json!(false), &json!(1718000000))
    );

    let current = get(&app, "/api/polls/current").await.json();
    check(&doc, "get", "/polls/current", StatusCode::OK, &current);
    assert_eq!(current["id"], 2);
    let poll = get(&app, "/api/polls/1").await.json();
    check(&doc, "get", "/polls/{id}", StatusCode::OK, &poll);

    let single = get(&app, "/api/polls/1/results").await.json();
    check(&doc, "get", "/polls/{id}/results", StatusCode::OK, &single);
    // One answer each: the answers counted are the voters.
    assert_eq!(
        (&single["voters"], &single["choices"]),
        (&json!(255), &json!(255))
    );
    assert_eq!(single["since"], 1719792000);
    let multi = get(&app, "/api/polls/2/results").await.json();
    check(&doc, "get", "/polls/{id}/results", StatusCode::OK, &multi);
    // NukeViet keeps no number of voters in a poll of more answers; a
    // count at its limit stays there.
    assert!(multi.get("voters").is_none(), "{multi}");
    assert_eq!(multi["choices"], 4_294_967_295u64);
    assert_eq!(multi["options"][2]["votes"], 4_294_967_295u64);

    for uri in [
        "/api/polls/4",
        "/api/polls/5",
        "/api/polls/4/results",
        "/api/polls/99",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn votes_count_where_nukeviet_counts_them_once_per_visitor() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let me = visitor(1);
    let voted = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &me)],
        r#"{"options":[2]}"#,
    )
    .await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.text());
    let results = voted.json();
    check(&doc, "post", "/polls/{id}/vote", StatusCode::OK, &results);
    assert_eq!(
        (&results["voters"], &results["choices"]),
        (&json!(256), &json!(256))
    );
    // In the answer's row, as NukeViet's admin panel reads it.
    assert_eq!(counts(&db, 1), [120, 96, 40]);
    let mine = get_with(&app, "/api/polls/1", &[("cookie", &me)])
        .await
        .json();
    assert_eq!(mine["my_choices"], json!([2]));
    let listed = get_with(&app, "/api/polls", &[("cookie", &me)])
        .await
        .json();
    assert_eq!(listed[1]["my_choices"], json!([2]));
    assert!(listed[0]["my_choices"].is_null());

    // Refused, and nothing counted.
    let other = visitor(2);
    let again = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &me)],
        r#"{"options":[3]}"#,
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    for (uri, body, status) in [
        (
            "/api/polls/1/vote",
            r#"{"options":[1,2]}"#,
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/polls/1/vote",
            r#"{"options":[7]}"#,
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/polls/1/vote",
            r#"{"options":[]}"#,
            StatusCode::BAD_REQUEST,
        ),
        (
            "/api/polls/3/vote",
            r#"{"options":[7]}"#,
            StatusCode::FORBIDDEN,
        ),
        (
            "/api/polls/2/vote",
            r#"{"options":[4]}"#,
            StatusCode::UNAUTHORIZED,
        ),
        (
            "/api/polls/4/vote",
            r#"{"options":[9]}"#,
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/polls/5/vote",
            r#"{"options":[10]}"#,
            StatusCode::NOT_FOUND,
        ),
    ] {
        let res = post_json(&app, uri, &[("cookie", &other)], body).await;
        assert_eq!(res.status, status, "{uri} {body}: {}", res.text());
        check(&doc, "post", "/polls/{id}/vote", status, &res.json());
    }
    assert_eq!(counts(&db, 1), [120, 96, 40]);
    assert_eq!(counts(&db, 3), [30, 2]);
    assert_eq!(counts(&db, 4), [1]);

    // Many at once (MyISAM has no transactions): each counted once.
    let mut votes = tokio::task::JoinSet::new();
    for n in 10..40 {
        let app = app.clone();
        votes.spawn(async move {
            let body = format!(r#"{{"options":[{}]}}"#, 1 + n % 3);
            post_json(&app, "/api/polls/1/vote", &[("cookie", &visitor(n))], &body)
                .await
                .status
        });
    }
    assert!(votes.join_all().await.iter().all(|s| *s == StatusCode::OK));
    assert_eq!(counts(&db, 1), [130, 106, 50]);

    // A database that goes away: the vote is not recorded, so the visitor
    // may vote once it is back.
    db.go_away();
    let down = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &visitor(3))],
        r#"{"options":[1]}"#,
    )
    .await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    db.load();
    let back = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &visitor(3))],
        r#"{"options":[1]}"#,
    )
    .await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.text());
    assert_eq!(counts(&db, 1), [121, 95, 40]);
}
