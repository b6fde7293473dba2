//! `/api/…`: the JSON endpoints of the contract.

mod articles;
mod body;
mod documents;
mod members;
mod paging;
pub use paging::Paging;
mod params;
mod polls;
mod rating;
mod session;
mod site;
mod stats;

pub use articles::*;
pub use documents::*;
pub use members::*;
pub use polls::*;
pub use rating::*;
pub use session::*;
pub use site::*;
pub use stats::*;

use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{middleware, Router};

use crate::AppState;

pub fn router(state: AppState) -> Router {
    // Sign-in, sign-out and registration refuse another site's Origin.
    let same_origin = || middleware::from_fn_with_state(state.clone(), session::same_origin_writes);
    Router::new()
        .route("/categories", get(list_categories))
        .route("/articles", get(list_articles))
        .route("/articles/{slug}", get(get_article))
        .route("/articles/{slug}/rating", get(get_rating).post(post_rating))
        .route("/documents", get(list_documents))
        .route("/documents/facets", get(document_facets))
        .route("/documents/{slug}", get(get_document))
        .route(
            "/documents/{slug}/files/{file_name}",
            get(get_document_file),
        )
        .route("/polls", get(list_polls))
        .route("/polls/current", get(current_poll))
        .route("/polls/{id}", get(get_poll))
        .route("/polls/{id}/results", get(poll_results))
        .route("/polls/{id}/vote", post(vote))
        .route(
            "/session",
            get(get_session)
                .post(sign_in)
                .delete(sign_out)
                .layer(same_origin()),
        )
        .route("/session/extend", post(extend_session).layer(same_origin()))
        .route("/members", post(register).layer(same_origin()))
        .route("/site", get(get_site))
        .route("/search", get(search))
        .route("/stats", get(get_stats))
        .route("/stats/daily", get(get_daily))
        .route(
            "/visits",
            post(post_visit)
                .layer(DefaultBodyLimit::max(stats::MAX_VISIT_BODY))
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    crate::visitor::ensure_cookie,
                )),
        )
        .route("/openapi.json", get(openapi_document))
        // After every route: it is set on the routes present.
        .method_not_allowed_fallback(crate::error::method_not_allowed_fallback)
        .fallback(crate::error::not_found_fallback)
        // Read by the body extractors; `/visits` sets its own, smaller one.
        .layer(DefaultBodyLimit::max(body::MAX_BODY))
        .with_state(state)
        // Answers change as news is published and counted: clients revalidate.
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            ),
        )
}

/// This contract, as OpenAPI 3.1.
async fn openapi_document(_: params::NoQuery) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document_json(),
    )
}
