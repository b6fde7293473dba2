//! `ntm-server backup FILE` while the server takes ratings: the copy is the
//! database at one moment (every article's count agrees with its rows), it
//! never overwrites a file, and a server started over it serves its counts.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use common::process::{get_json, request, start, stop};
use rusqlite::Connection;

/// Ratings sent while the backup runs.
const RATINGS: u32 = 300;

fn backup(database: &Path, file: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ntm-server"))
        .arg("backup")
        .arg(file)
        .arg("--database")
        .arg(database)
        .output()
        .unwrap()
}

/// The articles' summed rating counts less their rating rows: the seed's
/// counts have no rows, every rating since adds one to each side.
fn counts_without_rows(database: &Path) -> i64 {
    let conn = Connection::open(database).unwrap();
    conn.query_row(
        "SELECT (SELECT SUM(rating_count) FROM articles) - (SELECT COUNT(*) FROM ratings)",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

fn per_article(database: &Path) -> Vec<(String, i64, i64)> {
    let conn = Connection::open(database).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.slug, a.rating_count,
                    (SELECT COUNT(*) FROM ratings r WHERE r.article_id = a.id)
             FROM articles a ORDER BY a.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_load_is_consistent_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("ntm.sqlite3");
    let (server, addr) = start(&database, &["--ratings-per-ip", "1000000"]);
    let mut slugs = Vec::new();
    for article in get_json(&addr, "/api/articles?per_page=20").await["items"]
        .as_array()
        .unwrap()
    {
        let slug = article["slug"].as_str().unwrap();
        let rating = get_json(&addr, &format!("/api/articles/{slug}/rating")).await;
        if rating["enabled"] == true {
            slugs.push(slug.to_owned());
        }
    }
    assert!(slugs.len() >= 5);
    let seeded = counts_without_rows(&database);

    // The backup starts once some ratings are answered, while others are sent.
    let answered = Arc::new(AtomicU32::new(0));
    let mut ratings = tokio::task::JoinSet::new();
    for n in 0..RATINGS {
        let (addr, slug) = (addr.clone(), slugs[n as usize % slugs.len()].clone());
        let answered = answered.clone();
        ratings.spawn(async move {
            let cookie = format!("Cookie: ntm_vid={n:032x}\r\n");
            let path = format!("/api/articles/{slug}/rating");
            let answer = request(&addr, "POST", &path, &cookie, r#"{"points":5}"#).await;
            answered.fetch_add(1, Ordering::SeqCst);
            answer
        });
    }
    while answered.load(Ordering::SeqCst) < 30 {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    let copy = dir.path().join("copy.sqlite3");
    let made = tokio::task::spawn_blocking({
        let (database, copy) = (database.clone(), copy.clone());
        move || backup(&database, &copy)
    })
    .await
    .unwrap();
    assert!(made.status.success(), "{made:?}");
    let answers = ratings.join_all().await;
    assert!(
        answers.iter().all(|a| matches!(a, Some((200, _)))),
        "{answers:?}"
    );

    // The copy is one moment of the database: its counts agree with its rows.
    assert_eq!(counts_without_rows(&copy), seeded);
    let in_copy = per_article(&copy);
    let rows: i64 = in_copy.iter().map(|(_, _, rows)| rows).sum();
    println!("{rows} of {RATINGS} ratings in the copy");
    assert!((30..=i64::from(RATINGS)).contains(&rows));
    let verdict: String = Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");

    // A second backup to the same file is refused and leaves it as it was.
    let before = std::fs::read(&copy).unwrap();
    let again = backup(&database, &copy);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("exists"),
        "{again:?}"
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    stop(server);

    // Restored: a fresh server over the copy serves the copy's counts.
    let restored_dir = tempfile::tempdir().unwrap();
    let restored = restored_dir.path().join("ntm.sqlite3");
    std::fs::copy(&copy, &restored).unwrap();
    let (server, addr) = start(&restored, &[]);
    for (slug, count, _) in in_copy.iter().filter(|(s, _, _)| slugs.contains(s)) {
        let rating = get_json(&addr, &format!("/api/articles/{slug}/rating")).await;
        assert_eq!(rating["count"].as_i64().unwrap(), *count, "{slug}");
    }
    stop(server);
}
