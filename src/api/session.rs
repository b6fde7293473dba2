//! Members: who is signed in, signing in and out, registering, and keeping
//! an idle session alive.

use gloo_net::http::Method;
use ntm_types::{Notice, SessionState};

use super::cache::get;
use super::config::base;
use super::csrf;
use super::endpoint::Endpoint;
use super::error::ApiResult;
use super::transport::fetch_json;
use super::writes::{post, quote};

/// Keeps the session's token for later writes; returns the state.
fn remember(state: SessionState) -> SessionState {
    csrf::set(state.csrf_token.clone());
    state
}

/// Who is signed in (nobody when `member` is empty).
pub async fn session() -> ApiResult<SessionState> {
    get(Endpoint::Session).await.map(remember)
}

pub async fn sign_in(email: String, password: String) -> ApiResult<SessionState> {
    let body = format!(
        r#"{{"email":{},"password":{}}}"#,
        quote(&email),
        quote(&password)
    );
    post("/session", body).await.map(remember)
}

pub async fn register(name: String, email: String, password: String) -> ApiResult<Notice> {
    let body = format!(
        r#"{{"name":{},"email":{},"password":{}}}"#,
        quote(&name),
        quote(&email),
        quote(&password)
    );
    post("/members", body).await
}

/// Tells the server the member is still there: the idle time starts again.
pub async fn extend_session() -> ApiResult<SessionState> {
    post("/session/extend", "{}".to_owned()).await.map(remember)
}

pub async fn sign_out() -> ApiResult<()> {
    let url = format!("{}/session", base());
    let result = fetch_json(&url, Method::DELETE, None).await.map(|_| ());
    csrf::set(None);
    result
}
