//! Reads that follow the page: one resource type for every endpoint.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::LocalResource;
use wasm_bindgen::JsValue;

use super::cache::{fetch_endpoint, fetch_kept};
use super::endpoint::Endpoint;
use super::error::ApiResult;

/// Fetched JSON, not yet decoded into a type.
pub type JsonResource = LocalResource<ApiResult<JsValue>>;
type JsonFuture = Pin<Box<dyn Future<Output = ApiResult<JsValue>>>>;

/// A resource holding the JSON of `endpoint()`, fetched again whenever the
/// signals `endpoint` reads change. Every resource of the app has this one
/// concrete type, so the reactive machinery behind it is compiled once rather
/// than once per data type: the wasm stays smaller.
///
/// Fetching the same URL again is a retry (the reader pressed "Thử lại"): it
/// goes to the network, since the kept answer may be what failed to show.
pub fn resource(endpoint: impl Fn() -> Endpoint + 'static) -> JsonResource {
    let last_url = std::cell::Cell::new(String::new());
    let fetch: Box<dyn Fn() -> JsonFuture> = Box::new(move || {
        let endpoint = endpoint();
        let url = endpoint.url();
        let retry = last_url.replace(url.clone()) == url;
        Box::pin(async move {
            match (retry, endpoint.shared()) {
                (true, true) => fetch_kept(url).await,
                _ => fetch_endpoint(&endpoint).await,
            }
        })
    });
    LocalResource::new(fetch)
}
