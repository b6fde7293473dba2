//! Star ratings: one per visitor per article, capped per IP address.

use axum::extract::State;
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, RatingRequest, RatingState};

use super::articles::{article_not_found, ArticleSlug};
use super::params::{Body, NoQuery, Refusal, Target};
use crate::db::RateOutcome;
use crate::error::{AppError, ErrorCode};
use crate::visitor::{ClientIp, MaybeVisitor, Visitor};
use crate::AppState;

impl Refusal for RatingRequest {
    fn refusal() -> AppError {
        AppError::new(ErrorCode::InvalidRating, "Đánh giá không hợp lệ.")
    }
}

/// An article's rating: read it, or rate.
pub fn routes() -> Router<AppState> {
    Router::new().route("/articles/{slug}/rating", get(get_rating).post(post_rating))
}

/// The article's rating totals, and this visitor's own rating if they gave one.
#[utoipa::path(get, path = "/articles/{slug}/rating", tag = "rating",
    params(("slug" = String, Path, description = "The article's slug")),
    responses(
        (status = 200, description = "Totals and the visitor's own rating", body = RatingState),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such article", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn get_rating(
    State(state): State<AppState>,
    Target(ArticleSlug(slug)): Target<ArticleSlug>,
    _: NoQuery,
    MaybeVisitor(visitor): MaybeVisitor,
) -> Result<Json<RatingState>, AppError> {
    let now = (state.clock)();
    let rating = state.store.rating_state(slug, visitor, now).await?;
    Ok(Json(rating.ok_or_else(article_not_found)?))
}

/// Rates the article. Needs the `ntm_vid` cookie (see `POST /visits`).
#[utoipa::path(post, path = "/articles/{slug}/rating", tag = "rating",
    params(
        ("slug" = String, Path, description = "The article's slug"),
        ("ntm_vid" = String, Cookie, description = "Visitor id, set with the page (index.html) or by POST /visits")),
    request_body = RatingRequest,
    responses(
        (status = 200, description = "Rated: the new totals, with the visitor's rating", body = RatingState),
        (status = 400, description = "Points outside 1–5, a malformed body, no visitor cookie, or a query parameter", body = ApiError),
        (status = 403, description = "Rating is switched off for this article", body = ApiError),
        (status = 404, description = "No such article", body = ApiError),
        (status = 409, description = "This visitor has rated this article already", body = ApiError),
        (status = 413, description = "A body over 4 KiB", body = ApiError),
        (status = 415, description = "The body is not JSON", body = ApiError),
        (status = 429, description = "Too many ratings of this article from one IP address today", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn post_rating(
    State(state): State<AppState>,
    Target(ArticleSlug(slug)): Target<ArticleSlug>,
    _: NoQuery,
    visitor: Result<Visitor, AppError>,
    ClientIp(ip): ClientIp,
    Body(RatingRequest { points }): Body<RatingRequest>,
) -> Result<Json<RatingState>, AppError> {
    if !(1..=5).contains(&points) {
        return Err(RatingRequest::refusal());
    }
    let Visitor(visitor) = visitor?;
    let now = (state.clock)();
    let limit = state.limits.ratings_per_ip_per_day;
    let outcome = state
        .store
        .rate(slug, visitor, ip, points, now, limit)
        .await?;
    match outcome {
        RateOutcome::Rated(rating) => Ok(Json(rating)),
        RateOutcome::NotFound => Err(article_not_found()),
        RateOutcome::Disabled => Err(AppError::new(ErrorCode::RatingDisabled,
            "Bài viết này không nhận đánh giá.",
        )),
        RateOutcome::AlreadyRated => Err(AppError::new(ErrorCode::AlreadyRated,
            "Bạn đã đánh giá bài viết này rồi.",
        )),
        RateOutcome::IpLimit => Err(AppError::new(ErrorCode::TooManyRatings,
            "Có quá nhiều lượt đánh giá bài viết này từ cùng một mạng trong hôm nay. Vui lòng thử lại vào ngày mai.",
        )),
    }
}
