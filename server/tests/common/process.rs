//! The server as a separate process, spoken to over TCP: for what only a
//! real process shows (signals, a second process on the same database).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Starts the server binary on a free port over `database`, with `args`
/// besides; the child and its address.
pub fn start(database: &Path, args: &[&str]) -> (Child, String) {
    start_logging(database, args, Stdio::inherit())
}

/// [`start`], its logs (stderr) to `logs`.
pub fn start_logging(database: &Path, args: &[&str], logs: Stdio) -> (Child, String) {
    let mut server = Command::new(SERVER);
    server
        .args(SERVER_ARGS)
        .args(args)
        .arg("--database")
        .arg(database);
    start_command(server, logs)
}

/// The server binary.
pub const SERVER: &str = env!("CARGO_BIN_EXE_ntm-server");
/// What every test server is started with: a free port, and no cap on new
/// visitors from one address (the tests' come from one).
pub const SERVER_ARGS: [&str; 4] = [
    "--listen",
    "127.0.0.1:0",
    "--new-visitors-per-ip",
    "1000000",
];

/// Runs `command`, which runs the server (itself or through another
/// program), until the server says where it listens; the child and that
/// address.
pub fn start_command(mut command: Command, logs: Stdio) -> (Child, String) {
    let mut child = command.stdout(Stdio::piped()).stderr(logs).spawn().unwrap();
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
pub async fn request(
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

/// A GET that must answer 200 with JSON.
pub async fn get_json(addr: &str, path: &str) -> serde_json::Value {
    let (status, body) = request(addr, "GET", path, "", "")
        .await
        .unwrap_or_else(|| panic!("no answer to {path}"));
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"))
}

/// Stops a child that the test no longer needs.
pub fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}
