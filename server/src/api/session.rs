//! Signing in and out, and the session that ends when left idle.
//!
//! The session is a random token in the `ntm_sid` cookie: HttpOnly (scripts
//! cannot read it), SameSite=Lax (other sites' forms cannot send it with a
//! POST), Secure over TLS, with no expiry of its own: the server ends it after
//! `Limits::session_idle_seconds` without activity. Activity is extending it
//! (the front end's "Tiếp tục phiên" button) or voting as a member; reading
//! `GET /session` is not, so an open tab alone does not keep a session alive.
//! Writes that act as the member also echo the session's CSRF token in
//! `X-CSRF-Token`, which only this site's pages can read.

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Json;
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar};
use ntm_types::{ApiError, SessionState, SignInRequest};
use rusqlite::Connection;

use super::members::{normalize_email, verify_password};
use super::params::{Body, NoQuery, Refusal};
use super::same_origin::{csrf_refused, same_origin_writes};
use crate::db::members::{self, Attempt, Session};
use crate::error::{AppError, ErrorCode};
use crate::store::Passwords;
use crate::visitor::ClientIp;
use crate::{AppState, Origins};

/// The session: who is signed in, signing in and out, keeping it alive.
/// Another site's pages may not write here (`same_origin_writes`).
pub fn routes(state: &AppState) -> Router<AppState> {
    let same_origin = || axum::middleware::from_fn_with_state(state.clone(), same_origin_writes);
    Router::new()
        .route(
            "/session",
            get(get_session)
                .post(sign_in)
                .delete(sign_out)
                .layer(same_origin()),
        )
        .route("/session/extend", post(extend_session).layer(same_origin()))
}

pub const SESSION_COOKIE: &str = "ntm_sid";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Window of the failed sign-in limits, in seconds.
const SIGN_IN_WINDOW: i64 = 15 * 60;

fn bad_credentials() -> AppError {
    AppError::new(
        ErrorCode::BadCredentials,
        "E-mail hoặc mật khẩu không đúng.",
    )
}

fn too_many_sign_ins() -> AppError {
    AppError::new(
        ErrorCode::TooManyAttempts,
        "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau 15 phút.",
    )
}

fn signed_out() -> AppError {
    AppError::new(
        ErrorCode::SignedOut,
        "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
    )
}

impl Refusal for SignInRequest {
    fn refusal() -> AppError {
        AppError::new(
            ErrorCode::InvalidSignIn,
            "Thông tin đăng nhập không hợp lệ.",
        )
    }
}

/// 32 random bytes as 64 hex digits: a session token or a CSRF token.
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The session cookie of a request, and its `X-CSRF-Token` header. `token`
/// is the cookie's value when it has the shape of a token; `present` says
/// whether there was one at all, so a stale or forged cookie can be cleared.
pub struct SessionCookie {
    pub token: Option<String>,
    pub present: bool,
    pub csrf: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for SessionCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        let value = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
        Ok(SessionCookie {
            csrf: csrf_header(&parts.headers),
            present: value.is_some(),
            token: value.filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())),
        })
    }
}

impl SessionCookie {
    /// The live session, if any (it is not extended).
    pub fn session(
        &self,
        conn: &Connection,
        now: i64,
        idle_seconds: u32,
    ) -> rusqlite::Result<Option<Session>> {
        match &self.token {
            Some(t) => members::session(conn, t, now, idle_seconds),
            None => Ok(None),
        }
    }

    /// [`session_for_write`] with this request's cookie and header.
    pub fn session_for_write(
        &self,
        conn: &Connection,
        now: i64,
        idle_seconds: u32,
        no_session: fn() -> AppError,
    ) -> Result<Session, AppError> {
        session_for_write(
            conn,
            self.token.as_deref(),
            self.csrf.as_deref(),
            now,
            idle_seconds,
            no_session,
        )
    }

    /// Clears the cookie when there is one but no live session behind it.
    fn clear_if_stale(&self, signed_in: bool, tls: bool, origins: &Origins) -> CookieJar {
        if self.present && !signed_in {
            CookieJar::new().add(removal(tls, origins))
        } else {
            CookieJar::new()
        }
    }
}

/// The session cookie; `SameSite=None` and `Secure` when the deployment's
/// front end is on another site ([`Origins::cross_site_cookies`]).
fn session_cookie(token: String, tls: bool, origins: &Origins) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(origins.same_site())
        .secure(tls || origins.cross_site_cookies)
        .build()
}

/// A cookie that tells the browser to drop the session cookie (Max-Age=0).
fn removal(tls: bool, origins: &Origins) -> Cookie<'static> {
    let mut c = session_cookie(String::new(), tls, origins);
    c.make_removal();
    c
}

/// Whether `given` is the session's CSRF token, compared in constant time.
fn csrf_matches(session: &Session, given: Option<&str>) -> bool {
    let Some(given) = given else { return false };
    let expected = session.csrf_token.as_bytes();
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

fn csrf_header(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The live session of a write that acts as the member: `no_session()` when
/// there is none, the CSRF refusal when `X-CSRF-Token` is not its token.
/// Restarts the idle count.
fn session_for_write(
    conn: &Connection,
    token: Option<&str>,
    csrf: Option<&str>,
    now: i64,
    idle_seconds: u32,
    no_session: fn() -> AppError,
) -> Result<Session, AppError> {
    let token = token.ok_or_else(no_session)?;
    let session = members::session(conn, token, now, idle_seconds)?.ok_or_else(no_session)?;
    if !csrf_matches(&session, csrf) {
        return Err(csrf_refused());
    }
    members::touch_session(conn, token, now)?;
    Ok(session)
}

fn state_of(session: Option<Session>, idle_seconds: u32) -> SessionState {
    match session {
        Some(s) => SessionState {
            member: Some(s.member),
            idle_seconds,
            csrf_token: Some(s.csrf_token),
        },
        None => SessionState {
            member: None,
            idle_seconds,
            csrf_token: None,
        },
    }
}

/// Who is signed in on this browser. Reading it does not extend the session.
#[utoipa::path(get, path = "/session", tag = "members",
    params(("ntm_sid" = Option<String>, Cookie, description = "Session token, set by POST /session")),
    responses(
        (status = 200, description = "The session, or `member` and `csrf_token` null when signed out (a stale cookie is cleared)", body = SessionState),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError)))]
pub async fn get_session(
    State(state): State<AppState>,
    _: NoQuery,
    cookie: SessionCookie,
    headers: HeaderMap,
) -> Result<(CookieJar, Json<SessionState>), AppError> {
    let now = (state.clock)();
    let idle = state.limits.session_idle_seconds;
    let (session, cookie) = state
        .db
        .call(move |c| Ok((cookie.session(c, now, idle)?, cookie)))
        .await?;
    let tls = crate::security::over_tls(&state.limits, &headers);
    let jar = cookie.clear_if_stale(session.is_some(), tls, &state.origins);
    Ok((jar, Json(state_of(session, idle))))
}

/// Signs in with e-mail and password; sets the `ntm_sid` cookie.
#[utoipa::path(post, path = "/session", tag = "members",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in: the new session; `Set-Cookie: ntm_sid=…; Path=/; HttpOnly; SameSite=Lax` (and `Secure` over TLS)", body = SessionState),
        (status = 400, description = "A malformed body or a query parameter", body = ApiError),
        (status = 401, description = "Wrong e-mail or password (one answer for both)", body = ApiError),
        (status = 403, description = "An `Origin` of another site, or the right password of an account that signs in with a second step (`two_step_sign_in`, a NukeViet site's), which this site does not offer", body = ApiError),
        (status = 413, description = "A body over 4 KiB", body = ApiError),
        (status = 415, description = "The body is not JSON", body = ApiError),
        (status = 429, description = "Too many failed sign-ins from this IP address or to this e-mail in 15 minutes", body = ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    _: NoQuery,
    ClientIp(ip): ClientIp,
    old: SessionCookie,
    headers: HeaderMap,
    Body(SignInRequest { email, password }): Body<SignInRequest>,
) -> Result<(CookieJar, Json<SessionState>), AppError> {
    let email = normalize_email(&email);
    let now = (state.clock)();
    let limits = state.limits.clone();
    let (ip2, email2) = (ip.clone(), email.clone());
    state
        .db
        .call(move |c| {
            let from_ip = members::attempts(c, Attempt::SignInFromIp, &ip2, now, SIGN_IN_WINDOW)?;
            let to_email =
                members::attempts(c, Attempt::SignInToEmail, &email2, now, SIGN_IN_WINDOW)?;
            if from_ip >= limits.failed_sign_ins_per_ip
                || to_email >= limits.failed_sign_ins_per_email
            {
                return Err(too_many_sign_ins());
            }
            Ok(())
        })
        .await?;
    let account = state.store.sign_in_account(email.clone()).await?;
    // Off the async workers and without the connection: hashing takes a while.
    // An unknown e-mail is checked against a dummy hash, so it takes as long.
    let (member, hash, two_step) = match account {
        Some(a) => (Some(a.member), Some(a.password_hash), a.two_step),
        None => (None, None, false),
    };
    let passwords = state.store.passwords();
    let right = tokio::task::spawn_blocking(move || match passwords {
        Passwords::Argon2 => verify_password(&password, hash.as_deref()),
        // Fast hashes: nothing to even out for an unknown e-mail.
        Passwords::NukeViet => hash
            .as_deref()
            .is_some_and(|h| crate::nukeviet::members::password_matches(&password, h)),
    })
    .await
    .map_err(|_| AppError::internal())?;
    if right && two_step {
        return Err(AppError::new(
            ErrorCode::TwoStepSignIn,
            "Tài khoản này đăng nhập bằng xác thực hai bước, trang này chưa hỗ trợ. \
             Vui lòng liên hệ quản trị trang để được hỗ trợ.",
        ));
    }
    let idle = state.limits.session_idle_seconds;
    let (token, csrf) = (random_token(), random_token());
    let old = old.token;
    let store = state.store.clone();
    let session = {
        let (token, csrf) = (token.clone(), csrf.clone());
        state
            .db
            .call(move |c| {
                let Some(member) = member.filter(|_| right) else {
                    members::record_attempt(c, Attempt::SignInFromIp, &ip, now)?;
                    members::record_attempt(c, Attempt::SignInToEmail, &email, now)?;
                    return Err(bad_credentials());
                };
                if let Some(old) = old {
                    members::end_session(c, &old)?;
                }
                members::clear_attempts(c, Attempt::SignInToEmail, &email)?;
                store.signing_in(c, &member, now)?;
                members::start_session(c, member.id, &token, &csrf, now, idle)?;
                Ok(Session {
                    member,
                    csrf_token: csrf,
                })
            })
            .await?
    };
    let tls = crate::security::over_tls(&state.limits, &headers);
    let jar = CookieJar::new().add(session_cookie(token, tls, &state.origins));
    Ok((jar, Json(state_of(Some(session), idle))))
}

/// Restarts the idle count ("Tiếp tục phiên"). Takes no body; one sent (say
/// `{}`) is ignored.
#[utoipa::path(post, path = "/session/extend", tag = "members",
    params(
        ("ntm_sid" = Option<String>, Cookie, description = "Session token, set by POST /session"),
        ("X-CSRF-Token" = Option<String>, Header, description = "The session's `csrf_token`")),
    responses(
        (status = 200, description = "The session, its idle count restarted", body = SessionState),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 401, description = "No live session: signed out or expired (a stale cookie is cleared)", body = ApiError),
        (status = 403, description = "No or a wrong `X-CSRF-Token`, or an `Origin` of another site", body = ApiError)))]
pub async fn extend_session(
    State(state): State<AppState>,
    _: NoQuery,
    cookie: SessionCookie,
    headers: HeaderMap,
) -> Result<Json<SessionState>, (CookieJar, AppError)> {
    let now = (state.clock)();
    let idle = state.limits.session_idle_seconds;
    let (token, csrf) = (cookie.token.clone(), cookie.csrf.clone());
    let tls = crate::security::over_tls(&state.limits, &headers);
    let result = state
        .db
        .call(move |c| {
            session_for_write(c, token.as_deref(), csrf.as_deref(), now, idle, signed_out)
        })
        .await;
    match result {
        Ok(session) => Ok(Json(state_of(Some(session), idle))),
        Err(e) if e.code == ErrorCode::SignedOut => {
            Err((cookie.clear_if_stale(false, tls, &state.origins), e))
        }
        Err(e) => Err((CookieJar::new(), e)),
    }
}

/// Signs out: ends the session and clears the cookie. Without a session, does
/// nothing and says so the same way.
#[utoipa::path(delete, path = "/session", tag = "members",
    params(
        ("ntm_sid" = Option<String>, Cookie, description = "Session token, set by POST /session"),
        ("X-CSRF-Token" = Option<String>, Header, description = "The session's `csrf_token`; needed when the session is live")),
    responses(
        (status = 204, description = "Signed out; `Set-Cookie` clears `ntm_sid` (Max-Age=0)"),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 403, description = "A live session without its `X-CSRF-Token`, or an `Origin` of another site", body = ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    _: NoQuery,
    cookie: SessionCookie,
    headers: HeaderMap,
) -> Result<(CookieJar, StatusCode), AppError> {
    let now = (state.clock)();
    let idle = state.limits.session_idle_seconds;
    let csrf = cookie.csrf.clone();
    if let Some(token) = cookie.token.clone() {
        state
            .db
            .call(move |c| {
                // Only a live session needs the proof; a dead one is just cleared.
                if let Some(session) = members::session(c, &token, now, idle)? {
                    if !csrf_matches(&session, csrf.as_deref()) {
                        return Err(csrf_refused());
                    }
                }
                Ok(members::end_session(c, &token)?)
            })
            .await?;
    }
    let tls = crate::security::over_tls(&state.limits, &headers);
    Ok((
        CookieJar::new().add(removal(tls, &state.origins)),
        StatusCode::NO_CONTENT,
    ))
}
