//! Numbers as text: the Vietnamese way ("90.352.914") for readers, and as
//! JavaScript writes them for storage.

/// `n` with Vietnamese digit grouping (see [`ntm_types::number`] for why not
/// the browser's `toLocaleString`).
pub fn number(n: impl Into<u64>) -> String {
    ntm_types::number::group_digits(n.into())
}

/// `n` as JavaScript writes it, by the browser: no float formatting in the wasm.
pub fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Now, in Unix seconds, by the browser's clock.
pub fn now() -> ntm_types::Timestamp {
    (js_sys::Date::now() / 1000.0) as ntm_types::Timestamp
}

/// `text` composed (NFC) by the browser's own `normalize`, as every text of the
/// backend's answers is shown (`api/transport.rs`); for text that comes from
/// elsewhere, such as the words of a search in the address.
pub fn composed(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}
