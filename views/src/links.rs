//! Where things live in the front end, as links: a backend's slug may hold any
//! character, so each is one path segment as `encodeURIComponent` writes it.

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

pub fn article_href(slug: &str) -> String {
    format!("/tin-tuc/{}", encode_component(slug))
}

pub fn category_href(slug: &str) -> String {
    format!("/chuyen-muc/{}", encode_component(slug))
}

pub fn document_href(slug: &str) -> String {
    format!("/van-ban/{}", encode_component(slug))
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
}
