//! Polls, their results and votes.

use ntm_types::{Poll, PollResults, Timestamp};

use super::{blocking, Store};
use crate::db;
use crate::db::polls::{self, Reader, VoteOutcome, Voter};
use crate::error::AppError;
use crate::nukeviet;

impl Store {
    /// Every poll shown, open ones first, newest first, as the visitor
    /// or member reading sees it.
    pub async fn polls(
        &self,
        visitor: Option<String>,
        member: Option<i64>,
        now: Timestamp,
    ) -> Result<Vec<Poll>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    let reader = Reader {
                        visitor: visitor.as_deref(),
                        member,
                    };
                    Ok(polls::all(c, reader, now)?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                side.call(move |c| {
                    let mut all = site.polls(None, now)?;
                    let reader = Reader {
                        visitor: visitor.as_deref(),
                        member,
                    };
                    for poll in &mut all {
                        if let Some(voter) = reader.voter(poll.members_only) {
                            poll.my_choices =
                                db::nukeviet_side::my_choices(c, poll.id, &voter.key())?;
                        }
                    }
                    if let Some(member) = member {
                        voted_on_the_old_site(&site, member, &mut all)?;
                    }
                    Ok(all)
                })
                .await
            }
        }
    }

    /// Poll `id` (the current one, for the sidebar, when `None`: the newest
    /// open one, else the newest shown) as the one reading sees it.
    pub async fn poll(
        &self,
        id: Option<i64>,
        visitor: Option<String>,
        member: Option<i64>,
        now: Timestamp,
    ) -> Result<Option<Poll>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    let id = match id {
                        Some(id) => id,
                        None => match polls::current_id(c, now)? {
                            Some(id) => id,
                            None => return Ok(None),
                        },
                    };
                    let reader = Reader {
                        visitor: visitor.as_deref(),
                        member,
                    };
                    Ok(polls::poll(c, id, reader, now)?)
                })
                .await
            }
            Store::NukeViet { .. } => {
                // The shown polls are few: the first is the current one.
                let all = self.polls(visitor, member, now).await?;
                Ok(match id {
                    Some(id) => all.into_iter().find(|p| p.id == id),
                    None => all.into_iter().next(),
                })
            }
        }
    }

    /// The results so far of poll `id`.
    pub async fn poll_results(&self, id: i64) -> Result<Option<PollResults>, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(polls::results(c, id)?)).await,
            Store::NukeViet { site, .. } => blocking(site, move |s| s.poll_results(id)).await,
        }
    }

    /// Whether only members vote in poll `id`; `None` when there is none.
    pub async fn poll_members_only(
        &self,
        id: i64,
        now: Timestamp,
    ) -> Result<Option<bool>, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(polls::members_only(c, id)?)).await,
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.polls(Some(id), now)?.first().map(|p| p.members_only))
                })
                .await
            }
        }
    }

    /// Counts `voter`'s vote for `choices` in poll `id`, at most
    /// `per_ip_per_day` a day from one address.
    pub async fn vote(
        &self,
        id: i64,
        voter: Voter,
        ip: String,
        choices: Vec<i64>,
        now: Timestamp,
        per_ip_per_day: u32,
    ) -> Result<VoteOutcome, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(polls::vote(
                        c,
                        id,
                        &voter,
                        &ip,
                        &choices,
                        now,
                        per_ip_per_day,
                    )?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                // Under the side store's lock, as a rating is: a visitor's two
                // votes cannot both pass, and the record is kept only once
                // NukeViet has counted the vote.
                side.call(move |c| {
                    let Some(mut poll) = site.polls(Some(id), now)?.pop() else {
                        return Ok(VoteOutcome::NotFound);
                    };
                    let member = match &voter {
                        Voter::Member(m) => Some(*m),
                        Voter::Visitor(_) => None,
                    };
                    if poll.members_only != member.is_some() {
                        return Ok(VoteOutcome::WrongVoter);
                    }
                    let key = voter.key();
                    poll.my_choices = db::nukeviet_side::my_choices(c, id, &key)?;
                    if let Some(member) = member {
                        voted_on_the_old_site(&site, member, std::slice::from_mut(&mut poll))?;
                    }
                    if let Some(refused) = polls::refusal(&poll, &choices) {
                        return Ok(refused);
                    }
                    let tx =
                        c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                    if !db::nukeviet_side::record_vote(
                        &tx,
                        id,
                        &key,
                        &ip,
                        &choices,
                        now,
                        per_ip_per_day,
                    )? {
                        return Ok(VoteOutcome::IpLimit);
                    }
                    site.add_vote(id, &choices, member)?;
                    tx.commit()?;
                    match site.poll_results(id)? {
                        Some(results) => Ok(VoteOutcome::Counted(results)),
                        None => Ok(VoteOutcome::NotFound),
                    }
                })
                .await
            }
        }
    }
}

/// Marks the members-only polls among `polls` that `member` voted in on the
/// old site (NukeViet's list of members who voted) as voted, their choices
/// unknown.
fn voted_on_the_old_site(
    site: &nukeviet::Site,
    member: i64,
    polls: &mut [Poll],
) -> mysql::Result<()> {
    let unknown: Vec<i64> = polls
        .iter()
        .filter(|p| p.members_only && p.my_choices.is_none())
        .map(|p| p.id)
        .collect();
    for voted in site.voted_in(member, &unknown)? {
        if let Some(poll) = polls.iter_mut().find(|p| p.id == voted) {
            poll.my_choices = Some(Vec::new());
        }
    }
    Ok(())
}
