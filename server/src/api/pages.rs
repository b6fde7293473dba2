//! Pages that are not news (the office in English), linked from the footer.

use axum::extract::State;
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, Page};
use serde::Deserialize;

use super::params::{NoQuery, Refusal, Target};
use crate::error::AppError;
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/pages/{slug}", get(get_page))
}

/// A page's slug, as its path names it.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct PageSlug(pub String);

impl Refusal for PageSlug {
    fn refusal() -> AppError {
        page_not_found()
    }
}

fn page_not_found() -> AppError {
    AppError::not_found("Không tìm thấy trang này.")
}

/// One page, with its language.
#[utoipa::path(get, path = "/pages/{slug}", tag = "site",
    params(("slug" = String, Path, description = "The page's slug, e.g. about-us")),
    responses(
        (status = 200, description = "The page", body = Page),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such page", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn get_page(
    State(state): State<AppState>,
    Target(PageSlug(slug)): Target<PageSlug>,
    _: NoQuery,
) -> Result<Json<Page>, AppError> {
    let page = state.store.page(slug).await?;
    Ok(Json(page.ok_or_else(page_not_found)?))
}
