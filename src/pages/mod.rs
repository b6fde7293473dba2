//! One file per route.

mod article;
mod category;
mod document;
mod documents;
mod home;
mod page;
mod polls;
mod register;
mod search;
mod sign_in;

pub use article::ArticlePage;
pub use category::CategoryPage;
pub use document::DocumentDetailPage;
pub use documents::DocumentsPage;
pub use home::HomePage;
pub use page::StaticPage;
pub use polls::PollsPage;
pub use register::RegisterPage;
pub use search::SearchPage;
pub use sign_in::SignInPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The list page asked for by `?trang=N`, read reactively (1 when absent or bad).
fn page_number() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query
            .read()
            .get("trang")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }
}

/// The `:slug` of the current route, read reactively: moving between two pages
/// of the same route keeps the component and changes only this.
fn slug_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("slug").unwrap_or_default()
}
