//! Visit counting rules, with a clock the tests move.

mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use ntm_server::{app, Limits, Options};
use ntm_types::datetime::timestamp_vn;
use ntm_types::{DailyVisits, Stats};

const PHONE: &str =
    "Mozilla/5.0 (Linux; Android 10) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

struct Site {
    app: axum::Router,
    clock: Arc<AtomicI64>,
    db: ntm_server::db::Db,
}

impl Site {
    fn at(start: i64) -> Site {
        Site::with_limits(start, Limits::default())
    }

    fn with_limits(start: i64, limits: Limits) -> Site {
        let clock = Arc::new(AtomicI64::new(start));
        let c = clock.clone();
        let db = small_db(0);
        let app = app(
            db.clone(),
            Options {
                clock: Some(Arc::new(move || c.load(Ordering::SeqCst))),
                limits,
                ..Default::default()
            },
        );
        Site { app, clock, db }
    }

    async fn try_visit(&self, who: u32) -> Answer {
        send(
            &self.app,
            "POST",
            "/api/visits",
            &[("cookie", &visitor(who)), ("user-agent", PHONE)],
            r#"{"path":"/"}"#,
        )
        .await
    }

    fn advance_minutes(&self, m: i64) {
        self.clock.fetch_add(m * 60, Ordering::SeqCst);
    }

    async fn visit(&self, who: u32, ua: &str) -> Stats {
        let res = send(
            &self.app,
            "POST",
            "/api/visits",
            &[
                ("cookie", &visitor(who)),
                ("user-agent", ua),
                ("content-type", "text/plain;charset=UTF-8"),
            ],
            r#"{"path":"/"}"#,
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        serde_json::from_slice(&res.body).unwrap()
    }

    async fn stats(&self) -> Stats {
        serde_json::from_slice(&get(&self.app, "/api/stats").await.body).unwrap()
    }
}

#[tokio::test]
async fn new_visitors_from_one_address_are_capped_per_hour() {
    let site = Site::with_limits(
        timestamp_vn(2024, 5, 10, 9, 0),
        Limits {
            new_visitors_per_ip_per_hour: 3,
            ..Default::default()
        },
    );
    for who in 1..=3 {
        assert_eq!(site.try_visit(who).await.status, StatusCode::OK);
    }
    let refused = site.try_visit(4).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.json()["code"], "too_many_visitors");
    assert_eq!(
        site.stats().await.today,
        3,
        "the refused visit is not counted"
    );
    // Known visitors go on being counted; a new one is let in an hour later.
    site.advance_minutes(31);
    assert_eq!(site.try_visit(1).await.status, StatusCode::OK);
    assert_eq!(
        site.try_visit(5).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    site.advance_minutes(30);
    assert_eq!(site.try_visit(5).await.status, StatusCode::OK);
    assert_eq!(site.stats().await.today, 5);
}

#[tokio::test]
async fn one_hit_per_browser_per_30_minutes() {
    let site = Site::at(timestamp_vn(2024, 5, 10, 9, 0));
    assert_eq!(site.visit(1, PHONE).await.today, 1);
    site.advance_minutes(10);
    assert_eq!(site.visit(1, PHONE).await.today, 1, "within 30 minutes");
    assert_eq!(site.visit(2, PHONE).await.today, 2, "another browser");
    site.advance_minutes(20);
    assert_eq!(
        site.visit(1, PHONE).await.today,
        3,
        "30 minutes after its last hit"
    );
    site.advance_minutes(29);
    assert_eq!(site.visit(1, PHONE).await.today, 3);
    let s = site.stats().await;
    assert_eq!((s.today, s.month, s.total), (3, 3, 3));
}

#[tokio::test]
async fn online_is_the_last_5_minutes_split_into_bots_and_guests() {
    let site = Site::at(timestamp_vn(2024, 5, 10, 9, 0));
    site.visit(1, PHONE).await;
    site.advance_minutes(2);
    site.visit(2, PHONE).await;
    let s = site.visit(3, GOOGLEBOT).await;
    assert_eq!((s.online, s.bots, s.guests), (3, 1, 2));
    // Bots are seen but never counted as visits.
    assert_eq!(s.today, 2);
    site.advance_minutes(4);
    let s = site.stats().await;
    assert_eq!(
        (s.online, s.bots, s.guests),
        (2, 1, 1),
        "visitor 1 left 6 minutes ago"
    );
    site.advance_minutes(2);
    assert_eq!(site.stats().await.online, 0);
}

#[tokio::test]
async fn days_months_and_years_roll_over_in_vietnam_time() {
    // 23:50 on 31/12/2023 in Vietnam is 16:50 UTC: still 2023 there.
    let site = Site::at(timestamp_vn(2023, 12, 31, 23, 50));
    site.visit(1, PHONE).await;
    site.visit(2, PHONE).await;
    let s = site.stats().await;
    assert_eq!((s.today, s.month, s.total), (2, 2, 2));
    site.advance_minutes(40); // 00:30 on 01/01/2024
    let s = site.visit(1, PHONE).await;
    assert_eq!((s.today, s.month, s.total), (1, 1, 3));
    // The old days are kept.
    let days: Vec<DailyVisits> =
        serde_json::from_slice(&get(&site.app, "/api/stats/daily?days=3").await.body).unwrap();
    let days: Vec<(&str, u64)> = days.iter().map(|d| (d.date.as_str(), d.visits)).collect();
    assert_eq!(
        days,
        [("2023-12-30", 0), ("2023-12-31", 2), ("2024-01-01", 1)]
    );
    // A month later, the month starts again and the total goes on.
    site.advance_minutes(31 * 24 * 60);
    let s = site.visit(2, PHONE).await;
    assert_eq!((s.today, s.month, s.total), (1, 1, 4));
}

#[tokio::test]
async fn a_first_visit_without_cookie_counts_and_gets_one() {
    let site = Site::at(timestamp_vn(2024, 5, 10, 9, 0));
    let res = post_json(&site.app, "/api/visits", &[], r#"{"path":"/tin-tuc/a"}"#).await;
    assert_eq!(res.status, StatusCode::OK);
    let cookie = res
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("ntm_vid="));
    assert_eq!(res.json()["today"], 1);
    // The same browser, now with its cookie: not counted again.
    let again = post_json(
        &site.app,
        "/api/visits",
        &[("cookie", &cookie)],
        r#"{"path":"/"}"#,
    )
    .await;
    assert_eq!(again.json()["today"], 1);
    assert_eq!(again.json()["online"], 1);
}

#[tokio::test]
async fn bad_visit_bodies_are_refused() {
    let site = Site::at(timestamp_vn(2024, 5, 10, 9, 0));
    let big = format!(r#"{{"path":"/{}"}}"#, "a".repeat(2000));
    for (body, status) in [
        (big.as_str(), StatusCode::PAYLOAD_TOO_LARGE),
        ("", StatusCode::BAD_REQUEST),
        ("{", StatusCode::BAD_REQUEST),
        ("[]", StatusCode::BAD_REQUEST),
        (r#"{"path":5}"#, StatusCode::BAD_REQUEST),
        (r#"{"path":"khong-gach-cheo"}"#, StatusCode::BAD_REQUEST),
        (r#"{"path":"/","x":1}"#, StatusCode::BAD_REQUEST),
    ] {
        let res = post_json(&site.app, "/api/visits", &[("cookie", &visitor(1))], body).await;
        assert_eq!(res.status, status, "{body:.40}");
        assert!(res.json()["message"].is_string());
    }
    assert_eq!(site.stats().await.today, 0);
    for uri in [
        "/api/stats/daily?days=0",
        "/api/stats/daily?days=367",
        "/api/stats/daily?days=x",
        "/api/stats/daily?ngay=3",
    ] {
        assert_eq!(
            get(&site.app, uri).await.status,
            StatusCode::BAD_REQUEST,
            "{uri}"
        );
    }
}

#[tokio::test]
async fn demo_history_means_no_zeros_on_a_first_start() {
    let (db, _dir) = seeded_db();
    let app = api(db);
    let s: Stats = serde_json::from_slice(&get(&app, "/api/stats").await.body).unwrap();
    assert!(s.total > 80_000_000, "{s:?}");
    assert!(s.month >= s.today);
    let days: Vec<DailyVisits> =
        serde_json::from_slice(&get(&app, "/api/stats/daily").await.body).unwrap();
    assert_eq!(days.len(), 30);
    assert!(days[..29].iter().all(|d| d.visits > 10_000));
}

#[tokio::test]
async fn browsers_not_seen_for_a_day_are_forgotten() {
    let site = Site::with_limits(
        timestamp_vn(2024, 5, 10, 9, 0),
        Limits {
            new_visitors_per_ip_per_hour: 1000,
            ..Default::default()
        },
    );
    let rows = || async {
        site.db
            .call(|c| Ok(c.query_row("SELECT COUNT(*) FROM visitors", [], |r| r.get::<_, i64>(0))?))
            .await
            .unwrap()
    };
    // A week of 50 new browsers a day, each seen once.
    for day in 0..7 {
        for i in 0..50 {
            site.visit(day * 100 + i, PHONE).await;
        }
        site.advance_minutes(24 * 60);
    }
    // Only the last day's browsers are kept (the first new browser of a day
    // forgets those of the day before last), and the counts are untouched.
    assert!(rows().await <= 100, "{} rows", rows().await);
    let s = site.stats().await;
    assert_eq!(s.total, 350);
    // A browser forgotten and back is counted like any returning browser...
    site.visit(1, PHONE).await;
    assert_eq!(site.stats().await.total, 351);
    // ...and one seen within the day is still known: no second hit in 30 minutes.
    site.visit(1, PHONE).await;
    assert_eq!(site.stats().await.total, 351);
}
