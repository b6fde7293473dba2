//! Where the contract's content comes from: the reference backend's own
//! SQLite database, or a NukeViet site's MySQL/MariaDB database (the NukeViet
//! mode). Handlers and the first view ask the store and do not know which one
//! answers. The NukeViet mode keeps what the site has no table for (who rated
//! or voted what, sessions, rate limits, the daily visit history) in the
//! SQLite database, its side store.

use ntm_types::datetime::day_key;
use ntm_types::{
    Article, ArticleSummary, Category, DailyVisits, Document, DocumentFacets, DocumentSummary,
    Member, Poll, PollResults, RatingState, SiteInfo, Stats, Timestamp,
};

use crate::db::documents::Filter;
use crate::db::polls::{self, Reader, VoteOutcome, Voter};
use crate::db::stats;
use crate::db::{self, Db, RateOutcome};
use crate::error::AppError;
use crate::nukeviet;
pub use crate::nukeviet::laws::FileSource;

#[derive(Clone)]
pub enum Store {
    Own(Db),
    /// A NukeViet site, with the side store (`side`, the SQLite database)
    /// for what it has no table for: who rated what.
    NukeViet {
        site: nukeviet::Site,
        side: Db,
    },
}

/// One page of a news list, before paging is added.
pub struct NewsPage {
    pub items: Vec<ArticleSummary>,
    pub total: u32,
    /// The category listed, when one was asked for.
    pub category: Option<Category>,
}

/// Runs a NukeViet read off the async threads (the MySQL client blocks).
async fn blocking<T, F>(site: &nukeviet::Site, read: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&nukeviet::Site) -> mysql::Result<T> + Send + 'static,
{
    let site = site.clone();
    tokio::task::spawn_blocking(move || read(&site))
        .await
        .map_err(|_| AppError::internal())?
        .map_err(AppError::from)
}

impl Store {
    /// What every page's frame shows; `None` when the site is not set up yet.
    pub async fn site(&self) -> Result<Option<SiteInfo>, AppError> {
        match self {
            Store::Own(db) => {
                let json = db.call(|c| Ok(db::site(c)?)).await?;
                json.map(|json| {
                    serde_json::from_str(&json).map_err(|e| {
                        eprintln!("stored site information is not valid: {e}");
                        AppError::internal()
                    })
                })
                .transpose()
            }
            Store::NukeViet { site, .. } => blocking(site, |s| s.site_info().map(Some)).await,
        }
    }

    /// The new address of an old page of the site at `path` and `query` (a
    /// NukeViet site's article, category, poll page…), when it has one.
    pub fn new_address(&self, path: &str, query: Option<&str>) -> Option<String> {
        match self {
            Store::Own(_) => None,
            Store::NukeViet { site, .. } => site.new_address(path, query),
        }
    }

    /// Every category, in the site's order.
    pub async fn categories(&self) -> Result<Vec<Category>, AppError> {
        match self {
            Store::Own(db) => db.call(|c| Ok(db::categories(c)?)).await,
            Store::NukeViet { site, .. } => {
                blocking(site, |s| {
                    Ok(s.categories()?.into_iter().map(|(_, c)| c).collect())
                })
                .await
            }
        }
    }

    /// `limit` articles from `offset`, newest first, of the category named by
    /// its slug when given; `None` when there is no such category.
    pub async fn news_page(
        &self,
        category: Option<String>,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<Option<NewsPage>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    let category = match category {
                        None => None,
                        Some(slug) => match db::category(c, &slug)? {
                            Some(found) => Some(found),
                            None => return Ok(None),
                        },
                    };
                    let (items, total) = db::article_summaries(
                        c,
                        category.as_ref().map(|(id, _)| *id),
                        limit,
                        offset,
                    )?;
                    Ok(Some(NewsPage {
                        items,
                        total,
                        category: category.map(|(_, c)| c),
                    }))
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.article_page(category.as_deref(), limit, offset, now)?
                        .map(|(items, total, category)| NewsPage {
                            items,
                            total,
                            category,
                        }))
                })
                .await
            }
        }
    }

    /// `limit` articles from `offset`, newest first, that hold every word of
    /// `text` (diacritics and case ignored), with the number of all.
    pub async fn search(
        &self,
        text: String,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<(Vec<ArticleSummary>, u32), AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::search_articles(c, &text, limit, offset)?))
                    .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.search(&text, limit, offset, now)).await
            }
        }
    }

    /// The article a slug names, if readers may see it; a reader's visit
    /// (`counted`) counts a view, a first view's does not.
    pub async fn article(
        &self,
        slug: String,
        now: Timestamp,
        counted: bool,
    ) -> Result<Option<Article>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(if counted {
                        db::article(c, &slug)?
                    } else {
                        db::article_uncounted(c, &slug)?
                    })
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.article(&slug, now, counted)).await
            }
        }
    }

    /// An article's rating as `visitor` sees it; `None` when readers cannot
    /// see the article.
    pub async fn rating_state(
        &self,
        slug: String,
        visitor: Option<String>,
        now: Timestamp,
    ) -> Result<Option<RatingState>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::rating_state(c, &slug, visitor.as_deref())?))
                    .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                side.call(move |c| {
                    let Some(target) = site.rating_target(&slug, now)? else {
                        return Ok(None);
                    };
                    let mine = db::nukeviet_side::my_rating(c, target.id, visitor.as_deref())?;
                    Ok(Some(RatingState {
                        enabled: target.totals.enabled,
                        total: target.totals.total,
                        count: target.totals.count,
                        mine,
                    }))
                })
                .await
            }
        }
    }

    /// `visitor` (at `ip`) rates an article `points`: at most once, and at
    /// most `per_ip_per_day` times a day from one address.
    #[allow(clippy::too_many_arguments)]
    pub async fn rate(
        &self,
        slug: String,
        visitor: String,
        ip: String,
        points: u8,
        now: Timestamp,
        per_ip_per_day: u32,
    ) -> Result<RateOutcome, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::rate(
                        c,
                        &slug,
                        &visitor,
                        &ip,
                        points,
                        now,
                        per_ip_per_day,
                    )?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                // Under the side store's lock, so two ratings of one visitor
                // cannot both pass; recorded there only once NukeViet has
                // counted it (a failure there leaves no record).
                side.call(move |c| {
                    let Some(target) = site.rating_target(&slug, now)? else {
                        return Ok(RateOutcome::NotFound);
                    };
                    if !target.totals.enabled {
                        return Ok(RateOutcome::Disabled);
                    }
                    let tx =
                        c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                    if let Some(refused) = db::record_rating(
                        &tx,
                        db::nukeviet_side::RATINGS,
                        target.id.into(),
                        &visitor,
                        &ip,
                        points,
                        now,
                        per_ip_per_day,
                    )? {
                        return Ok(refused);
                    }
                    let totals = site.add_rating(&target, points)?;
                    tx.commit()?;
                    Ok(RateOutcome::Rated(RatingState {
                        enabled: totals.enabled,
                        total: totals.total,
                        count: totals.count,
                        mine: Some(points),
                    }))
                })
                .await
            }
        }
    }

    /// `limit` documents from `offset` that pass `filter`, newest first, with
    /// the number of all; `now` decides which are in force.
    pub async fn documents(
        &self,
        filter: Filter,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<(Vec<DocumentSummary>, u32), AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::documents::search(
                        c,
                        &filter,
                        &day_key(now),
                        limit,
                        offset,
                    )?)
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.documents(&filter, limit, offset, now)).await
            }
        }
    }

    /// The values each documents filter can take.
    pub async fn document_facets(&self) -> Result<DocumentFacets, AppError> {
        match self {
            Store::Own(db) => db.call(|c| Ok(db::documents::facets(c)?)).await,
            Store::NukeViet { site, .. } => blocking(site, |s| s.document_facets()).await,
        }
    }

    /// The document a slug names, if readers may see it; a reader's visit
    /// counts a view.
    pub async fn document(
        &self,
        slug: String,
        now: Timestamp,
    ) -> Result<Option<Document>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::documents::document(c, &slug, &day_key(now))?))
                    .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.document(&slug, now, true)).await
            }
        }
    }

    /// Attachment `name` of document `slug`: its bytes and media type, or
    /// where they are; counts the download.
    pub async fn document_file(
        &self,
        slug: String,
        name: String,
    ) -> Result<Option<Sendable>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::documents::file(c, &slug, &name)?
                        .map(|(bytes, media_type)| Sendable::Bytes(bytes, media_type)))
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.document_file(&slug, &name)?.map(Sendable::At))
                })
                .await
            }
        }
    }

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

    /// Online now, visits today, this month and in all.
    pub async fn stats(&self, now: Timestamp) -> Result<Stats, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(stats::stats(c, now)?)).await,
            Store::NukeViet { site, .. } => blocking(site, move |s| s.stats(now)).await,
        }
    }

    /// Notes that `visitor` (a `bot` or not) shows a page, counting a visit
    /// once per 30 minutes; `admit` is asked first about a browser not seen
    /// before (the per-address cap). The figures after.
    pub async fn record_visit(
        &self,
        visitor: String,
        bot: bool,
        now: Timestamp,
        admit: impl FnOnce(&rusqlite::Connection) -> Result<(), AppError> + Send + 'static,
    ) -> Result<Stats, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    if !stats::known_visitor(c, &visitor)? {
                        admit(c)?;
                    }
                    stats::record_visit(c, &visitor, bot, now)?;
                    Ok(stats::stats(c, now)?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                // The side store decides what counts (its browsers table) and
                // keeps the day's count, undone if NukeViet's rows cannot be
                // written.
                side.call(move |c| {
                    if !stats::known_visitor(c, &visitor)? {
                        admit(c)?;
                    }
                    let tx = c.transaction()?;
                    let counted = stats::note_visit(&tx, &visitor, bot, now)?;
                    site.record_visit(&visitor, bot, counted, now)?;
                    tx.commit()?;
                    Ok(site.stats(now)?)
                })
                .await
            }
        }
    }

    /// Visits on each of the `days` days up to today, oldest first.
    pub async fn daily(&self, now: Timestamp, days: u32) -> Result<Vec<DailyVisits>, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(stats::daily(c, now, days)?)).await,
            Store::NukeViet { site, side } => {
                // This month's days from NukeViet's counter (visits to the
                // old site too, if it still runs), earlier ones from the
                // side store's history, kept since this front end went live.
                let this_month = blocking(site, move |s| s.days_this_month(now)).await?;
                let mut all = side.call(move |c| Ok(stats::daily(c, now, days)?)).await?;
                for day in &mut all {
                    if let Some(counted) = this_month.iter().find(|d| d.date == day.date) {
                        day.visits = counted.visits;
                    }
                }
                Ok(all)
            }
        }
    }

    /// How this store's passwords are hashed.
    pub fn passwords(&self) -> Passwords {
        match self {
            Store::Own(_) => Passwords::Argon2,
            Store::NukeViet { .. } => Passwords::NukeViet,
        }
    }

    /// The member who may sign in as `login` (an e-mail; on a NukeViet site
    /// a user name too), with their password's hash.
    pub async fn sign_in_account(&self, login: String) -> Result<Option<SignInAccount>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(
                        db::members::account_by_email(c, &login)?.map(|a| SignInAccount {
                            member: a.member,
                            password_hash: a.password_hash,
                            two_step: false,
                        }),
                    )
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.account(&login)?.map(|a| SignInAccount {
                        member: a.member,
                        password_hash: a.password_hash,
                        two_step: a.two_step,
                    }))
                })
                .await
            }
        }
    }

    /// In the side store's transaction that starts `member`'s session: a
    /// NukeViet member gets (or refreshes) a copy there, which sessions and
    /// members-only votes refer to; never a password.
    pub fn signing_in(
        &self,
        c: &rusqlite::Connection,
        member: &Member,
        now: Timestamp,
    ) -> rusqlite::Result<()> {
        match self {
            Store::Own(_) => Ok(()),
            Store::NukeViet { .. } => db::members::keep_copy(c, member, now),
        }
    }

    /// Why registration is refused here, if it is: on a NukeViet site,
    /// accounts are made by the site's administrators.
    pub async fn registration_refusal(&self) -> Result<Option<String>, AppError> {
        match self {
            Store::Own(_) => Ok(None),
            Store::NukeViet { site, .. } => {
                let email = blocking(site, |s| Ok(s.site_info()?.email)).await?;
                let ask = if email.is_empty() {
                    "vui lòng liên hệ văn phòng qua số điện thoại ở cuối trang".to_owned()
                } else {
                    format!("vui lòng gửi e-mail tới {email}")
                };
                Ok(Some(format!(
                    "Trang này không nhận đăng ký thành viên mới. Thành viên đã có tài khoản \
                     đăng nhập bằng tài khoản cũ; để được cấp tài khoản, {ask}."
                )))
            }
        }
    }
}

/// How a store's passwords are hashed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Passwords {
    /// Argon2id PHC strings (the reference backend's own members).
    Argon2,
    /// NukeViet's formats (`{SSHA512}…`).
    NukeViet,
}

/// A member who may sign in, with their password's hash.
pub struct SignInAccount {
    pub member: Member,
    pub password_hash: String,
    /// They sign in with a second step, which this front end does not offer.
    pub two_step: bool,
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

/// An attachment to send.
pub enum Sendable {
    /// Its bytes and media type, from the database.
    Bytes(Vec<u8>, String),
    /// A file on disk or on another site.
    At(FileSource),
}
