//! Star ratings: one per visitor per article, capped per IP address.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, RatingRequest, RatingState};

use super::articles::article_not_found;
use super::body::json_object;
use super::params::{path_or, NoQuery};
use crate::db::{self, RateOutcome};
use crate::error::AppError;
use crate::visitor::{ClientIp, MaybeVisitor, Visitor};
use crate::AppState;

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
        (status = 404, description = "No such article", body = ApiError)))]
pub async fn get_rating(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    _: NoQuery,
    MaybeVisitor(visitor): MaybeVisitor,
) -> Result<Json<RatingState>, AppError> {
    let slug = path_or(path, article_not_found)?;
    let rating = state
        .db
        .call(move |c| {
            db::rating_state(c, &slug, visitor.as_deref())?.ok_or_else(article_not_found)
        })
        .await?;
    Ok(Json(rating))
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
        (status = 429, description = "Too many ratings of this article from one IP address today", body = ApiError)))]
pub async fn post_rating(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    _: NoQuery,
    visitor: Result<Visitor, AppError>,
    ClientIp(ip): ClientIp,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<RatingState>, AppError> {
    let slug = path_or(path, article_not_found)?;
    let invalid = || AppError::bad_request_code("invalid_rating", "Đánh giá không hợp lệ.");
    let RatingRequest { points } = json_object(body, invalid)?;
    if !(1..=5).contains(&points) {
        return Err(invalid());
    }
    let Visitor(visitor) = visitor?;
    let now = (state.clock)();
    let limit = state.limits.ratings_per_ip_per_day;
    let outcome = state
        .db
        .call(move |c| Ok(db::rate(c, &slug, &visitor, &ip, points, now, limit)?))
        .await?;
    match outcome {
        RateOutcome::Rated(rating) => Ok(Json(rating)),
        RateOutcome::NotFound => Err(article_not_found()),
        RateOutcome::Disabled => Err(AppError::new(
            StatusCode::FORBIDDEN,
            "rating_disabled",
            "Bài viết này không nhận đánh giá.",
        )),
        RateOutcome::AlreadyRated => Err(AppError::new(
            StatusCode::CONFLICT,
            "already_rated",
            "Bạn đã đánh giá bài viết này rồi.",
        )),
        RateOutcome::IpLimit => Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_ratings",
            "Có quá nhiều lượt đánh giá bài viết này từ cùng một mạng trong hôm nay. Vui lòng thử lại vào ngày mai.",
        )),
    }
}
