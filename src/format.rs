//! Numbers the Vietnamese way ("90.352.914"), by the browser's own Intl.

/// `n` with Vietnamese digit grouping.
pub fn number(n: u32) -> String {
    String::from(js_sys::Number::from(n).to_locale_string("vi-VN"))
}
