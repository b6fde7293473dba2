//! The frame of every page, and the site search.

use axum::extract::State;
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, ArticlePage, SiteInfo};
use serde::Deserialize;

use super::paging::Paging;
use super::params::{NoQuery, Params, Refusal};
use crate::error::AppError;
use crate::{AppState, Store};

/// The frame of every page, and the article search.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/site", get(get_site))
        .route("/search", get(search))
}

/// Name, menu, footer contacts, songs and partner links.
#[utoipa::path(get, path = "/site", tag = "site",
    responses(
        (status = 200, description = "What every page's frame shows", body = SiteInfo),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No site information stored", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn get_site(State(store): State<Store>, _: NoQuery) -> Result<Json<SiteInfo>, AppError> {
    let info = store
        .site()
        .await?
        .ok_or_else(|| AppError::not_found("Chưa có thông tin trang."))?;
    Ok(Json(info))
}

/// Query of `GET /search`. Unknown parameters are refused.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find in titles, leads and bodies; diacritics and case are ignored. 1 to 200 characters.
    pub q: String,
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub per_page: Option<String>,
}

impl Refusal for SearchQuery {
    fn refusal() -> AppError {
        AppError::bad_request("Vui lòng nhập từ khóa tìm kiếm.")
    }
}

/// The words of a search, trimmed, when there are 1 to 200 characters of them.
/// The search page's first view takes the same.
pub fn search_words(q: &str) -> Option<String> {
    let text = q.trim();
    (!text.is_empty() && text.chars().count() <= 200).then(|| text.to_owned())
}

/// Articles holding every word of `q`, newest first.
#[utoipa::path(get, path = "/search", tag = "site", params(SearchQuery),
    responses(
        (status = 200, description = "One page of matching articles", body = ArticlePage),
        (status = 400, description = "A parameter is not valid", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn search(
    State(state): State<AppState>,
    Params(q): Params<SearchQuery>,
) -> Result<Json<ArticlePage>, AppError> {
    let Some(text) = search_words(&q.q) else {
        return Err(AppError::bad_request(
            "Từ khóa tìm kiếm phải có từ 1 đến 200 ký tự.",
        ));
    };
    let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref())?;
    let now = (state.clock)();
    let (items, total_items) = state
        .store
        .search(text, paging.per_page, paging.offset(), now)
        .await?;
    Ok(Json(ArticlePage {
        items,
        page: paging.page,
        per_page: paging.per_page,
        total_items,
        total_pages: paging.pages(total_items),
        category: None,
    }))
}
