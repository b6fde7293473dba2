//! Polls ("Thăm dò ý kiến"): one vote per visitor, capped per IP address.

use axum::extract::State;
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, Poll, PollResults, VoteRequest};

use super::params::{Body, NoQuery, Refusal, Target};
use super::session::SessionCookie;
use crate::db::polls::{VoteOutcome, Voter};
use crate::error::{AppError, ErrorCode};
use crate::visitor::{ClientIp, MaybeVisitor, Visitor};
use crate::AppState;
use serde::Deserialize;

/// Polls, their results, and votes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/polls", get(list_polls))
        .route("/polls/current", get(current_poll))
        .route("/polls/{id}", get(get_poll))
        .route("/polls/{id}/results", get(poll_results))
        .route("/polls/{id}/vote", post(vote))
}

fn poll_not_found() -> AppError {
    AppError::not_found("Không tìm thấy cuộc thăm dò này.")
}

fn sign_in_required() -> AppError {
    AppError::new(
        ErrorCode::SignInRequired,
        "Cuộc thăm dò này chỉ dành cho thành viên. Vui lòng đăng nhập để bình chọn.",
    )
}

/// The member signed in on this browser, if any (their session is not extended).
async fn member_of(
    state: &AppState,
    cookie: SessionCookie,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let idle = state.limits.session_idle_seconds;
    state
        .db
        .call(move |c| Ok(cookie.session(c, now, idle)?.map(|s| s.member.id)))
        .await
}

/// The poll a path names, by its id.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct PollId(pub i64);

impl Refusal for PollId {
    fn refusal() -> AppError {
        poll_not_found()
    }
}

impl Refusal for VoteRequest {
    fn refusal() -> AppError {
        AppError::new(ErrorCode::InvalidVote, "Phiếu bình chọn không hợp lệ.")
    }
}

/// Every active poll, open ones first, newest first.
#[utoipa::path(get, path = "/polls", tag = "polls",
    responses(
        (status = 200, description = "Polls", body = [Poll]),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError)))]
pub async fn list_polls(
    State(state): State<AppState>,
    _: NoQuery,
    MaybeVisitor(visitor): MaybeVisitor,
    cookie: SessionCookie,
) -> Result<Json<Vec<Poll>>, AppError> {
    let now = (state.clock)();
    let member = member_of(&state, cookie, now).await?;
    Ok(Json(state.store.polls(visitor, member, now).await?))
}

/// The poll for the sidebar: the newest open one, else the newest active one.
#[utoipa::path(get, path = "/polls/current", tag = "polls",
    responses(
        (status = 200, description = "The current poll", body = Poll),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No poll at all", body = ApiError)))]
pub async fn current_poll(
    State(state): State<AppState>,
    _: NoQuery,
    MaybeVisitor(visitor): MaybeVisitor,
    cookie: SessionCookie,
) -> Result<Json<Poll>, AppError> {
    let now = (state.clock)();
    let member = member_of(&state, cookie, now).await?;
    let poll = state.store.poll(None, visitor, member, now).await?;
    Ok(Json(poll.ok_or_else(poll_not_found)?))
}

/// One poll, with this visitor's own choices if they voted.
#[utoipa::path(get, path = "/polls/{id}", tag = "polls",
    params(("id" = i64, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "The poll", body = Poll),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such poll", body = ApiError)))]
pub async fn get_poll(
    State(state): State<AppState>,
    Target(PollId(id)): Target<PollId>,
    _: NoQuery,
    MaybeVisitor(visitor): MaybeVisitor,
    cookie: SessionCookie,
) -> Result<Json<Poll>, AppError> {
    let now = (state.clock)();
    let member = member_of(&state, cookie, now).await?;
    let poll = state.store.poll(Some(id), visitor, member, now).await?;
    Ok(Json(poll.ok_or_else(poll_not_found)?))
}

/// The results so far; anyone may look without voting.
#[utoipa::path(get, path = "/polls/{id}/results", tag = "polls",
    params(("id" = i64, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "Votes per option, voters and choices", body = PollResults),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such poll", body = ApiError)))]
pub async fn poll_results(
    State(state): State<AppState>,
    Target(PollId(id)): Target<PollId>,
    _: NoQuery,
) -> Result<Json<PollResults>, AppError> {
    let results = state.store.poll_results(id).await?;
    Ok(Json(results.ok_or_else(poll_not_found)?))
}

/// Votes. Needs the `ntm_vid` cookie (see `POST /visits`); in a members-only
/// poll, a member's session and its CSRF token instead, and then the vote
/// restarts the session's idle count.
#[utoipa::path(post, path = "/polls/{id}/vote", tag = "polls",
    params(
        ("id" = i64, Path, description = "The poll's id"),
        ("ntm_vid" = Option<String>, Cookie, description = "Visitor id, set with the page (index.html) or by POST /visits; needed except in a members-only poll"),
        ("ntm_sid" = Option<String>, Cookie, description = "Session token (POST /session); needed in a members-only poll"),
        ("X-CSRF-Token" = Option<String>, Header, description = "The session's `csrf_token`; needed in a members-only poll")),
    request_body = VoteRequest,
    responses(
        (status = 200, description = "Counted: the new results", body = PollResults),
        (status = 400, description = "No option, too many, repeated, of another poll, a malformed body, no visitor cookie, or a query parameter", body = ApiError),
        (status = 401, description = "A members-only poll and no live session (`sign_in_required`)", body = ApiError),
        (status = 403, description = "The poll is closed or not open yet (`poll_closed`), or a members-only poll without the session's `X-CSRF-Token` (`csrf`)", body = ApiError),
        (status = 404, description = "No such poll", body = ApiError),
        (status = 409, description = "This visitor (or member, in a members-only poll) has voted in this poll already", body = ApiError),
        (status = 413, description = "A body over 4 KiB", body = ApiError),
        (status = 415, description = "The body is not JSON", body = ApiError),
        (status = 429, description = "Too many votes in this poll from one IP address today", body = ApiError)))]
pub async fn vote(
    State(state): State<AppState>,
    Target(PollId(id)): Target<PollId>,
    _: NoQuery,
    visitor: Result<Visitor, AppError>,
    ClientIp(ip): ClientIp,
    session: SessionCookie,
    Body(VoteRequest { options }): Body<VoteRequest>,
) -> Result<Json<PollResults>, AppError> {
    let now = (state.clock)();
    let limit = state.limits.votes_per_ip_per_day;
    let idle = state.limits.session_idle_seconds;
    // A poll that does not exist is refused by the store, after the visitor
    // check, as before members-only polls.
    let voter = if state.store.poll_members_only(id, now).await? == Some(true) {
        let member = state
            .db
            .call(move |c| {
                Ok(session
                    .session_for_write(c, now, idle, sign_in_required)?
                    .member
                    .id)
            })
            .await?;
        Voter::Member(member)
    } else {
        Voter::Visitor(visitor?.0)
    };
    let outcome = state.store.vote(id, voter, ip, options, now, limit).await?;
    match outcome {
        VoteOutcome::Counted(results) => Ok(Json(results)),
        VoteOutcome::NotFound => Err(poll_not_found()),
        VoteOutcome::Closed => Err(AppError::new(ErrorCode::PollClosed,
            "Cuộc thăm dò này không nhận bình chọn lúc này.",
        )),
        VoteOutcome::Invalid(message) => Err(AppError::new(ErrorCode::InvalidVote, message)),
        VoteOutcome::AlreadyVoted => Err(AppError::new(ErrorCode::AlreadyVoted,
            "Bạn đã bình chọn trong cuộc thăm dò này rồi.",
        )),
        // Only when the poll changed under the check above: treated as unsigned.
        VoteOutcome::WrongVoter => Err(sign_in_required()),
        VoteOutcome::IpLimit => Err(AppError::new(ErrorCode::TooManyVotes,
            "Có quá nhiều lượt bình chọn từ cùng một mạng trong hôm nay. Vui lòng thử lại vào ngày mai.",
        )),
    }
}
