//! Who is online, where NukeViet keeps it: the sessions table, one row a
//! browser, online when seen in the last 5 minutes
//! (docs/nukeviet-schema-notes.md, section 6).
//!
//! The table is MEMORY, whose keys are hashes: nothing orders `onl_time`, so
//! counting who is online, or removing rows an hour old, reads every row and
//! costs more as the audience grows. So the count is taken at most every
//! [`RECOUNT`] seconds and kept; in between, each browser this front end
//! sees come online is added as it comes (its own row is found by its unique
//! key). Browsers leaving, and those the old site sees if it still runs,
//! show at the next count. Old rows go at most once a minute, as NukeViet's
//! cron job removes them.

use std::sync::{Mutex, MutexGuard, PoisonError};

use mysql::prelude::Queryable;
use mysql::PooledConn;
use ntm_types::Timestamp;

use super::schema::Tables;

/// A browser seen this recently is online (NukeViet's `NV_ONLINE_UPD_TIME`).
const WINDOW: i64 = 300;
/// Rows older than this are removed (NukeViet's cron job does it too).
const KEPT: i64 = 3600;
/// Longest time the kept count goes without a count of the rows.
pub const RECOUNT: i64 = 10;
/// Shortest time between two removals of old rows.
const PRUNE_EVERY: i64 = 60;
/// MySQL's ER_RECORD_FILE_FULL: "The table … is full".
const TABLE_FULL: u16 = 1114;

/// The count kept between counts of the rows; one per open site.
#[derive(Default)]
pub struct Online(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    counted_at: Option<Timestamp>,
    online: u32,
    bots: u32,
    pruned_at: Option<Timestamp>,
}

/// Whether something last done at `last` is due again at `now`; a clock set
/// back makes it due.
fn due(last: Option<Timestamp>, now: Timestamp, every: i64) -> bool {
    last.is_none_or(|t| now < t || now - t >= every)
}

/// NukeViet's rule: a guest row whose name starts with `bot:`.
fn is_bot(userid: u32, username: &str) -> bool {
    userid == 0 && username.starts_with("bot:")
}

impl Online {
    fn kept(&self) -> MutexGuard<'_, Kept> {
        // A panic elsewhere leaves the numbers whole; the next count mends them.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Browsers online now and how many of them are bots.
    pub fn count(
        &self,
        conn: &mut PooledConn,
        tables: &Tables,
        now: Timestamp,
    ) -> mysql::Result<(u32, u32)> {
        // Held while counting, so that concurrent readers wait for one count
        // instead of each reading the table.
        let mut kept = self.kept();
        if due(kept.counted_at, now, RECOUNT) {
            let (online, bots): (Option<u32>, Option<u32>) = conn
                .exec_first(
                    format!(
                        "SELECT COUNT(*), SUM(userid = 0 AND username LIKE 'bot:%') FROM {} \
                         WHERE onl_time >= ?",
                        tables.sessions
                    ),
                    (now - WINDOW,),
                )?
                .unwrap_or_default();
            kept.online = online.unwrap_or(0);
            kept.bots = bots.unwrap_or(0);
            kept.counted_at = Some(now);
        }
        Ok((kept.online, kept.bots))
    }

    /// Notes that `session` shows a page now: its row written as NukeViet
    /// writes a guest's, and the kept count moved by what it changes.
    pub fn note(
        &self,
        conn: &mut PooledConn,
        tables: &Tables,
        session: &str,
        bot: bool,
        now: Timestamp,
    ) -> mysql::Result<()> {
        // Held from reading the row to moving the count, so that a count of
        // the rows taken meanwhile cannot be moved by this row twice.
        let mut kept = self.kept();
        let row: Option<(i64, u32, String)> = conn.exec_first(
            format!(
                "SELECT onl_time, userid, username FROM {} WHERE session_id = ?",
                tables.sessions
            ),
            (session,),
        )?;
        if row.is_none() && due(kept.pruned_at, now, PRUNE_EVERY) {
            conn.exec_drop(
                format!("DELETE FROM {} WHERE onl_time < ?", tables.sessions),
                (now - KEPT,),
            )?;
            kept.pruned_at = Some(now);
        }
        let username = if bot { "bot:Unknown" } else { "guest" };
        let written = conn.exec_drop(
            format!(
                "INSERT INTO {} (session_id, userid, username, onl_time) VALUES (?, 0, ?, ?) \
                 ON DUPLICATE KEY UPDATE username = VALUES(username), onl_time = VALUES(onl_time)",
                tables.sessions
            ),
            (session, username, now),
        );
        match written {
            // A MEMORY table holds what `max_heap_table_size` allowed when it
            // was made (16 MiB by default, about 25,000 browsers): when it is
            // full the browser is not shown online, and its visit still counts.
            Err(mysql::Error::MySqlError(e)) if e.code == TABLE_FULL => {
                tracing::warn!(
                    table = %tables.sessions,
                    "the sessions table is full: a browser is not shown online \
                     (raise max_heap_table_size, then ALTER TABLE … ENGINE=MEMORY)"
                );
                return Ok(());
            }
            other => other?,
        }
        let Some(counted_at) = kept.counted_at else {
            return Ok(());
        };
        // Already in the kept count: seen within the window of the last
        // count, or written here since. (A row the old site wrote since is
        // taken as in it too, and is until the next count.)
        match row.filter(|(seen, ..)| *seen >= counted_at - WINDOW) {
            None => {
                kept.online += 1;
                kept.bots += u32::from(bot);
            }
            Some((_, userid, name)) => match (is_bot(userid, &name), bot) {
                (true, false) => kept.bots = kept.bots.saturating_sub(1),
                (false, true) => kept.bots = (kept.bots + 1).min(kept.online),
                _ => {}
            },
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn due_when_never_done_when_time_has_passed_or_the_clock_went_back() {
        assert!(due(None, 100, 10));
        assert!(!due(Some(100), 109, 10));
        assert!(due(Some(100), 110, 10));
        assert!(due(Some(100), 99, 10));
    }
}
