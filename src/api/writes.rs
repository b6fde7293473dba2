//! What a reader sends: ratings, votes and visits.

use gloo_net::http::Method;
use ntm_types::{PollResults, RatingRequest, RatingState, Stats, VisitRequest, VoteRequest};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::cache::decode;
use super::config::base;
use super::endpoint::Endpoint;
use super::error::{ApiResult, FetchError};
use super::transport::fetch_json;

/// POSTs `request` as JSON to `url` and decodes the answer. Bodies are the
/// contract's own request types, so they cannot drift from what the backend reads.
pub(super) async fn post<R: Serialize, T: DeserializeOwned>(
    url: &str,
    request: &R,
) -> ApiResult<T> {
    let body = serde_wasm_bindgen::to_value(request)
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .map(String::from)
        .ok_or(FetchError::Invalid)?;
    decode(fetch_json(url, Method::POST, Some(body)).await?)
}

/// `path` under the API base.
pub(super) fn url(path: &str) -> String {
    format!("{}{path}", base())
}

/// Rates the article with 1 to 5 points.
pub async fn rate(slug: String, points: u8) -> ApiResult<RatingState> {
    post(&Endpoint::Rating(slug).url(), &RatingRequest { points }).await
}

/// Votes for `options` of poll `id`; answers with the new results.
pub async fn vote(id: i64, options: Vec<i64>) -> ApiResult<PollResults> {
    post(&url(&format!("/polls/{id}/vote")), &VoteRequest { options }).await
}

/// Reports that the browser shows `path`; answers with the statistics.
pub async fn visit(path: String) -> ApiResult<Stats> {
    post(&url("/visits"), &VisitRequest { path }).await
}
