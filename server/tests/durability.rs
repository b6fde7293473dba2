//! A year unattended: a full disk or a read-only database refuses writes
//! with a Vietnamese 503 while reads go on, nothing is half-written, writes
//! resume when room returns; scheduled upkeep keeps the file the same size
//! under steady traffic.

mod common;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::{members, stats, upkeep};
use rusqlite::Connection;

const SLUG: &str = "thuc-day-chuong-trinh-ocop-o-binh-lieu";

async fn rate(app: &axum::Router, who: u32) -> Answer {
    post_json(
        app,
        &format!("/api/articles/{SLUG}/rating"),
        &[("cookie", &visitor(who))],
        r#"{"points":4}"#,
    )
    .await
}

async fn rating_count(app: &axum::Router) -> u64 {
    get(app, &format!("/api/articles/{SLUG}/rating"))
        .await
        .json()["count"]
        .as_u64()
        .unwrap()
}

fn refused_for_now(res: &Answer) {
    assert_eq!(
        res.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        res.text()
    );
    assert_eq!(res.json()["code"], "unavailable");
    assert_eq!(
        res.json()["message"],
        "Tạm thời không lưu được dữ liệu, vui lòng thử lại sau ít phút."
    );
}

async fn reads_go_on(app: &axum::Router) {
    for uri in [
        "/api/articles",
        &format!("/api/articles/{SLUG}"),
        "/api/stats",
        "/api/site",
        "/api/documents",
    ] {
        assert_eq!(get(app, uri).await.status, StatusCode::OK, "{uri}");
    }
}

fn intact(conn: &mut Connection) {
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");
    // Every rating row is in its article's count (the seed's have no rows).
    let agree: bool = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM ratings) <= (SELECT SUM(rating_count) FROM articles)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(agree);
}

#[tokio::test]
async fn a_full_disk_refuses_writes_keeps_reading_and_recovers() {
    let (db, _dir) = seeded_db();
    let app = api(db.clone());
    // The file may grow no further: what a full disk is to SQLite.
    db.with(|c| {
        let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
        c.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .unwrap();
    });
    // Free pages inside the file take some ratings; then none fit.
    let mut who = 0;
    let first_refused = loop {
        let res = rate(&app, who).await;
        who += 1;
        if res.status != StatusCode::OK {
            break res;
        }
        assert!(who < 20_000, "the full database took every rating");
    };
    refused_for_now(&first_refused);
    let count = rating_count(&app).await;
    for n in 0..20 {
        refused_for_now(&rate(&app, who + n).await);
    }
    assert_eq!(rating_count(&app).await, count, "nothing half-written");
    reads_go_on(&app).await;
    db.with(intact);

    // Room again: the same request goes through.
    db.with(|c| {
        c.query_row("PRAGMA max_page_count = 1073741823", [], |_| Ok(()))
            .unwrap();
    });
    assert_eq!(rate(&app, who).await.status, StatusCode::OK);
    assert_eq!(rating_count(&app).await, count + 1);
    db.with(intact);
}

#[tokio::test]
async fn a_read_only_database_refuses_writes_and_keeps_reading() {
    let (db, _dir) = seeded_db();
    let app = api(db.clone());
    let count = rating_count(&app).await;
    let views = get(&app, &format!("/api/articles/{SLUG}")).await.json()["views"]
        .as_u64()
        .unwrap();
    // As a file made read-only (root ignores file modes, so the test asks
    // SQLite itself): every write fails with SQLITE_READONLY.
    db.with(|c| c.pragma_update(None, "query_only", true).unwrap());
    refused_for_now(&rate(&app, 1).await);
    let visit = send(
        &app,
        "POST",
        "/api/visits",
        &[("cookie", &visitor(2))],
        r#"{"path":"/"}"#,
    )
    .await;
    refused_for_now(&visit);
    reads_go_on(&app).await;
    // The article is shown, its view not counted.
    let article = get(&app, &format!("/api/articles/{SLUG}")).await.json();
    assert_eq!(article["views"].as_u64().unwrap(), views);

    db.with(|c| c.pragma_update(None, "query_only", false).unwrap());
    assert_eq!(rate(&app, 1).await.status, StatusCode::OK);
    assert_eq!(rating_count(&app).await, count + 1);
    db.with(intact);
}

/// Ten days of 3,000 new browsers and 500 failed sign-ins a day, upkeep on
/// its schedule: the file stops growing after the first day or two.
#[test]
fn upkeep_keeps_the_file_flat_under_steady_traffic() {
    let dir = tempfile::tempdir().unwrap();
    let db = ntm_server::Db::open(&dir.path().join("ntm.sqlite3")).unwrap();
    let day = 86_400;
    let start = 1_750_000_000;
    let mut pages = Vec::new();
    db.with(|c| {
        for d in 0..10i64 {
            for round in 0..144i64 {
                let now = start + d * day + round * 600;
                let tx = c.transaction().unwrap();
                for i in 0..21 {
                    let visitor = format!("{:032x}", (d * 144 + round) * 100 + i);
                    stats::note_visit(&tx, &visitor, false, now).unwrap();
                }
                for i in 0..3 {
                    let key = format!("10.0.{round}.{i}");
                    members::record_attempt(&tx, members::Attempt::SignInFromIp, &key, now)
                        .unwrap();
                }
                tx.commit().unwrap();
                upkeep::run(c, now, 1200).unwrap();
            }
            let p: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
            pages.push(p);
        }
        println!("pages at the end of each day: {pages:?}");
        // A day's browsers are kept (the per-address cap and one hit per
        // 30 minutes need them): the size of two days' worth at most.
        assert!(pages[9] <= pages[2] + pages[2] / 10, "{pages:?}");

        // A quiet night: upkeep alone (no visit happens by) forgets them.
        let later = start + 12 * day;
        let removed = upkeep::run(c, later, 1200).unwrap();
        assert!(removed.visitors > 0, "{removed:?}");
        let (visitors, attempts): (i64, i64) = c
            .query_row(
                "SELECT (SELECT COUNT(*) FROM visitors), (SELECT COUNT(*) FROM auth_attempts)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((visitors, attempts), (0, 0));
        let s = stats::stats(c, later).unwrap();
        assert_eq!(s.online, 0);
    });
}
