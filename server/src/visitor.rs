//! Who is asking: the visitor's cookie identity and their IP address.
//!
//! A browser without the cookie gets one with the page (index.html) and with
//! `POST /api/visits`, the first thing the front end sends: a random id,
//! HttpOnly (scripts cannot read or copy it) and SameSite=Lax (other sites cannot
//! send it with a forged POST). Only those two set it, so the other requests of
//! a first page, sent at the same moment, cannot each hand out a different id.
//! Votes and ratings are tied to it, and capped per IP address so clearing
//! cookies does not buy more votes.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRef, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar};

use crate::error::{AppError, ErrorCode};
use crate::{AppState, Origins};

pub const VISITOR_COOKIE: &str = "ntm_vid";

fn valid_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

fn new_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS has randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The visitor id of this request: the cookie's, or the one this answer is about
/// to set. Counting visits uses it, so a browser's first page counts too.
#[derive(Clone, Debug)]
pub struct AssignedVisitor(pub String);

/// Middleware: gives a browser without a valid visitor cookie a new one.
pub async fn ensure_cookie(
    State(state): State<AppState>,
    jar: CookieJar,
    mut req: Request,
    next: Next,
) -> (CookieJar, Response) {
    let existing = Visitor::from_jar(&jar).map(|v| v.0);
    let is_new = existing.is_none();
    let id = existing.unwrap_or_else(new_id);
    req.extensions_mut().insert(AssignedVisitor(id.clone()));
    let res = next.run(req).await;
    if !is_new {
        return (CookieJar::new(), res);
    }
    (
        CookieJar::new().add(visitor_cookie(id, &state.origins)),
        res,
    )
}

/// `SameSite=None; Secure` when the deployment's front end is on another site.
fn visitor_cookie(id: String, origins: &Origins) -> Cookie<'static> {
    Cookie::build((VISITOR_COOKIE, id))
        .path("/")
        .http_only(true)
        .same_site(origins.same_site())
        .secure(origins.cross_site_cookies)
        .max_age(cookie::time::Duration::days(400))
        .build()
}

/// A new visitor cookie when the request carries no valid one.
pub fn cookie_if_missing(jar: &CookieJar, origins: &Origins) -> Option<Cookie<'static>> {
    Visitor::from_jar(jar)
        .is_none()
        .then(|| visitor_cookie(new_id(), origins))
}

/// The visitor's id from their cookie; requests without one are refused.
pub struct Visitor(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let jar = CookieJar::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        Self::from_jar(&jar).ok_or_else(|| {
            AppError::new(
                ErrorCode::NoVisitor,
                "Trình duyệt chưa có định danh người đọc. Vui lòng bật cookie rồi tải lại trang.",
            )
        })
    }
}

impl Visitor {
    pub fn from_jar(jar: &CookieJar) -> Option<Visitor> {
        jar.get(VISITOR_COOKIE)
            .map(|c| c.value())
            .filter(|v| valid_id(v))
            .map(|v| Visitor(v.to_owned()))
    }
}

/// The visitor's own cookie id when they have one (for reads, which never refuse).
pub struct MaybeVisitor(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeVisitor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_request_parts(parts, state)
            .await
            .unwrap_or_default();
        Ok(MaybeVisitor(Visitor::from_jar(&jar).map(|v| v.0)))
    }
}

/// The client's IP address: the connection's peer, or the first address of
/// X-Forwarded-For when the backend is told it sits behind a trusted proxy.
pub struct ClientIp(pub String);

impl<S> FromRequestParts<S> for ClientIp
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let app = AppState::from_ref(state);
        if app.limits.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse::<IpAddr>().ok());
            if let Some(ip) = forwarded {
                return Ok(ClientIp(ip.to_string()));
            }
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        Ok(ClientIp(peer.unwrap_or_else(|| "unknown".to_owned())))
    }
}
