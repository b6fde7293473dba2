//! Numbers the Vietnamese way ("90.352.914"), by the browser's own Intl.

/// `n` with Vietnamese digit grouping. Exact up to 2^53, far above any count here.
pub fn number(n: impl Into<u64>) -> String {
    String::from(js_sys::Number::from(n.into() as f64).to_locale_string("vi-VN"))
}
