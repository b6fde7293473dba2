//! A disk that really fills: the server over a small filesystem of its own
//! (a tmpfs mounted in a private mount namespace with `unshare`, so no root
//! and nothing on the machine is touched), filled up by a file beside the
//! database. Writes answer the Vietnamese 503 while reads go on, nothing
//! acknowledged is lost or half-written, and writes resume once the file is
//! removed. tests/durability.rs covers the same with SQLite's own limits.
//!
//! Where `unshare` cannot make the namespace this test says so and passes,
//! unless `NTM_REQUIRE_SMALL_DISK` is set, as scripts/test.sh sets it.

mod common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::process::{get_json, request, start_command, stop, SERVER, SERVER_ARGS};

/// Room for the seeded database and its write-ahead log, and then some.
const DISK: &str = "size=24m";

fn namespaces_work() -> bool {
    let works = Command::new("unshare")
        .args(["--map-root-user", "--mount", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        assert!(
            std::env::var_os("NTM_REQUIRE_SMALL_DISK").is_none(),
            "NTM_REQUIRE_SMALL_DISK is set but `unshare --map-root-user --mount` fails here"
        );
        eprintln!("unshare cannot make a mount namespace here: skipped");
    }
    works
}

/// Writes to `path` until the filesystem has no room left; how much.
fn fill(path: &Path) -> u64 {
    let mut file = File::create(path).unwrap();
    let chunk = vec![0x5a_u8; 64 * 1024];
    let mut written = 0;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    // What the page cache held back must be out too, or the room is not gone.
    let _ = file.sync_all();
    written
}

async fn visit(addr: &str, n: u32) -> Option<(u16, String)> {
    let cookie = format!("Cookie: ntm_vid={n:032x}\r\n");
    request(addr, "POST", "/api/visits", &cookie, r#"{"path":"/"}"#).await
}

async fn total(addr: &str) -> u64 {
    get_json(addr, "/api/stats").await["total"]
        .as_u64()
        .unwrap()
}

/// `PRAGMA integrity_check` of `database` (in the namespace) on a copy of
/// its file and log taken while the server is idle: SQLite resolves the
/// /proc link to a path outside the namespace, so it cannot open it there.
fn integrity(database: &Path, copy: &Path) -> String {
    std::fs::copy(database, copy).unwrap();
    let mut wal = database.as_os_str().to_owned();
    wal.push("-wal");
    let mut wal_copy = copy.as_os_str().to_owned();
    wal_copy.push("-wal");
    std::fs::copy(wal, wal_copy).unwrap();
    let conn = rusqlite::Connection::open(copy).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[tokio::test]
async fn a_full_disk_refuses_writes_in_vietnamese_and_they_resume_when_room_returns() {
    if !namespaces_work() {
        return;
    }
    let outside = tempfile::tempdir().unwrap();
    let disk = outside.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    // The shell mounts the small filesystem in its own namespace, then
    // becomes the server: the child's id is the server's.
    let mut command = Command::new("unshare");
    command
        .args(["--map-root-user", "--mount", "sh", "-c"])
        .arg(r#"mount -t tmpfs -o "$1" tmpfs "$2" && shift 2 && exec "$@""#)
        .args(["sh", DISK])
        .arg(&disk)
        .arg(SERVER)
        .args(SERVER_ARGS)
        .arg("--database")
        .arg(disk.join("ntm.sqlite3"));
    let (server, addr) = start_command(command, Stdio::inherit());
    // The namespace's view of the filesystem, from outside.
    let inside: PathBuf = format!("/proc/{}/root{}", server.id(), disk.display()).into();
    let database = inside.join("ntm.sqlite3");

    let before = total(&addr).await;
    let mut next = 0;
    let mut acknowledged = 0;
    for _ in 0..20 {
        next += 1;
        assert_eq!(visit(&addr, next).await.map(|a| a.0), Some(200));
        acknowledged += 1;
    }
    let filler = inside.join("filler");
    let filled = fill(&filler);
    assert!(filled > 0);

    // SQLite reuses the room its log already has, so some writes may still
    // go in; the first that needs more is refused, and so is every one after.
    let mut refused = None;
    for _ in 0..5000 {
        next += 1;
        match visit(&addr, next).await {
            Some((200, _)) => acknowledged += 1,
            Some((503, body)) => {
                refused = Some((next, body));
                break;
            }
            other => panic!("visit {next} on a full disk: {other:?}"),
        }
    }
    let (first_refused, refused) = refused.expect("no write refused on a full disk");
    let refused: serde_json::Value = serde_json::from_str(&refused).unwrap();
    assert_eq!(refused["code"], "unavailable");
    assert_eq!(
        refused["message"],
        "Tạm thời không lưu được dữ liệu, vui lòng thử lại sau ít phút."
    );
    for _ in 0..10 {
        next += 1;
        assert_eq!(visit(&addr, next).await.map(|a| a.0), Some(503));
    }
    for path in [
        "/api/articles",
        "/api/articles/thuc-day-chuong-trinh-ocop-o-binh-lieu",
        "/api/site",
        "/api/documents",
    ] {
        get_json(&addr, path).await;
    }
    assert_eq!(total(&addr).await - before, acknowledged);

    // Room again: the same server writes, and nothing was lost or torn.
    std::fs::remove_file(&filler).unwrap();
    next += 1;
    assert_eq!(visit(&addr, next).await.map(|a| a.0), Some(200));
    acknowledged += 1;
    assert_eq!(total(&addr).await - before, acknowledged);
    assert_eq!(
        integrity(&database, &outside.path().join("copy.sqlite3")),
        "ok"
    );
    println!(
        "{filled} bytes filled the disk; visit {first_refused} was the first refused; \
         {acknowledged} acknowledged, all counted"
    );
    // Nothing was written to the directory outside the namespace.
    assert!(std::fs::read_dir(&disk).unwrap().next().is_none());
    stop(server);
}
