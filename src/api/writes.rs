//! What a reader sends: ratings, votes and visits.

use gloo_net::http::Method;
use ntm_types::{PollResults, RatingState, Stats};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::cache::decode;
use super::config::base;
use super::endpoint::Endpoint;
use super::error::ApiResult;
use super::transport::fetch_json;

/// POSTs `body` (JSON text) to `path` under the API base and decodes the answer.
pub(super) async fn post<T: DeserializeOwned>(path: &str, body: String) -> ApiResult<T> {
    decode(fetch_json(&format!("{}{path}", base()), Method::POST, Some(body)).await?)
}

/// Rates the article with 1 to 5 points.
pub async fn rate(slug: String, points: u8) -> ApiResult<RatingState> {
    // The body is one small integer: no JSON serializer needed.
    let body = format!(r#"{{"points":{points}}}"#);
    decode(fetch_json(&Endpoint::Rating(slug).url(), Method::POST, Some(body)).await?)
}

/// Votes for `options` of poll `id`; answers with the new results.
pub async fn vote(id: i64, options: Vec<i64>) -> ApiResult<PollResults> {
    let ids: Vec<String> = options.iter().map(i64::to_string).collect();
    post(
        &format!("/polls/{id}/vote"),
        format!(r#"{{"options":[{}]}}"#, ids.join(",")),
    )
    .await
}

/// Reports that the browser shows `path`; answers with the statistics.
pub async fn visit(path: String) -> ApiResult<Stats> {
    post("/visits", format!(r#"{{"path":{}}}"#, quote(&path))).await
}

/// `text` as a JSON string: the browser's JSON quotes whatever it holds.
pub(super) fn quote(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .map(String::from)
        .unwrap_or_else(|_| "\"\"".to_owned())
}
