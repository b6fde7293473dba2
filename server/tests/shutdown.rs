//! An orderly stop: on SIGTERM (what a service manager or a container runtime
//! sends) the server stops taking connections, answers what it has begun,
//! and exits 0 within seconds; no write it acknowledged is lost.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Starts the server binary on a free port over `database`; its address.
fn start(database: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ntm-server"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--new-visitors-per-ip",
            "1000000",
        ])
        .arg("--database")
        .arg(database)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("Listening on http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    (child, addr)
}

/// One HTTP/1.1 request; the status and body, or `None` when the server
/// did not answer (refused, closed).
async fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &str,
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{headers}Content-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.ok()?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?;
    Some((status, body))
}

async fn total_visits(addr: &str) -> u64 {
    let (status, body) = request(addr, "GET", "/api/stats", "", "").await.unwrap();
    assert_eq!(status, 200, "{body}");
    let stats: serde_json::Value = serde_json::from_str(&body).unwrap();
    stats["total"].as_u64().unwrap()
}

/// Visits sent: more than are answered before the signal.
const VISITS: u32 = 400;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_what_was_begun_and_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("ntm.sqlite3");
    let (mut server, addr) = start(&database);
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

    let (mut again, addr) = start(&database);
    let after = total_visits(&addr).await;
    again.kill().unwrap();
    let _ = again.wait();
    println!("{acknowledged} of {VISITS} visits acknowledged around the stop");
    assert!(acknowledged >= 20);
    assert_eq!(after - before, acknowledged);
}
