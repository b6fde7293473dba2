//! The server's logs: a line per request with its method, route, status and
//! time, errors with their cause, and nothing personal (no client address,
//! e-mail, cookie, or what a reader searched for).

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::process::{request, start_logging, stop};

/// The log's lines, once it holds at least `n` request lines (at most 10 s).
async fn request_lines(log: &std::path::Path, n: usize) -> Vec<String> {
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<String> = text
            .lines()
            .filter(|l| l.contains(" request:"))
            .map(str::to_owned)
            .collect();
        if lines.len() >= n || started.elapsed() > Duration::from_secs(10) {
            return lines;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_line_per_request_and_nothing_personal() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let (server, addr) = start_logging(
        &dir.path().join("ntm.sqlite3"),
        &["--trust-forwarded-for"],
        Stdio::from(std::fs::File::create(&log).unwrap()),
    );
    let cookie = format!("Cookie: ntm_vid={:032x}\r\n", 77);
    let forwarded = "X-Forwarded-For: 203.0.113.7\r\n";
    let asked = [
        ("GET", "/api/articles?page=1", "".to_owned(), ""),
        ("GET", "/api/search?q=ruong-bac-thang", "".to_owned(), ""),
        ("GET", "/api/articles/khong-co-bai-nay", "".to_owned(), ""),
        (
            "POST",
            "/api/visits",
            format!("{cookie}{forwarded}"),
            r#"{"path":"/"}"#,
        ),
        (
            "POST",
            "/api/session",
            forwarded.to_owned(),
            r#"{"email":"nguyen.van.a@example.vn","password":"sai-mat-khau-1"}"#,
        ),
    ];
    let mut statuses = Vec::new();
    for (method, path, headers, body) in &asked {
        let (status, _) = request(&addr, method, path, headers, body).await.unwrap();
        statuses.push(status);
    }
    assert_eq!(statuses, [200, 200, 404, 200, 401]);
    let lines = request_lines(&log, asked.len()).await;
    stop(server);
    let all = std::fs::read_to_string(&log).unwrap();
    println!("{all}");

    for (route, status) in [
        ("/api/articles", 200),
        ("/api/search", 200),
        ("/api/articles/{slug}", 404),
        ("/api/visits", 200),
        ("/api/session", 401),
    ] {
        assert!(
            lines.iter().any(|l| l.contains(&format!("route={route} "))
                && l.contains(&format!("status={status} "))
                && l.contains("method=")
                && l.contains("ms=")),
            "no line for {route} {status} in\n{all}"
        );
    }
    for personal in [
        "203.0.113.7",
        "127.0.0.1",
        "nguyen.van.a",
        "example.vn",
        "sai-mat-khau",
        &format!("{:032x}", 77),
        "ruong-bac-thang",
        "khong-co-bai-nay",
    ] {
        assert!(!all.contains(personal), "{personal} logged:\n{all}");
    }
}
