//! What a page shows from its data, as Leptos components that take the data
//! as props and fetch nothing. The front end renders them in the browser once
//! its requests answer; the reference backend renders the same components to
//! HTML for a page's first view (`server/src/first_view.rs`), so the two
//! cannot drift apart and the app's take-over moves nothing.
//!
//! What needs the browser (fetching, rating, cleaning an article body with the
//! DOM) stays in the front end and comes in as a prop.

pub mod article;
pub mod breadcrumb;
pub mod documents;
pub mod header;
pub mod links;
pub mod news;
pub mod page;
pub mod pager;

use ntm_types::sanitize_policy::url_allowed;

thread_local! {
    static MEDIA_ORIGINS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where photos and media may load from besides this site, for the views
/// rendered after on this thread: the front end sets it once from its
/// configuration, the backend before each first view from its options.
pub fn set_media_origins(origins: Vec<String>) {
    MEDIA_ORIGINS.with(|o| *o.borrow_mut() = origins);
}

/// `url` when the policy lets attribute `attr` hold it (see
/// `ntm_types::sanitize_policy::url_allowed`), else an empty string, which
/// neither loads nor leads anywhere.
pub fn checked_url(attr: &str, url: String) -> String {
    if MEDIA_ORIGINS.with(|o| url_allowed(attr, &url, &o.borrow())) {
        url
    } else {
        String::new()
    }
}
