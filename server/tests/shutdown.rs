//! An orderly stop: on SIGTERM (what a service manager or a container runtime
//! sends) the server stops taking connections, answers what it has begun,
//! and exits 0 within seconds; no write it acknowledged is lost.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::process::{get_json, request, start, stop};

async fn total_visits(addr: &str) -> u64 {
    get_json(addr, "/api/stats").await["total"]
        .as_u64()
        .unwrap()
}

/// Visits sent: more than are answered before the signal.
const VISITS: u32 = 400;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_what_was_begun_and_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("ntm.sqlite3");
    let (mut server, addr) = start(&database, &[]);
    let before = total_visits(&addr).await;

    // Visits of new browsers, each one more visit; the signal comes once
    // some have been answered, while others are being sent.
    let answered = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let mut visits = tokio::task::JoinSet::new();
    for n in 0..VISITS {
        let (addr, answered) = (addr.clone(), answered.clone());
        visits.spawn(async move {
            let cookie = format!("Cookie: ntm_vid={n:032x}\r\n");
            let answer = request(&addr, "POST", "/api/visits", &cookie, r#"{"path":"/"}"#).await;
            answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            answer
        });
    }
    while answered.load(std::sync::atomic::Ordering::SeqCst) < 20 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let answers = visits.join_all().await;
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(5),
            "still running 5 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "exit status {status}");
    let acknowledged = answers
        .iter()
        .filter(|a| matches!(a, Some((200, _))))
        .count() as u64;
    // Begun before the signal: answered, not cut off.
    assert!(
        answers
            .iter()
            .all(|a| !matches!(a, Some((s, _)) if *s >= 500)),
        "{answers:?}"
    );

    let (again, addr) = start(&database, &[]);
    let after = total_visits(&addr).await;
    stop(again);
    println!("{acknowledged} of {VISITS} visits acknowledged around the stop");
    assert!(acknowledged >= 20);
    assert_eq!(after - before, acknowledged);
}
