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
