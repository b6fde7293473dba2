//! Visit statistics from the site's counter and sessions tables; visits
//! counted there, as NukeViet counts them.

use axum::http::StatusCode;
use mysql::prelude::Queryable;
use serde_json::json;

use super::common::{check, get, post_json, strict_document, visitor};
use super::{TestDatabase, NOW};

fn counter(db: &TestDatabase, kind: &str, value: &str) -> Option<(u64, u64)> {
    db.conn()
        .exec_first(
            "SELECT c_count, vi_count FROM nv4_counter WHERE c_type = ? AND c_val = ?",
            (kind, value),
        )
        .unwrap()
}

async fn visit(app: &axum::Router, who: &str, agent: &str) -> serde_json::Value {
    let res = post_json(
        app,
        "/api/visits",
        &[("cookie", who), ("user-agent", agent)],
        r#"{"path":"/"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

const BROWSER: &str = "Mozilla/5.0 (Linux; Android 10) Chrome/120.0 Mobile";

#[tokio::test]
async fn figures_come_from_the_counter_and_the_sessions() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let stats = get(&app, "/api/stats").await.json();
    check(&doc, "get", "/stats", StatusCode::OK, &stats);
    // The last visit was last year: today's and this month's rows still
    // hold the old periods' counts, which are not shown.
    assert_eq!(
        stats,
        json!({"online": 3, "bots": 1, "guests": 2, "today": 0, "month": 0, "total": 90_123_456})
    );

    let after = visit(&app, &visitor(1), BROWSER).await;
    check(&doc, "post", "/visits", StatusCode::OK, &after);
    assert_eq!(
        after,
        json!({"online": 4, "bots": 1, "guests": 3, "today": 1, "month": 1, "total": 90_123_457})
    );
    // A new year: its row added, the month, day and hour rows zeroed, then
    // counted, in both columns; last year's row and the day of week kept.
    assert_eq!(
        counter(&db, "total", "hits"),
        Some((90_123_457, 90_123_457))
    );
    assert_eq!(counter(&db, "year", "2025"), Some((1, 1)));
    assert_eq!(counter(&db, "year", "2024"), Some((8_000_000, 8_000_000)));
    assert_eq!(counter(&db, "month", "Jan"), Some((1, 1)));
    assert_eq!(counter(&db, "month", "Dec"), Some((0, 0)));
    assert_eq!(counter(&db, "day", "01"), Some((1, 1)));
    assert_eq!(counter(&db, "day", "31"), Some((0, 0)));
    assert_eq!(counter(&db, "hour", "07"), Some((1, 1)));
    assert_eq!(
        counter(&db, "dayofweek", "Wednesday"),
        Some((1_000_001, 1_000_001))
    );
    assert_eq!(
        counter(&db, "c_time", "last").map(|c| c.0),
        Some(NOW as u64)
    );
    // The browser an hour gone is removed when a new one comes.
    let sessions: Vec<String> = db
        .conn()
        .query("SELECT session_id FROM nv4_sessions ORDER BY session_id")
        .unwrap();
    assert_eq!(sessions.len(), 4);
    assert!(!sessions.contains(&"php-old".to_owned()));

    // Within 30 minutes the same browser is not counted again; a bot is
    // online but never counted.
    let again = visit(&app, &visitor(1), BROWSER).await;
    assert_eq!((&again["today"], &again["online"]), (&json!(1), &json!(4)));
    let bot = visit(&app, &visitor(2), "Mozilla/5.0 (compatible; Googlebot/2.1)").await;
    assert_eq!(
        (&bot["today"], &bot["online"], &bot["bots"]),
        (&json!(1), &json!(5), &json!(2))
    );
    assert_eq!(
        counter(&db, "total", "hits"),
        Some((90_123_457, 90_123_457))
    );

    let daily = get(&app, "/api/stats/daily?days=3").await.json();
    check(&doc, "get", "/stats/daily", StatusCode::OK, &daily);
    // This month's days from the counter; earlier ones only since the front
    // end went live (none here).
    assert_eq!(
        daily,
        json!([
            {"date": "2024-12-30", "visits": 0},
            {"date": "2024-12-31", "visits": 0},
            {"date": "2025-01-01", "visits": 1},
        ])
    );

    // The next day: the hour rows zeroed, the day's row (zeroed with the new
    // year) counted.
    let tomorrow = db.app_at(NOW + 86_400);
    let next = visit(&tomorrow, &visitor(1), BROWSER).await;
    assert_eq!((&next["today"], &next["month"]), (&json!(1), &json!(2)));
    assert_eq!(counter(&db, "day", "02"), Some((1, 1)));
    assert_eq!(counter(&db, "hour", "07"), Some((1, 1)));
    assert_eq!(
        counter(&db, "dayofweek", "Thursday"),
        Some((1_000_001, 1_000_001))
    );
    let daily = get(&tomorrow, "/api/stats/daily?days=2").await.json();
    assert_eq!(
        daily,
        json!([
            {"date": "2025-01-01", "visits": 1},
            {"date": "2025-01-02", "visits": 1},
        ])
    );
}

#[tokio::test]
async fn a_visit_while_the_database_is_away_is_not_half_counted() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    db.go_away();
    let down = post_json(
        &app,
        "/api/visits",
        &[("cookie", &visitor(1)), ("user-agent", BROWSER)],
        r#"{"path":"/"}"#,
    )
    .await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        get(&app, "/api/stats").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    db.load();
    // The side store did not keep the visit: it counts now.
    let back = visit(&app, &visitor(1), BROWSER).await;
    assert_eq!(back["today"], 1);
    assert_eq!(
        counter(&db, "total", "hits"),
        Some((90_123_457, 90_123_457))
    );
}
