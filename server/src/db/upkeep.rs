//! What keeps the database the same size under steady traffic: rows that
//! only matter for a while (browsers seen, sessions, sign-in attempts) are
//! removed on a schedule, not just when a later write happens by.

use rusqlite::{params, Connection};

use super::members::LONGEST_WINDOW;
use super::stats;

/// Rows removed by one round of upkeep.
#[derive(Debug, Default, PartialEq)]
pub struct Removed {
    pub visitors: usize,
    pub sessions: usize,
    pub attempts: usize,
}

/// One round: moves the online count on (forgetting browsers not seen for a
/// day), ends idle sessions and drops sign-in attempts older than any cap's
/// window; then folds the write-ahead log back into the database file.
pub fn run(
    conn: &mut Connection,
    now: i64,
    session_idle_seconds: u32,
) -> rusqlite::Result<Removed> {
    let tx = conn.transaction()?;
    let visitors = stats::sweep(&tx, now)?.forgotten;
    let sessions = tx.execute(
        "DELETE FROM sessions WHERE last_seen <= ?1",
        params![now - i64::from(session_idle_seconds)],
    )?;
    let attempts = tx.execute(
        "DELETE FROM auth_attempts WHERE at <= ?1",
        params![now - LONGEST_WINDOW],
    )?;
    tx.commit()?;
    // PASSIVE: never waits for readers; what it cannot fold now, it folds
    // next round. Freed pages are reused by later rows, so the file stays flat.
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
    Ok(Removed {
        visitors,
        sessions,
        attempts,
    })
}

/// Seconds between rounds of upkeep.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(600);

/// Runs a round now and then every [`EVERY`], for as long as the server runs.
pub async fn on_schedule(db: super::Db, clock: crate::Clock, session_idle_seconds: u32) {
    let mut ticks = tokio::time::interval(EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = clock();
        let round = db
            .call(move |c| Ok(run(c, now, session_idle_seconds)?))
            .await;
        // The cause itself was logged where the query failed.
        match round {
            Ok(removed) => tracing::info!(
                visitors = removed.visitors,
                sessions = removed.sessions,
                attempts = removed.attempts,
                "upkeep"
            ),
            Err(e) => tracing::error!(answer = e.message, "upkeep failed"),
        }
    }
}
