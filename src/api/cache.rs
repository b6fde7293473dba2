//! Answers the same for every reader (news, documents, the site's frame),
//! kept in memory for a few minutes and fetched ahead of need.

use std::cell::RefCell;

use gloo_net::http::Method;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::endpoint::Endpoint;
use super::error::{ApiResult, FetchError};
use super::transport::fetch_json;

/// How long a shared answer is reused: going back and forth between pages
/// shows them at once, and a reader still sees news within minutes.
const KEEP_MS: f64 = 5.0 * 60_000.0;

/// At most this many answers are kept; the oldest goes first.
const KEEP_COUNT: usize = 40;

thread_local! {
    /// Shared answers: URL, when it arrived, the JSON. A short list, searched
    /// in order (smaller in the wasm than a hash map).
    static ANSWERS: RefCell<Vec<(String, f64, JsValue)>> = const { RefCell::new(Vec::new()) };
    /// Prefetches under way: a page that needs one waits for it rather than
    /// asking a second time.
    static PREFETCHING: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

fn kept(url: &str) -> Option<JsValue> {
    let now = js_sys::Date::now();
    ANSWERS.with(|a| {
        a.borrow()
            .iter()
            .find(|(u, at, _)| u == url && now - at < KEEP_MS)
            .map(|(_, _, json)| json.clone())
    })
}

fn keep(url: String, json: &JsValue) {
    ANSWERS.with(|a| {
        let mut a = a.borrow_mut();
        a.retain(|(u, _, _)| *u != url);
        if a.len() >= KEEP_COUNT {
            a.remove(0);
        }
        a.push((url, js_sys::Date::now(), json.clone()));
    });
}

/// Drops every kept answer and prefetch.
pub(super) fn clear() {
    ANSWERS.with(|a| a.borrow_mut().clear());
    PREFETCHING.with(|p| p.borrow_mut().clear());
}

/// Drops a kept answer (the same JavaScript value).
fn forget(json: &JsValue) {
    ANSWERS.with(|a| a.borrow_mut().retain(|(_, _, kept)| kept != json));
}

fn prefetching(url: &str) -> Option<js_sys::Promise> {
    PREFETCHING.with(|p| {
        p.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, promise)| promise.clone())
    })
}

/// GET `endpoint`, from memory when a shared answer is fresh.
pub(super) async fn fetch_endpoint(endpoint: &Endpoint) -> ApiResult<JsValue> {
    let url = endpoint.url();
    if !endpoint.shared() {
        return fetch_json(&url, Method::GET, None).await;
    }
    if let Some(json) = kept(&url) {
        return Ok(json);
    }
    if let Some(promise) = prefetching(&url) {
        // A failed prefetch (undefined) says nothing about this request: ask again below.
        if let Ok(json) = JsFuture::from(promise).await {
            if !json.is_undefined() {
                return Ok(json);
            }
        }
    }
    fetch_kept(url).await
}

pub(super) async fn fetch_kept(url: String) -> ApiResult<JsValue> {
    let json = fetch_json(&url, Method::GET, None).await?;
    keep(url, &json);
    Ok(json)
}

/// Fetches a shared answer ahead of need (a link under the pointer), so the
/// page opens at once when the link is followed.
pub fn prefetch(endpoint: Endpoint) {
    let url = endpoint.url();
    if !endpoint.shared() || prefetching(&url).is_some() || kept(&url).is_some() {
        return;
    }
    let key = url.clone();
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        let result = fetch_kept(url.clone()).await;
        PREFETCHING.with(|p| p.borrow_mut().retain(|(u, _)| *u != url));
        // Never rejected: nobody may be waiting, and the console would say so.
        Ok(result.unwrap_or(JsValue::UNDEFINED))
    });
    PREFETCHING.with(|p| p.borrow_mut().push((key, promise)));
}

/// GET an endpoint once and decode it.
pub async fn get<T: DeserializeOwned>(endpoint: Endpoint) -> ApiResult<T> {
    decode(fetch_endpoint(&endpoint).await?)
}

/// JSON into `T`; the wrong shape is [`FetchError::Invalid`].
pub fn decode<T: DeserializeOwned>(json: JsValue) -> ApiResult<T> {
    serde_wasm_bindgen::from_value(json.clone()).map_err(|_| {
        // An answer kept in memory that does not fit is not shown again.
        forget(&json);
        FetchError::Invalid
    })
}
