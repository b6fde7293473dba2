//! Where things live in the front end, as links: a backend's slug may hold any
//! character, so each is one path segment as `encodeURIComponent` writes it.

use leptos::prelude::*;

/// What a screen reader hears after a link that opens in a new tab.
pub fn new_tab_note() -> impl IntoView {
    view! { <span class="visually-hidden">" (mở trong thẻ mới)"</span> }
}

/// `s` as `encodeURIComponent` writes it.
#[cfg(target_arch = "wasm32")]
pub fn encode_component(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// `s` as `encodeURIComponent` writes it.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_component(s: &str) -> String {
    // What encodeURIComponent leaves as it is.
    const KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    percent_encoding::utf8_percent_encode(s, KEPT).to_string()
}

/// Whether a link to `href` leads to the page at `path`: the same path, a
/// trailing slash aside. The app's menu and the first view's mark that link
/// `aria-current="page"` by this one rule.
pub fn is_current(href: &str, path: &str) -> bool {
    let bare = |s: &str| match s.strip_suffix('/') {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => s.to_owned(),
    };
    bare(href) == bare(path)
}

pub fn article_href(slug: &str) -> String {
    format!("/tin-tuc/{}", encode_component(slug))
}

pub fn category_href(slug: &str) -> String {
    format!("/chuyen-muc/{}", encode_component(slug))
}

pub fn document_href(slug: &str) -> String {
    format!("/van-ban/{}", encode_component(slug))
}

pub fn page_href(slug: &str) -> String {
    format!("/trang/{}", encode_component(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded_as_encode_uri_component_does() {
        assert_eq!(article_href("abc-1"), "/tin-tuc/abc-1");
        assert_eq!(
            category_href("tin tức/sự kiện?"),
            "/chuyen-muc/tin%20t%E1%BB%A9c%2Fs%E1%BB%B1%20ki%E1%BB%87n%3F"
        );
        assert_eq!(document_href("a-b_c.d!~*'()"), "/van-ban/a-b_c.d!~*'()");
    }

    #[test]
    fn the_current_link_is_the_same_path() {
        assert!(is_current("/", "/"));
        assert!(is_current("/van-ban", "/van-ban/"));
        assert!(is_current("/van-ban/", "/van-ban"));
        assert!(!is_current("/", "/van-ban"));
        assert!(!is_current("/van-ban", "/van-ban/abc"));
        assert!(!is_current("/chuyen-muc/a", "/chuyen-muc/ab"));
    }
}
