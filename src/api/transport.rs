//! The one place that talks to the network: a request with the visitor's
//! cookie and the member's token, a time limit, a size limit, and the answer
//! parsed by the browser.

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use ntm_types::ApiError;
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCredentials;

use super::csrf;
use super::error::{ApiResult, FetchError};

/// A request slower than this is given up, so a reader on a bad line gets a
/// message and a retry button instead of an endless placeholder.
const TIMEOUT_MS: u64 = 20_000;

/// No answer of the contract comes near this; a bigger one is refused rather
/// than parsed, so a broken or hostile backend cannot freeze a cheap phone.
const MAX_ANSWER_BYTES: u32 = 1 << 20;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a string that stays in JavaScript: js-sys's takes a
    /// Rust `&str`, which would copy the answer into the wasm and back.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString, reviver: &js_sys::Function) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Every string of an answer composed (NFC): the contract lets text come
    /// decomposed, as many Vietnamese keyboards and PHP's `\uXXXX` escapes
    /// give it, and fonts draw decomposed marks apart (worst in monospace).
    /// The browser's own `normalize`, so the wasm carries no tables.
    static COMPOSED: Closure<dyn Fn(JsValue, JsValue) -> JsValue> =
        Closure::new(|_key, value: JsValue| match value.dyn_ref::<js_sys::JsString>() {
            Some(text) => text.normalize("NFC").into(),
            None => value,
        });
}

/// GET `url` (or POST `body` to it as JSON) and parse the answer as JSON. Cookies
/// go along, since ratings and votes are tied to the visitor's cookie, also when
/// the backend is on another origin. The request is aborted when the calling
/// reactive scope is cleaned up (the reader navigated away) or on timeout.
pub(super) async fn fetch_json(
    url: &str,
    method: Method,
    body: Option<String>,
) -> ApiResult<JsValue> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().and_then(|c| {
        set_timeout_with_handle(
            move || c.abort(),
            std::time::Duration::from_millis(TIMEOUT_MS),
        )
        .ok()
    });
    if let Some(c) = controller.clone() {
        on_cleanup(move || c.abort());
    }
    let write = method != Method::GET;
    // gloo-net appends "&" to a URL that already has a query, which would make
    // the request miss the page's preload of it: the query goes in as pairs.
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let pairs = query.split('&').filter_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        let value = js_sys::decode_uri_component(value).ok()?;
        Some((name, String::from(value)))
    });
    let mut builder = RequestBuilder::new(path)
        .query(pairs)
        .method(method)
        .header("Accept", "application/json")
        .credentials(RequestCredentials::Include)
        .abort_signal(signal.as_ref());
    if write {
        if let Some(token) = csrf::token() {
            builder = builder.header("X-CSRF-Token", &token);
        }
    }
    let request = match body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    };
    let sent = match request {
        Ok(r) => r.send().await,
        Err(e) => Err(e),
    };
    let timed_out = signal.as_ref().is_some_and(|s| s.aborted());
    if let Some(t) = timer {
        t.clear();
    }
    let response = match sent {
        Ok(r) => r,
        Err(_) if timed_out => return Err(FetchError::Timeout),
        Err(_) => return Err(FetchError::Network),
    };
    let (ok, status) = (response.ok(), response.status());
    if status == 204 {
        return Ok(JsValue::NULL);
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|l| l > u64::from(MAX_ANSWER_BYTES)) {
        return Err(FetchError::TooLarge);
    }
    // Read as text first, so an answer without a length is measured too.
    let raw = web_sys::Response::from(response);
    let text = match raw.text() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    let text = text.and_then(|t| t.dyn_into::<js_sys::JsString>().ok());
    if text.as_ref().is_some_and(|t| t.length() > MAX_ANSWER_BYTES) {
        return Err(FetchError::TooLarge);
    }
    let json =
        text.and_then(|t| COMPOSED.with(|c| parse_json(&t, c.as_ref().unchecked_ref()).ok()));
    if !ok {
        // Keep the backend's own message when it sent an ApiError.
        let message = json
            .and_then(|j| serde_wasm_bindgen::from_value::<ApiError>(j).ok())
            .map(|e| e.message);
        return Err(match status {
            404 => FetchError::NotFound(
                message.unwrap_or_else(|| "Không tìm thấy nội dung bạn yêu cầu.".to_owned()),
            ),
            code => FetchError::Status(code, message),
        });
    }
    json.ok_or(FetchError::Invalid)
}
