//! Members, their sessions, and the attempts counted for the rate limits.
//!
//! Password hashing is not done here: it is slow on purpose, and the one
//! connection must not be held while it runs (see `api::members`).

use ntm_types::Member;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

/// A registered member with their password's hash (a PHC string).
pub struct Account {
    pub member: Member,
    pub password_hash: String,
}

pub fn account_by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        "SELECT id, name, email, password_hash FROM members WHERE email = ?1",
        [email],
        |r| {
            Ok(Account {
                member: Member {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    email: r.get(2)?,
                },
                password_hash: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Adds a member unless the e-mail is taken; an existing account is left as
/// it is. Whether it was added is not for the caller to tell anyone.
pub fn register(
    conn: &Connection,
    name: &str,
    email: &str,
    password_hash: &str,
    now: i64,
) -> rusqlite::Result<bool> {
    let added = conn.execute(
        "INSERT INTO members (name, email, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (email) DO NOTHING",
        params![name, email, password_hash, now],
    )?;
    Ok(added == 1)
}

/// Keeps a copy of a member of another store (a NukeViet site's) under the
/// same id, for sessions and votes to refer to; its password is not kept (no
/// hash matches the one written). An older copy holding the e-mail goes.
pub fn keep_copy(conn: &Connection, member: &Member, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM members WHERE email = ?1 AND id <> ?2",
        params![member.email, member.id],
    )?;
    conn.execute(
        "INSERT INTO members (id, name, email, password_hash, created_at)
         VALUES (?1, ?2, ?3, '!', ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email",
        params![member.id, member.name, member.email, now],
    )?;
    Ok(())
}

/// A signed-in browser: its member and the token its writes must echo.
#[derive(Clone, Debug)]
pub struct Session {
    pub member: Member,
    pub csrf_token: String,
}

/// What the database keeps of a session token: its SHA-256.
pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Starts a session for `member` under `token` (the cookie's value), and
/// clears out sessions left idle past the limit.
pub fn start_session(
    conn: &Connection,
    member: i64,
    token: &str,
    csrf_token: &str,
    now: i64,
    idle_seconds: u32,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE last_seen <= ?1",
        [now - i64::from(idle_seconds)],
    )?;
    conn.execute(
        "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![token_hash(token), member, csrf_token, now],
    )?;
    Ok(())
}

/// The live session of `token`: one used less than `idle_seconds` ago. An
/// expired one is deleted on the way.
pub fn session(
    conn: &Connection,
    token: &str,
    now: i64,
    idle_seconds: u32,
) -> rusqlite::Result<Option<Session>> {
    let hash = token_hash(token);
    let found = conn
        .query_row(
            "SELECT m.id, m.name, m.email, s.csrf_token, s.last_seen
             FROM sessions s JOIN members m ON m.id = s.member_id
             WHERE s.token_hash = ?1",
            [&hash],
            |r| {
                let session = Session {
                    member: Member {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        email: r.get(2)?,
                    },
                    csrf_token: r.get(3)?,
                };
                Ok((session, r.get::<_, i64>(4)?))
            },
        )
        .optional()?;
    match found {
        Some((session, last_seen)) if now < last_seen + i64::from(idle_seconds) => {
            Ok(Some(session))
        }
        Some(_) => {
            end_session(conn, token)?;
            Ok(None)
        }
        None => Ok(None),
    }
}

/// Restarts the idle count of `token`'s session.
pub fn touch_session(conn: &Connection, token: &str, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sessions SET last_seen = MAX(last_seen, ?2) WHERE token_hash = ?1",
        params![token_hash(token), now],
    )?;
    Ok(())
}

pub fn end_session(conn: &Connection, token: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM sessions WHERE token_hash = ?1",
        [token_hash(token)],
    )?;
    Ok(())
}

/// What a rate limit counts.
#[derive(Clone, Copy, Debug)]
pub enum Attempt {
    /// A failed sign-in, by IP address.
    SignInFromIp,
    /// A failed sign-in, by the e-mail address tried.
    SignInToEmail,
    /// A registration, by IP address.
    Registration,
    /// A visit from a visitor id not seen before, by IP address.
    NewVisitor,
}

impl Attempt {
    fn kind(self) -> &'static str {
        match self {
            Attempt::SignInFromIp => "sign_in_ip",
            Attempt::SignInToEmail => "sign_in_email",
            Attempt::Registration => "register_ip",
            Attempt::NewVisitor => "new_visitor_ip",
        }
    }
}

/// The longest window any limit looks back over: older attempts are dropped.
pub const LONGEST_WINDOW: i64 = 3600;

/// Attempts of `kind` for `key` in the last `window` seconds.
pub fn attempts(
    conn: &Connection,
    kind: Attempt,
    key: &str,
    now: i64,
    window: i64,
) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT COUNT(*) FROM auth_attempts WHERE kind = ?1 AND key = ?2 AND at > ?3",
        params![kind.kind(), key, now - window],
        |r| r.get(0),
    )
}

pub fn record_attempt(
    conn: &Connection,
    kind: Attempt,
    key: &str,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM auth_attempts WHERE at <= ?1",
        [now - LONGEST_WINDOW],
    )?;
    conn.execute(
        "INSERT INTO auth_attempts (kind, key, at) VALUES (?1, ?2, ?3)",
        params![kind.kind(), key, now],
    )?;
    Ok(())
}

/// Forgets the attempts of `kind` for `key`: a right password ends the count
/// against that e-mail address.
pub fn clear_attempts(conn: &Connection, kind: Attempt, key: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM auth_attempts WHERE kind = ?1 AND key = ?2",
        params![kind.kind(), key],
    )?;
    Ok(())
}
