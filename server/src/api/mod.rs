//! `/api/…`: the JSON endpoints of the contract.

mod articles;
mod body;
mod documents;
mod members;
mod paging;
pub use paging::Paging;
mod params;
pub use params::NoQuery;
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
use axum::routing::{get, post};
use axum::{middleware, Router};

use crate::AppState;

/// The contract's endpoints, and `more` beside them under the same rules
/// (CORS, caching, fallbacks): the contract's own document, which is
/// generated from these handlers and so cannot be named here.
pub fn router(state: AppState, more: Router<AppState>) -> Router {
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
        .merge(more)
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
