//! Visit statistics from the site's counter and sessions tables; visits
//! counted there, as NukeViet counts them.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

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

fn online(figures: &serde_json::Value) -> (u64, u64) {
    (
        figures["online"].as_u64().unwrap(),
        figures["bots"].as_u64().unwrap(),
    )
}

const BOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1)";

#[tokio::test]
async fn online_is_counted_every_ten_seconds_and_moved_by_each_visit_between() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let clock = Arc::new(AtomicI64::new(NOW));
    let app = db.app_with_clock(clock.clone());
    let stats = || async { online(&get(&app, "/api/stats").await.json()) };
    // The fixture: a guest, a member and a bot seen in the last 5 minutes.
    assert_eq!(stats().await, (3, 1));
    assert_eq!(online(&visit(&app, &visitor(1), BROWSER).await), (4, 1));

    // A visitor of the old site comes and one leaves: the table changes,
    // the figure shown moves at the next count, 10 s on.
    let mut conn = db.conn();
    conn.exec_drop(
        "INSERT INTO nv4_sessions (session_id, userid, username, onl_time) VALUES ('php-new', 0, 'guest', ?)",
        (NOW,),
    )
    .unwrap();
    conn.query_drop("DELETE FROM nv4_sessions WHERE session_id = 'php-guest'")
        .unwrap();
    clock.store(NOW + 9, Ordering::SeqCst);
    assert_eq!(stats().await, (4, 1));
    clock.store(NOW + 10, Ordering::SeqCst);
    assert_eq!(stats().await, (4, 1), "member, bot, visitor 1, php-new");

    // Minutes on, the member (seen at NOW - 100) has left the window.
    clock.store(NOW + 250, Ordering::SeqCst);
    assert_eq!(stats().await, (3, 1));
    // Between counts each visit moves the figure as a count would: a
    // browser turning out to be a bot, a new bot, a browser back online.
    clock.store(NOW + 255, Ordering::SeqCst);
    assert_eq!(online(&visit(&app, &visitor(1), BOT).await), (3, 2));
    assert_eq!(online(&visit(&app, &visitor(2), BOT).await), (4, 3));
    assert_eq!(online(&visit(&app, &visitor(1), BROWSER).await), (4, 2));
    clock.store(NOW + 600, Ordering::SeqCst);
    assert_eq!(stats().await, (0, 0));
    assert_eq!(online(&visit(&app, &visitor(2), BROWSER).await), (1, 0));
    clock.store(NOW + 610, Ordering::SeqCst);
    assert_eq!(stats().await, (1, 0));
}

#[tokio::test]
async fn rows_an_hour_old_go_at_most_once_a_minute() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let clock = Arc::new(AtomicI64::new(NOW));
    let app = db.app_with_clock(clock.clone());
    let sessions = |db: &TestDatabase| -> Vec<String> {
        db.conn()
            .query("SELECT session_id FROM nv4_sessions ORDER BY session_id")
            .unwrap()
    };
    visit(&app, &visitor(1), BROWSER).await;
    assert!(!sessions(&db).contains(&"php-old".to_owned()));
    db.conn()
        .exec_drop(
            "INSERT INTO nv4_sessions (session_id, userid, username, onl_time) VALUES ('php-old', 0, 'guest', ?)",
            (NOW - 5000,),
        )
        .unwrap();
    clock.store(NOW + 59, Ordering::SeqCst);
    visit(&app, &visitor(2), BROWSER).await;
    assert!(sessions(&db).contains(&"php-old".to_owned()));
    clock.store(NOW + 60, Ordering::SeqCst);
    // A browser already known does not remove them; a new one does.
    visit(&app, &visitor(1), BROWSER).await;
    assert!(sessions(&db).contains(&"php-old".to_owned()));
    visit(&app, &visitor(3), BROWSER).await;
    assert!(!sessions(&db).contains(&"php-old".to_owned()));
}

#[tokio::test]
async fn concurrent_visits_and_counts_count_each_browser_once() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    // Every request a second later: counts of the rows (every 10 s) fall
    // between the visits, in any order.
    let clock = Arc::new(AtomicI64::new(NOW + 1000));
    let ticking = clock.clone();
    let app = db.build_with_clock(
        db.settings(),
        Arc::new(move || ticking.fetch_add(1, Ordering::SeqCst)),
        None,
    );
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..60 {
        let app = app.clone();
        requests.spawn(async move {
            let agent = if n % 4 == 0 { BOT } else { BROWSER };
            let figures = online(&visit(&app, &visitor(100 + n), agent).await);
            get(&app, "/api/stats").await;
            figures
        });
    }
    // The fixture's browsers are long gone. Visits are written one at a
    // time, and each answers the figures with itself: the n-th shows n
    // online, whatever counts came between.
    let mut figures = requests.join_all().await;
    figures.sort_unstable();
    let shown: Vec<u64> = figures.iter().map(|f| f.0).collect();
    assert_eq!(shown, (1..=60).collect::<Vec<_>>());
    assert_eq!(figures.last(), Some(&(60, 15)));
    assert!(figures.windows(2).all(|w| w[1].1 - w[0].1 <= 1));
}

#[tokio::test]
async fn a_full_sessions_table_leaves_browsers_off_the_online_count_and_counts_their_visits() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    // The smallest MEMORY table MariaDB makes: room for a few dozen rows.
    db.conn()
        .query_drop(
            "SET SESSION max_heap_table_size = 16384; ALTER TABLE nv4_sessions ENGINE=MEMORY",
        )
        .unwrap();
    let app = db.app();
    let before = get(&app, "/api/stats").await.json()["total"]
        .as_u64()
        .unwrap();
    for n in 0..300 {
        visit(&app, &visitor(1000 + n), BROWSER).await;
    }
    let after = get(&app, "/api/stats").await.json();
    assert_eq!(after["total"].as_u64().unwrap() - before, 300);
    let rows: u64 = db
        .conn()
        .exec_first(
            "SELECT COUNT(*) FROM nv4_sessions WHERE onl_time >= ?",
            (NOW - 300,),
        )
        .unwrap()
        .unwrap();
    assert!(rows < 300, "the table was not full: {rows} rows");
    assert_eq!(after["online"].as_u64().unwrap(), rows);
}
