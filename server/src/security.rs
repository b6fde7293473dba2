//! Security headers on every answer, and the Content-Security-Policy of the page.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::Limits;

/// Headers every answer carries.
const COMMON: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("x-frame-options", "DENY"),
];

/// Middleware: the common headers, and HSTS when the request came over TLS
/// (as a trusted proxy says in X-Forwarded-Proto).
pub async fn headers(State(limits): State<Limits>, req: Request, next: Next) -> Response {
    let tls = limits.trust_forwarded_for
        && req
            .headers()
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in COMMON {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    h.remove(header::SERVER);
    res
}

/// The page's policy: scripts only from this origin plus the page's own inline
/// boot script (by its hash), wasm allowed to compile, no inline styles, no
/// plugins, no framing, and Trusted Types required for every HTML sink: the
/// front end's sanitizer policy (`ntm-html`) and its default policy, which
/// refuses markup that could run script (see `src/sanitize.rs`). `api_origin` is the
/// origin of a backend elsewhere, when the API base points at one.
pub fn page_policy(html: &str, api_origin: Option<&str>) -> String {
    let hashes: String = inline_scripts(html)
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let connect = api_origin.map(|o| format!(" {o}")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; media-src 'self'; font-src 'self'; connect-src 'self'{connect}; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
         require-trusted-types-for 'script'; trusted-types ntm-html default"
    )
}

/// The text of each inline `<script>` (one without `src`) of `html`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attrs, body) = rest.split_once('>')?;
        if attrs.contains("src=") {
            return None;
        }
        body.split_once("</script>").map(|(text, _)| text)
    })
}

/// The origin (`scheme://host:port`) of an absolute URL, or `None` for a path.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_the_inline_boot_script_only() {
        let html =
            "<head><script type=\"module\">boot()</script><script src=\"/a.js\"></script></head>";
        let policy = page_policy(html, None);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("require-trusted-types-for 'script'"));
    }

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("https://api.example.vn/v1").as_deref(),
            Some("https://api.example.vn")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:9/api").as_deref(),
            Some("http://127.0.0.1:9")
        );
        assert_eq!(origin_of("/api"), None);
    }
}
