//! `/api/…`: the JSON endpoints of the contract. Each module declares its
//! own routes; this one puts them together under the rules they share.

pub mod articles;
mod body;
mod caching;
pub mod documents;
pub mod health;
pub mod members;
pub mod pages;
mod paging;
mod params;
pub mod polls;
pub mod rating;
mod same_origin;
pub mod session;
pub mod site;
pub mod stats;

pub use paging::Paging;
pub use params::NoQuery;
pub use site::search_words;

use axum::extract::DefaultBodyLimit;
use axum::Router;

use crate::AppState;

/// The contract's endpoints, and `more` beside them under the same rules
/// (CORS, caching, fallbacks): the contract's own document, which is
/// generated from these handlers and so cannot be named here.
pub fn router(state: AppState, more: Router<AppState>) -> Router {
    Router::new()
        .merge(articles::routes())
        .merge(rating::routes())
        .merge(documents::routes())
        .merge(polls::routes())
        .merge(session::routes(&state))
        .merge(members::routes(&state))
        .merge(site::routes())
        .merge(pages::routes())
        .merge(stats::routes(&state))
        .merge(health::routes())
        .merge(more)
        // After every route: it is set on the routes present.
        .method_not_allowed_fallback(crate::error::method_not_allowed_fallback)
        .fallback(crate::error::not_found_fallback)
        // Read by the body extractors; `/visits` sets its own, smaller one.
        .layer(DefaultBodyLimit::max(body::MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            state.limits.shared_cache_seconds,
            caching::cache_rules,
        ))
        .with_state(state)
}
