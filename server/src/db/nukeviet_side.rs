//! The NukeViet mode's side store: what a NukeViet site has no table for,
//! kept beside its database, never in it.

use rusqlite::{params, Connection, OptionalExtension};

/// Who rated which NukeViet article (for `super::record_rating`).
pub const RATINGS: &str = "nukeviet_ratings";

/// This visitor's rating of NukeViet article `article_id`, if any.
pub fn my_rating(
    conn: &Connection,
    article_id: u32,
    visitor: Option<&str>,
) -> rusqlite::Result<Option<u8>> {
    let Some(visitor) = visitor else {
        return Ok(None);
    };
    conn.query_row(
        &format!("SELECT points FROM {RATINGS} WHERE article_id = ?1 AND visitor = ?2"),
        params![article_id, visitor],
        |r| r.get(0),
    )
    .optional()
}

/// The answers `voter` (a [`super::polls::Voter::key`]) chose in NukeViet
/// poll `poll_id`, if they voted.
pub fn my_choices(
    conn: &Connection,
    poll_id: i64,
    voter: &str,
) -> rusqlite::Result<Option<Vec<i64>>> {
    let choices: Option<String> = conn
        .query_row(
            "SELECT choices FROM nukeviet_votes WHERE poll_id = ?1 AND voter = ?2",
            params![poll_id, voter],
            |r| r.get(0),
        )
        .optional()?;
    Ok(choices.map(|list| list.split(',').filter_map(|id| id.parse().ok()).collect()))
}

/// Records `voter`'s vote unless `per_ip_per_day` votes in this poll came
/// from `ip` in the last day (then `false`). In the caller's transaction, so
/// that it is undone if NukeViet's counts cannot be written.
pub fn record_vote(
    conn: &Connection,
    poll_id: i64,
    voter: &str,
    ip: &str,
    choices: &[i64],
    now: i64,
    per_ip_per_day: u32,
) -> rusqlite::Result<bool> {
    let from_ip: u32 = conn.query_row(
        "SELECT COUNT(*) FROM nukeviet_votes WHERE poll_id = ?1 AND ip = ?2 AND created_at > ?3",
        params![poll_id, ip, now - 86_400],
        |r| r.get(0),
    )?;
    if from_ip >= per_ip_per_day {
        return Ok(false);
    }
    let mut sorted = choices.to_vec();
    sorted.sort_unstable();
    let list = sorted
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    conn.execute(
        "INSERT INTO nukeviet_votes (poll_id, voter, ip, choices, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![poll_id, voter, ip, list, now],
    )?;
    Ok(true)
}
