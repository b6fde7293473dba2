//! Members: who is signed in, signing in and out, registering, and keeping
//! an idle session alive.

use gloo_net::http::Method;
use ntm_types::{Notice, RegisterRequest, SessionState, SignInRequest};

use super::cache::get;
use super::csrf;
use super::endpoint::Endpoint;
use super::error::ApiResult;
use super::transport::fetch_json;
use super::writes::{post, url};

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
    post(&Endpoint::Session.url(), &SignInRequest { email, password })
        .await
        .map(remember)
}

pub async fn register(name: String, email: String, password: String) -> ApiResult<Notice> {
    let request = RegisterRequest {
        name,
        email,
        password,
    };
    post(&url("/members"), &request).await
}

/// Tells the server the member is still there: the idle time starts again.
pub async fn extend_session() -> ApiResult<SessionState> {
    post(&url("/session/extend"), &EmptyRequest {})
        .await
        .map(remember)
}

pub async fn sign_out() -> ApiResult<()> {
    let result = fetch_json(&Endpoint::Session.url(), Method::DELETE, None)
        .await
        .map(|_| ());
    csrf::set(None);
    result
}

/// The body `{}` of a write that says nothing but that it is made.
#[derive(serde::Serialize)]
struct EmptyRequest {}
