//! Polls from NukeViet's voting module (docs/nukeviet-schema-notes.md,
//! section 5): a poll row, its answers with their counts, and for polls
//! where members vote once (`vote_one`) the list of members who voted.
//! Who else voted what is not NukeViet's to keep: the side store has it.

use mysql::prelude::Queryable;
use mysql::{PooledConn, Row};
use ntm_types::{Poll, PollOption, PollResults, PollTally, Timestamp};

use super::schema::ModuleTables;
use super::{for_everyone, get, Site};
use crate::text::decode_entities;

/// Polls everyone may see and that are switched on.
fn shown() -> String {
    format!("act = 1 AND {}", for_everyone("groups_view"))
}

impl Site {
    /// See [`polls`]; none when the site has no voting module.
    pub fn polls(&self, only: Option<i64>, now: Timestamp) -> mysql::Result<Vec<Poll>> {
        match &self.tables().voting {
            Some(voting) => polls(&mut self.conn()?, voting, only, now),
            None => Ok(Vec::new()),
        }
    }

    /// See [`results`].
    pub fn poll_results(&self, id: i64) -> mysql::Result<Option<PollResults>> {
        match &self.tables().voting {
            Some(voting) => results(&mut self.conn()?, voting, id),
            None => Ok(None),
        }
    }

    /// The polls among `ids` in whose list of members who voted `member` is
    /// (a vote on the old site, of which the choices are not known).
    pub fn voted_in(&self, member: i64, ids: &[i64]) -> mysql::Result<Vec<i64>> {
        let Some(voting) = &self.tables().voting else {
            return Ok(Vec::new());
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        self.conn()?.exec(
            format!(
                "SELECT vid FROM {} WHERE vid IN ({list}) AND FIND_IN_SET(?, voted)",
                voting.table("voted")
            ),
            (member.to_string(),),
        )
    }

    /// See [`add_vote`].
    pub fn add_vote(&self, id: i64, choices: &[i64], member: Option<i64>) -> mysql::Result<()> {
        match &self.tables().voting {
            Some(voting) => add_vote(&mut self.conn()?, voting, id, choices, member),
            None => Ok(()),
        }
    }
}

/// The polls shown (only poll `only` when given), open ones first, newest
/// first, with their answers, as
/// anyone sees them (`my_choices` is the side store's to fill).
pub fn polls(
    conn: &mut PooledConn,
    voting: &ModuleTables,
    only: Option<i64>,
    now: Timestamp,
) -> mysql::Result<Vec<Poll>> {
    let open = "(publ_time <= ? AND (exp_time = 0 OR exp_time > ?))";
    let mut params: Vec<mysql::Value> = vec![now.into(), now.into()];
    let mut filter = shown();
    if let Some(id) = only {
        filter.push_str(" AND vid = ?");
        params.push(id.into());
    }
    params.extend([now.into(), now.into()]);
    let rows: Vec<Row> = conn.exec(
        format!(
            "SELECT vid, question, acceptcm, publ_time, exp_time, {open}, vote_one \
             FROM {} WHERE {filter} ORDER BY {open} DESC, publ_time DESC, vid DESC",
            voting.main()
        ),
        params,
    )?;
    let mut polls: Vec<Poll> = rows
        .iter()
        .map(|row| {
            let ends: i64 = get(row, 4)?;
            Ok(Poll {
                id: get(row, 0)?,
                question: decode_entities(&get::<String>(row, 1)?),
                // NukeViet's form allows 0 or less; one answer is what it takes then.
                max_choices: get::<i64>(row, 2)?.clamp(1, u32::MAX.into()) as u32,
                starts_at: get(row, 3)?,
                ends_at: (ends != 0).then_some(ends),
                open: get(row, 5)?,
                options: Vec::new(),
                my_choices: None,
                members_only: get::<u8>(row, 6)? == 1,
            })
        })
        .collect::<mysql::Result<_>>()?;
    if polls.is_empty() {
        return Ok(polls);
    }
    // Every poll's answers in one query.
    let ids = polls
        .iter()
        .map(|p| p.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let answers: Vec<(i64, i64, String)> = conn.query(format!(
        "SELECT vid, id, title FROM {} WHERE vid IN ({ids}) ORDER BY id",
        voting.table("rows")
    ))?;
    for (vid, id, title) in answers {
        if let Some(poll) = polls.iter_mut().find(|p| p.id == vid) {
            poll.options.push(PollOption {
                id,
                label: decode_entities(&title),
            });
        }
    }
    Ok(polls)
}

/// The counts of a poll shown. NukeViet counts the answers ticked: in a
/// one-answer poll that is the number of voters; in a poll of more it
/// keeps no number of voters.
pub fn results(
    conn: &mut PooledConn,
    voting: &ModuleTables,
    id: i64,
) -> mysql::Result<Option<PollResults>> {
    let head: Option<(i64, i64)> = conn.exec_first(
        format!(
            "SELECT acceptcm, publ_time FROM {} WHERE vid = ? AND {}",
            voting.main(),
            shown()
        ),
        (id,),
    )?;
    let Some((max_choices, since)) = head else {
        return Ok(None);
    };
    let options: Vec<PollTally> = conn.exec_map(
        format!(
            "SELECT id, title, hitstotal FROM {} WHERE vid = ? ORDER BY id",
            voting.table("rows")
        ),
        (id,),
        |(id, title, votes): (i64, String, u64)| PollTally {
            id,
            label: decode_entities(&title),
            // The contract's counts are 32-bit, NukeViet's too (unsigned).
            votes: votes.min(u32::MAX.into()) as u32,
        },
    )?;
    let choices = options
        .iter()
        .fold(0u32, |sum, o| sum.saturating_add(o.votes));
    Ok(Some(PollResults {
        poll_id: id,
        voters: (max_choices <= 1).then_some(choices),
        choices,
        options,
        since,
    }))
}

/// Counts a vote where NukeViet counts it: one more for each answer chosen
/// and, from a member in a poll members vote once in, their id in the list
/// of those who voted. The caller has checked the vote.
pub fn add_vote(
    conn: &mut PooledConn,
    voting: &ModuleTables,
    id: i64,
    choices: &[i64],
    member: Option<i64>,
) -> mysql::Result<()> {
    let list = choices
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    conn.exec_drop(
        format!(
            "UPDATE {} SET hitstotal = hitstotal + 1 \
             WHERE vid = ? AND id IN ({list}) AND hitstotal < 4294967295",
            voting.table("rows")
        ),
        (id,),
    )?;
    if let Some(member) = member {
        conn.exec_drop(
            format!(
                "INSERT INTO {} (vid, voted) VALUES (?, ?) \
                 ON DUPLICATE KEY UPDATE voted = CONCAT_WS(',', NULLIF(voted, ''), VALUES(voted))",
                voting.table("voted")
            ),
            (id, member.to_string()),
        )?;
    }
    Ok(())
}
