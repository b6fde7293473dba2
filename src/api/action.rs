//! Requests a page sends on demand (writes, and reads it starts itself):
//! one action type for every call.

use leptos::prelude::{Action, Get};
use ntm_types::{Notice, PollResults, RatingState, SessionState, Stats};

use super::cache::get;
use super::endpoint::Endpoint;
use super::error::{ApiResult, FetchError};
use super::session::{extend_session, register, session, sign_in};
use super::writes::{rate, visit, vote};

/// A request sent on demand: a write, or a read the page starts itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Call {
    /// Reports that the browser shows this path.
    Visit(String),
    Stats,
    PollResults(i64),
    /// Poll id and the chosen options.
    Vote(i64, Vec<i64>),
    /// Article slug and 1 to 5 points.
    Rate(String, u8),
    Session,
    ExtendSession,
    /// E-mail and password.
    SignIn(String, String),
    /// Name, e-mail and password.
    Register(String, String, String),
}

/// What a [`Call`] answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Stats(Stats),
    PollResults(PollResults),
    Rating(RatingState),
    Session(SessionState),
    Notice(Notice),
}

impl Answer {
    pub fn stats(self) -> Option<Stats> {
        match self {
            Answer::Stats(s) => Some(s),
            _ => None,
        }
    }
    pub fn poll_results(self) -> Option<PollResults> {
        match self {
            Answer::PollResults(r) => Some(r),
            _ => None,
        }
    }
    pub fn rating(self) -> Option<RatingState> {
        match self {
            Answer::Rating(r) => Some(r),
            _ => None,
        }
    }
    pub fn session(self) -> Option<SessionState> {
        match self {
            Answer::Session(s) => Some(s),
            _ => None,
        }
    }
    pub fn notice(self) -> Option<Notice> {
        match self {
            Answer::Notice(n) => Some(n),
            _ => None,
        }
    }
}

/// Every action of the app has this one concrete type, so the reactive
/// machinery behind actions is compiled once rather than once per request
/// and answer type (as with [`JsonResource`]).
pub type ApiAction = Action<Call, ApiResult<Answer>>;

/// An action sending whatever [`Call`] it is dispatched with.
pub fn action() -> ApiAction {
    Action::new_unsync(|call: &Call| send(call.clone()))
}

/// The last answer of `action` as a `T`, read reactively (`None` before one).
pub fn last<T>(action: ApiAction, pick: fn(Answer) -> Option<T>) -> Option<ApiResult<T>> {
    action
        .value()
        .get()
        .map(|r| r.and_then(|a| pick(a).ok_or(FetchError::Invalid)))
}

async fn send(call: Call) -> ApiResult<Answer> {
    Ok(match call {
        Call::Visit(path) => Answer::Stats(visit(path).await?),
        Call::Stats => Answer::Stats(get(Endpoint::Stats).await?),
        Call::PollResults(id) => Answer::PollResults(get(Endpoint::PollResults(id)).await?),
        Call::Vote(id, options) => Answer::PollResults(vote(id, options).await?),
        Call::Rate(slug, points) => Answer::Rating(rate(slug, points).await?),
        Call::Session => Answer::Session(session().await?),
        Call::ExtendSession => Answer::Session(extend_session().await?),
        Call::SignIn(email, password) => Answer::Session(sign_in(email, password).await?),
        Call::Register(name, email, password) => {
            Answer::Notice(register(name, email, password).await?)
        }
    })
}
