//! Categories and articles.

use axum::extract::State;
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, Article, ArticlePage, Category};

use super::paging::Paging;
use super::params::{invalid_query, NoQuery, Params, Refusal, Target};
use serde::Deserialize;

use crate::error::AppError;
use crate::{AppState, Store};

/// `/categories`, `/articles` and one article.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/categories", get(list_categories))
        .route("/articles", get(list_articles))
        .route("/articles/{slug}", get(get_article))
}

/// Query of `GET /api/articles`. Unknown parameters are refused.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Slug of a category; all categories when absent.
    pub category: Option<String>,
    /// 1-based page number.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Items per page, 1 to 50 (default 10).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub per_page: Option<String>,
}

impl Refusal for ListQuery {
    fn refusal() -> AppError {
        invalid_query()
    }
}

/// The article a path names, by its slug.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct ArticleSlug(pub String);

impl Refusal for ArticleSlug {
    fn refusal() -> AppError {
        article_not_found()
    }
}

/// Every category, in menu order.
#[utoipa::path(get, path = "/categories", tag = "news",
    responses(
        (status = 200, description = "Categories", body = [Category]),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn list_categories(
    State(store): State<Store>,
    _: NoQuery,
) -> Result<Json<Vec<Category>>, AppError> {
    Ok(Json(store.categories().await?))
}

/// Newest articles first, one page at a time; a category narrows the list.
#[utoipa::path(get, path = "/articles", tag = "news", params(ListQuery),
    responses(
        (status = 200, description = "One page of articles", body = ArticlePage),
        (status = 400, description = "A parameter is not valid", body = ApiError),
        (status = 404, description = "No such category", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn list_articles(
    State(state): State<AppState>,
    Params(q): Params<ListQuery>,
) -> Result<Json<ArticlePage>, AppError> {
    let paging = Paging::parse(q.page.as_deref(), q.per_page.as_deref())?;
    let now = (state.clock)();
    let page = state
        .store
        .news_page(q.category, paging.per_page, paging.offset(), now)
        .await?
        .ok_or_else(|| AppError::not_found("Không tìm thấy chuyên mục này."))?;
    Ok(Json(ArticlePage {
        items: page.items,
        page: paging.page,
        per_page: paging.per_page,
        total_items: page.total,
        total_pages: paging.pages(page.total),
        category: page.category,
    }))
}

/// One article with its newer and older neighbours in the same category.
#[utoipa::path(get, path = "/articles/{slug}", tag = "news",
    params(("slug" = String, Path, description = "The article's slug")),
    responses(
        (status = 200, description = "The article", body = Article),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such article", body = ApiError),
        (status = 503, description = "The content database does not answer for now", body = ApiError)))]
pub async fn get_article(
    State(state): State<AppState>,
    Target(ArticleSlug(slug)): Target<ArticleSlug>,
    _: NoQuery,
) -> Result<Json<Article>, AppError> {
    let now = (state.clock)();
    let article = state.store.article(slug, now, true).await?;
    Ok(Json(article.ok_or_else(article_not_found)?))
}

pub(super) fn article_not_found() -> AppError {
    AppError::not_found("Không tìm thấy bài viết này.")
}
