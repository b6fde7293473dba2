//! Visitor statistics ("Thống kê").

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use axum::{Extension, Json};
use ntm_types::{ApiError, DailyVisits, Stats, VisitRequest};
use serde::Deserialize;

use super::params::{NoQuery, Params, Refusal};
use crate::db::members::{attempts, record_attempt, Attempt};
use crate::db::stats;
use crate::error::{AppError, ErrorCode};
use crate::visitor::{AssignedVisitor, ClientIp};
use crate::AppState;

/// The statistics, and visits reported, which need the visitor's cookie and
/// take only a small body.
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/stats", get(get_stats))
        .route("/stats/daily", get(get_daily))
        .route(
            "/visits",
            post(post_visit)
                .layer(DefaultBodyLimit::max(MAX_VISIT_BODY))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    crate::visitor::ensure_cookie,
                )),
        )
}

/// Largest body `POST /visits` accepts.
pub const MAX_VISIT_BODY: usize = 1024;

/// Current figures.
#[utoipa::path(get, path = "/stats", tag = "stats",
    responses(
        (status = 200, description = "Online now, today, this month, in all", body = Stats),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError)))]
pub async fn get_stats(State(state): State<AppState>, _: NoQuery) -> Result<Json<Stats>, AppError> {
    let now = (state.clock)();
    Ok(Json(state.store.stats(now).await?))
}

/// Reports that this browser shows a page (sent on the first page load and on
/// each move inside the app); answers with the figures, this visit included.
/// A browser without the `ntm_vid` visitor cookie gets one here.
#[utoipa::path(post, path = "/visits", tag = "stats",
    request_body = VisitRequest,
    responses(
        (status = 200, description = "Counted; the current figures", body = Stats),
        (status = 400, description = "A malformed body, or a query parameter", body = ApiError),
        (status = 413, description = "A body over 1 KiB", body = ApiError),
        (status = 429, description = "Too many new visitors from one address in an hour", body = ApiError)))]
pub async fn post_visit(
    State(state): State<AppState>,
    _: NoQuery,
    Extension(AssignedVisitor(visitor)): Extension<AssignedVisitor>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Stats>, AppError> {
    let body = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::too_large(),
        _ => AppError::bad_request("Dữ liệu gửi lên không hợp lệ."),
    })?;
    if body.len() > MAX_VISIT_BODY {
        return Err(AppError::too_large());
    }
    // sendBeacon may label the JSON text/plain, so the body is read whatever
    // its Content-Type says.
    let valid = serde_json::from_slice::<VisitRequest>(&body)
        .ok()
        .filter(|v| v.path.starts_with('/') && v.path.len() <= 512);
    if valid.is_none() {
        return Err(AppError::new(
            ErrorCode::InvalidVisit,
            "Dữ liệu gửi lên không hợp lệ.",
        ));
    }
    let bot = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(stats::is_bot);
    let now = (state.clock)();
    let cap = state.limits.new_visitors_per_ip_per_hour;
    let figures = state
        .store
        .record_visit(visitor, bot, now, move |c| {
            if attempts(c, Attempt::NewVisitor, &ip, now, 3600)? >= cap {
                return Err(AppError::new(
                    ErrorCode::TooManyVisitors,
                    "Có quá nhiều lượt truy cập mới từ cùng một địa chỉ. Vui lòng thử lại sau.",
                ));
            }
            Ok(record_attempt(c, Attempt::NewVisitor, &ip, now)?)
        })
        .await?;
    Ok(Json(figures))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DailyQuery {
    /// How many days up to today, 1 to 366 (default 30).
    #[param(minimum = 1, maximum = 366)]
    pub days: Option<u32>,
}

impl Refusal for DailyQuery {
    fn refusal() -> AppError {
        AppError::bad_request("Số ngày phải từ 1 đến 366.")
    }
}

/// Visits per day, oldest first, for the chart.
#[utoipa::path(get, path = "/stats/daily", tag = "stats", params(DailyQuery),
    responses(
        (status = 200, description = "Visits on each day", body = [DailyVisits]),
        (status = 400, description = "A parameter is not valid", body = ApiError)))]
pub async fn get_daily(
    State(state): State<AppState>,
    Params(q): Params<DailyQuery>,
) -> Result<Json<Vec<DailyVisits>>, AppError> {
    let days = q.days.unwrap_or(30);
    if !(1..=366).contains(&days) {
        return Err(DailyQuery::refusal());
    }
    let now = (state.clock)();
    Ok(Json(state.store.daily(now, days).await?))
}
