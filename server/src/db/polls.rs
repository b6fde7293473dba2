//! Polls: reading them, their results, and votes.

use ntm_types::{Poll, PollOption, PollResults, PollTally};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

/// A poll as the seed or a test inserts it.
#[derive(Clone, Debug, Default)]
pub struct NewPoll {
    pub question: String,
    pub max_choices: u32,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub active: bool,
    /// (label, votes already counted)
    pub options: Vec<(String, u32)>,
    /// Voters already counted (demo history).
    pub voters: u32,
    /// Only signed-in members may vote.
    pub members_only: bool,
}

pub fn insert(conn: &mut Connection, p: &NewPoll) -> rusqlite::Result<i64> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO polls (question, max_choices, starts_at, ends_at, active, voters, members_only)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            p.question,
            p.max_choices,
            p.starts_at,
            p.ends_at,
            p.active,
            p.voters,
            p.members_only
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (i, (label, votes)) in p.options.iter().enumerate() {
        tx.execute(
            "INSERT INTO poll_options (poll_id, position, label, votes) VALUES (?1, ?2, ?3, ?4)",
            params![id, i as i64, label, votes],
        )?;
    }
    tx.commit()?;
    Ok(id)
}

/// Who votes: a browser by its visitor cookie, or a signed-in member.
#[derive(Clone, Debug, PartialEq)]
pub enum Voter {
    Visitor(String),
    Member(i64),
}

impl Voter {
    /// The key of their vote in `poll_voters` and `poll_choices`. A visitor
    /// id is 32 hex digits, so a member's key never equals one.
    pub fn key(&self) -> String {
        match self {
            Voter::Visitor(v) => v.clone(),
            Voter::Member(id) => format!("m:{id}"),
        }
    }
}

/// Who is reading: their visitor cookie and the member signed in, if any.
/// A poll shows the choices of the one who may vote in it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reader<'a> {
    pub visitor: Option<&'a str>,
    pub member: Option<i64>,
}

impl Reader<'_> {
    pub fn voter(&self, members_only: bool) -> Option<Voter> {
        if members_only {
            self.member.map(Voter::Member)
        } else {
            self.visitor.map(|v| Voter::Visitor(v.to_owned()))
        }
    }
}

/// Whether only members may vote in poll `id`; `None` when there is no such poll.
pub fn members_only(conn: &Connection, id: i64) -> rusqlite::Result<Option<bool>> {
    conn.query_row("SELECT members_only FROM polls WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
}

/// Every active poll, open ones first, newest first.
pub fn all(conn: &Connection, reader: Reader, now: i64) -> rusqlite::Result<Vec<Poll>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM polls WHERE active
         ORDER BY (starts_at <= ?1 AND (ends_at IS NULL OR ends_at > ?1)) DESC, starts_at DESC, id DESC",
    )?;
    let ids: Vec<i64> = stmt
        .query_map([now], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter()
        .filter_map(|id| poll(conn, id, reader, now).transpose())
        .collect()
}

/// The poll to show in the sidebar: the newest open one, else the newest active one.
pub fn current_id(conn: &Connection, now: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM polls WHERE active
         ORDER BY (starts_at <= ?1 AND (ends_at IS NULL OR ends_at > ?1)) DESC, starts_at DESC, id DESC
         LIMIT 1",
        [now],
        |r| r.get(0),
    )
    .optional()
}

pub fn poll(
    conn: &Connection,
    id: i64,
    reader: Reader,
    now: i64,
) -> rusqlite::Result<Option<Poll>> {
    let Some(mut poll) = conn
        .query_row(
            "SELECT id, question, max_choices, starts_at, ends_at,
                    active AND starts_at <= ?2 AND (ends_at IS NULL OR ends_at > ?2),
                    members_only
             FROM polls WHERE id = ?1",
            params![id, now],
            |r| {
                Ok(Poll {
                    id: r.get(0)?,
                    question: r.get(1)?,
                    max_choices: r.get(2)?,
                    starts_at: r.get(3)?,
                    ends_at: r.get(4)?,
                    open: r.get(5)?,
                    options: Vec::new(),
                    my_choices: None,
                    members_only: r.get(6)?,
                })
            },
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, label FROM poll_options WHERE poll_id = ?1 ORDER BY position",
    )?;
    poll.options = stmt
        .query_map([id], |r| {
            Ok(PollOption {
                id: r.get(0)?,
                label: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    if let Some(voter) = reader.voter(poll.members_only) {
        let v = voter.key();
        let voted: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM poll_voters WHERE poll_id = ?1 AND visitor = ?2)",
            params![id, v],
            |r| r.get(0),
        )?;
        if voted {
            let mut stmt = conn.prepare_cached(
                "SELECT option_id FROM poll_choices WHERE poll_id = ?1 AND visitor = ?2 ORDER BY option_id",
            )?;
            poll.my_choices = Some(
                stmt.query_map(params![id, v], |r| r.get(0))?
                    .collect::<Result<_, _>>()?,
            );
        }
    }
    Ok(Some(poll))
}

pub fn results(conn: &Connection, id: i64) -> rusqlite::Result<Option<PollResults>> {
    let Some((voters, since)) = conn
        .query_row(
            "SELECT voters, starts_at FROM polls WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, votes FROM poll_options WHERE poll_id = ?1 ORDER BY position",
    )?;
    let options: Vec<PollTally> = stmt
        .query_map([id], |r| {
            Ok(PollTally {
                id: r.get(0)?,
                label: r.get(1)?,
                votes: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(PollResults {
        poll_id: id,
        // The contract's counts are 32-bit: a sum past that stays at the top.
        choices: options
            .iter()
            .fold(0u32, |sum, o| sum.saturating_add(o.votes)),
        options,
        voters: Some(voters),
        since,
    }))
}

/// What became of a vote.
#[derive(Debug, PartialEq)]
pub enum VoteOutcome {
    Counted(PollResults),
    NotFound,
    Closed,
    /// Empty, too many, repeated, or an option of another poll.
    Invalid(&'static str),
    AlreadyVoted,
    IpLimit,
    /// A visitor in a members-only poll, or a member voting as one elsewhere
    /// (the caller checks first; this keeps the rule in one place too).
    WrongVoter,
}

/// Why `choices` cannot be counted in `poll`, as read for the one voting
/// (their `my_choices`), if they cannot: the checks of both stores.
pub fn refusal(poll: &Poll, choices: &[i64]) -> Option<VoteOutcome> {
    if !poll.open {
        return Some(VoteOutcome::Closed);
    }
    let mut sorted = choices.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if choices.is_empty() {
        return Some(VoteOutcome::Invalid("Vui lòng chọn ít nhất một phương án."));
    }
    if sorted.len() != choices.len() {
        return Some(VoteOutcome::Invalid("Mỗi phương án chỉ được chọn một lần."));
    }
    if choices.len() > poll.max_choices as usize {
        return Some(VoteOutcome::Invalid(
            "Bạn đã chọn nhiều hơn số phương án cho phép.",
        ));
    }
    if !choices
        .iter()
        .all(|c| poll.options.iter().any(|o| o.id == *c))
    {
        return Some(VoteOutcome::Invalid(
            "Phương án không thuộc cuộc thăm dò này.",
        ));
    }
    if poll.my_choices.is_some() {
        return Some(VoteOutcome::AlreadyVoted);
    }
    None
}

/// Counts one vote, checks and counters in one transaction. The caller has
/// checked that a member votes in a members-only poll and a visitor elsewhere.
pub fn vote(
    conn: &mut Connection,
    id: i64,
    voter: &Voter,
    ip: &str,
    choices: &[i64],
    now: i64,
    per_ip_per_day: u32,
) -> rusqlite::Result<VoteOutcome> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let reader = match voter {
        Voter::Visitor(v) => Reader {
            visitor: Some(v),
            member: None,
        },
        Voter::Member(m) => Reader {
            visitor: None,
            member: Some(*m),
        },
    };
    let Some(poll) = poll(&tx, id, reader, now)? else {
        return Ok(VoteOutcome::NotFound);
    };
    if poll.members_only != matches!(voter, Voter::Member(_)) {
        return Ok(VoteOutcome::WrongVoter);
    }
    if let Some(refused) = refusal(&poll, choices) {
        return Ok(refused);
    }
    let from_ip: u32 = tx.query_row(
        "SELECT COUNT(*) FROM poll_voters WHERE poll_id = ?1 AND ip = ?2 AND created_at > ?3",
        params![id, ip, now - 86_400],
        |r| r.get(0),
    )?;
    if from_ip >= per_ip_per_day {
        return Ok(VoteOutcome::IpLimit);
    }
    let visitor = voter.key();
    let member = match voter {
        Voter::Member(m) => Some(*m),
        Voter::Visitor(_) => None,
    };
    tx.execute(
        "INSERT INTO poll_voters (poll_id, visitor, ip, created_at, member_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, visitor, ip, now, member],
    )?;
    tx.execute(
        "UPDATE polls SET voters = MIN(voters + 1, 4294967295) WHERE id = ?1",
        [id],
    )?;
    for option in choices {
        tx.execute(
            "INSERT INTO poll_choices (poll_id, visitor, option_id) VALUES (?1, ?2, ?3)",
            params![id, visitor, option],
        )?;
        tx.execute(
            "UPDATE poll_options SET votes = MIN(votes + 1, 4294967295) WHERE id = ?1",
            [option],
        )?;
    }
    let counted = results(&tx, id)?.expect("the poll exists");
    tx.commit()?;
    Ok(VoteOutcome::Counted(counted))
}
