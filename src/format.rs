//! Numbers as text, by the browser: the Vietnamese way ("90.352.914") for
//! readers, and as JavaScript writes them for storage.

/// `n` with Vietnamese digit grouping. Exact up to 2^53, far above any count here.
pub fn number(n: impl Into<u64>) -> String {
    String::from(js_sys::Number::from(n.into() as f64).to_locale_string("vi-VN"))
}

/// `n` as JavaScript writes it, by the browser: no float formatting in the wasm.
pub fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
