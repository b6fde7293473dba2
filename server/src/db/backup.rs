//! A consistent copy of the database while the server serves: SQLite's
//! online backup, from a second connection (another process may be writing).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

/// How long a copy waits for a writer's lock before it gives up.
const BUSY_FOR: Duration = Duration::from_secs(30);

/// Why a backup was not made.
#[derive(Debug)]
pub enum BackupError {
    /// The target exists: a backup never overwrites one.
    TargetExists(PathBuf),
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The copy was made but SQLite's integrity check did not say ok.
    NotIntact(String),
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::TargetExists(p) => {
                write!(
                    f,
                    "{} exists; a backup does not overwrite a file",
                    p.display()
                )
            }
            BackupError::Sqlite(e) => write!(f, "SQLite: {e}"),
            BackupError::Io(e) => write!(f, "{e}"),
            BackupError::NotIntact(why) => write!(f, "the copy is not intact: {why}"),
        }
    }
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Sqlite(e)
    }
}

impl From<std::io::Error> for BackupError {
    fn from(e: std::io::Error) -> Self {
        BackupError::Io(e)
    }
}

/// Copies the database at `source` to the new file `target`, all pages in
/// one step (so under one read transaction: the copy is the database at
/// one moment, and in WAL mode writers go on meanwhile), checks the copy and
/// only then gives it its name. Returns the number of pages copied.
pub fn to_file(source: &Path, target: &Path) -> Result<u32, BackupError> {
    if target.exists() {
        return Err(BackupError::TargetExists(target.to_owned()));
    }
    let from = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    from.busy_timeout(BUSY_FOR)?;
    let partial = target.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let result = copy(&from, &partial).and_then(|pages| {
        // A hard link fails when the target appeared meanwhile: no overwrite.
        std::fs::hard_link(&partial, target).map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => BackupError::TargetExists(target.to_owned()),
            _ => BackupError::Io(e),
        })?;
        Ok(pages)
    });
    let _ = std::fs::remove_file(&partial);
    result
}

fn copy(from: &Connection, partial: &Path) -> Result<u32, BackupError> {
    let mut to = Connection::open(partial)?;
    let started = Instant::now();
    let pages = {
        let backup = Backup::new(from, &mut to)?;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break backup.progress().pagecount,
                // Another connection holds a lock (a checkpoint): try again.
                StepResult::Busy | StepResult::Locked | StepResult::More
                    if started.elapsed() < BUSY_FOR =>
                {
                    std::thread::sleep(Duration::from_millis(50))
                }
                _ => {
                    return Err(BackupError::Sqlite(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        Some("the database stayed locked".into()),
                    )))
                }
            }
        }
    };
    let verdict: String = to.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(BackupError::NotIntact(verdict));
    }
    // One file, no -wal beside it: what a restore copies back.
    to.pragma_update(None, "journal_mode", "DELETE")?;
    drop(to);
    Ok(u32::try_from(pages).unwrap_or(u32::MAX))
}
