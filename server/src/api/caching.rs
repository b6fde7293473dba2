//! Caching of the API's answers by browsers and by a shared cache (a CDN or a
//! proxy in front of the backend). Public reads, the same for everyone, carry
//! a validator (a weak ETag of the body); a shared cache may keep them for a
//! few seconds (`s-maxage`), a browser asks again each time (`max-age=0`:
//! a reader sees their own vote and the new figures at once), and an
//! unchanged answer asked with `If-None-Match` is a 304 without a body.
//! Answers that depend on who asks (their rating, their choices in a poll,
//! their session) are `private`: a shared cache never keeps one. Writes are
//! never kept.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

/// How an answer may be cached.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Policy {
    /// The same for everyone: a shared cache may keep it for the given
    /// seconds.
    Public(u32),
    /// Depends on who asks (their cookies): only their browser may keep it,
    /// and it asks again each time.
    Private,
    /// A write, or bytes counted each time they are sent (an attachment).
    NoStore,
}

/// The policy of a request to the API at `path` (below `/api`).
pub fn policy(method: &Method, path: &str, public_seconds: u32) -> Policy {
    if method != Method::GET && method != Method::HEAD {
        return Policy::NoStore;
    }
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["session"] | ["polls"] | ["polls", "current"] => Policy::Private,
        ["polls", _] => Policy::Private,
        ["articles", _, "rating"] => Policy::Private,
        ["documents", _, "files", _] | ["health"] => Policy::NoStore,
        // The figures change by the second: kept briefly.
        ["stats"] | ["stats", "daily"] => Policy::Public(public_seconds.min(10)),
        _ => Policy::Public(public_seconds),
    }
}

/// Largest answer given a validator (larger ones are sent as they are).
const MAX_VALIDATED: usize = 4 * 1024 * 1024;

/// Sets each answer's `Cache-Control`, and for public ones its `ETag`,
/// answering 304 when the client already has it.
pub async fn cache_rules(State(public_seconds): State<u32>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let path = path.strip_prefix("/api").unwrap_or(path).to_owned();
    let policy = policy(req.method(), &path, public_seconds);
    let known = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    match policy {
        Policy::NoStore => with_cache_control(res, "no-store"),
        Policy::Private => with_cache_control(res, "private, no-cache"),
        Policy::Public(_) if res.status() != StatusCode::OK => with_cache_control(res, "no-cache"),
        Policy::Public(seconds) => validated(res, seconds, known).await,
    }
}

fn with_cache_control(mut res: Response, value: &'static str) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

/// A public answer with its ETag and how long caches may keep it; a 304 when
/// `known` already names this body.
async fn validated(res: Response, seconds: u32, known: Option<HeaderValue>) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_VALIDATED).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    let digest = Sha256::digest(&bytes);
    // Weak: the same answer is sent compressed in several ways.
    let etag = format!(
        "W/\"{}\"",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
    );
    let cache_control = format!("public, max-age=0, s-maxage={seconds}");
    let headers = &mut parts.headers;
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&cache_control) {
        headers.insert(header::CACHE_CONTROL, v);
    }
    if known
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|list| matches(list, &etag))
    {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_TYPE);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Whether an `If-None-Match` list names `etag` (compared weakly, as RFC 9110
/// says for this header), or is `*`.
fn matches(list: &str, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let mine = opaque(etag);
    list.split(',')
        .any(|tag| tag.trim() == "*" || opaque(tag) == mine)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_may_keep_what() {
        let get = |path| policy(&Method::GET, path, 30);
        assert_eq!(get("/articles"), Policy::Public(30));
        assert_eq!(get("/articles/abc"), Policy::Public(30));
        assert_eq!(get("/documents/facets"), Policy::Public(30));
        assert_eq!(get("/polls/3/results"), Policy::Public(30));
        assert_eq!(get("/stats"), Policy::Public(10));
        assert_eq!(get("/articles/abc/rating"), Policy::Private);
        assert_eq!(get("/polls"), Policy::Private);
        assert_eq!(get("/polls/current"), Policy::Private);
        assert_eq!(get("/polls/3"), Policy::Private);
        assert_eq!(get("/session"), Policy::Private);
        assert_eq!(get("/documents/a/files/b.pdf"), Policy::NoStore);
        assert_eq!(get("/health"), Policy::NoStore);
        assert_eq!(policy(&Method::POST, "/visits", 30), Policy::NoStore);
    }

    #[test]
    fn if_none_match_compares_weakly() {
        assert!(matches(r#"W/"abc""#, r#"W/"abc""#));
        assert!(matches(r#""x", "abc""#, r#"W/"abc""#));
        assert!(matches("*", r#"W/"abc""#));
        assert!(!matches(r#"W/"abd""#, r#"W/"abc""#));
    }
}
