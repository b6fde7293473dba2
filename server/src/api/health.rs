//! Health, for load balancers and monitors: the backend answers and so do
//! its databases.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use ntm_types::ApiError;
use serde::Serialize;

use super::params::NoQuery;
use crate::error::AppError;
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

/// The answer of a healthy backend.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
}

/// Whether the backend can serve: each database it reads answers a query.
/// Never cached.
#[utoipa::path(get, path = "/health", tag = "health",
    responses(
        (status = 200, description = "The backend and its databases answer", body = Health),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 503, description = "A database does not answer (`unavailable`)", body = ApiError)))]
pub async fn health(State(state): State<AppState>, _: NoQuery) -> Result<Json<Health>, AppError> {
    state.store.check().await?;
    Ok(Json(Health { status: "ok" }))
}
