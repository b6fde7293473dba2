//! Where the backend is, and where media may load from: read at run time
//! from index.html's meta tags, so one build serves any backend.

use std::sync::OnceLock;

use ntm_types::origin::{origin_of, parse_origins};

/// The content of `<meta name="{name}">` in index.html, trimmed.
pub fn meta_content(name: &str) -> Option<String> {
    leptos::prelude::document()
        .query_selector(&format!(r#"meta[name="{name}"]"#))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|s| s.trim().to_owned())
}

/// The API base, read once from `<meta name="ntm-api-base">` in index.html so one
/// build can be pointed at any backend. Defaults to `/api` on the same origin.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        meta_content("ntm-api-base")
            .map(|s| s.trim_end_matches('/').to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "/api".to_owned())
    })
}

/// Where photos, logos, songs and media in articles may load from besides
/// this site: the API's own origin when it is elsewhere, and the origins
/// listed in `<meta name="ntm-media-origins">` (read once, like the API base).
pub fn media_origins() -> &'static [String] {
    static ORIGINS: OnceLock<Vec<String>> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        let mut origins = meta_content("ntm-media-origins")
            .map(|list| parse_origins(&list))
            .unwrap_or_default();
        origins.extend(origin_of(base()));
        origins
    })
}
