//! Security headers on every answer, and the Content-Security-Policy of the page.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{Limits, Origins};

/// Headers every answer carries.
const COMMON: &[(&str, &str)] = &[
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
    ("x-frame-options", "DENY"),
];

/// Middleware: the common headers, and HSTS when the request came over TLS
/// (as a trusted proxy says in X-Forwarded-Proto). Files may be loaded by
/// this origin only, or also by the front ends of other origins when the
/// deployment has them (its photos and songs are theirs too).
pub async fn headers(
    State((limits, origins)): State<(Limits, Origins)>,
    req: Request,
    next: Next,
) -> Response {
    let tls = over_tls(&limits, req.headers());
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in COMMON {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    let resource_policy = if origins.front_ends.is_empty() {
        "same-origin"
    } else {
        "cross-origin"
    };
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static(resource_policy),
    );
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    h.remove(header::SERVER);
    res
}

/// Whether the request came over TLS. The backend itself speaks plain HTTP,
/// so only a trusted proxy's X-Forwarded-Proto can say so.
pub fn over_tls(limits: &Limits, headers: &HeaderMap) -> bool {
    limits.trust_forwarded_for
        && headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
}

/// Whether a request's `Origin`, when it has one, is this site or one of its
/// front ends elsewhere: the host and port it names must be those the
/// request was sent to (`Host`, or a trusted proxy's X-Forwarded-Host), or a
/// front end the deployment names. Browsers send `Origin` with every
/// cross-site POST, so this stops another site signing a reader in or out
/// behind their back; a request without it (curl, a test) is no browser's
/// forgery.
pub fn same_origin(limits: &Limits, origins: &Origins, headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    if origin.to_str().is_ok_and(|o| origins.is_front_end(o)) {
        return true;
    }
    let Some((scheme, authority)) = origin.to_str().ok().and_then(|o| o.split_once("://")) else {
        // `null` (a sandboxed frame, a redirect) and anything unreadable.
        return false;
    };
    let forwarded = limits
        .trust_forwarded_for
        .then(|| headers.get("x-forwarded-host"))
        .flatten();
    let Some(host) = forwarded
        .or_else(|| headers.get(header::HOST))
        .and_then(|h| h.to_str().ok())
    else {
        return false;
    };
    // The first of a proxy's comma-separated list; default ports left out.
    let host = host.split(',').next().unwrap_or_default().trim();
    let plain = |a: &str| {
        let a = a.to_ascii_lowercase();
        let default = if scheme.eq_ignore_ascii_case("https") {
            ":443"
        } else {
            ":80"
        };
        a.strip_suffix(default).map(str::to_owned).unwrap_or(a)
    };
    !authority.is_empty() && plain(authority) == plain(host)
}

/// The page's policy: scripts only from this origin plus the page's own inline
/// boot script (by its hash), wasm allowed to compile, no inline styles, no
/// plugins, no framing, and Trusted Types required for every HTML sink: the
/// front end's sanitizer policy (`ntm-html`) and its default policy, which
/// refuses markup that could run script (see `src/sanitize.rs`). `api_origin`
/// is the origin of a backend elsewhere, when the API base points at one:
/// the page may call it and load media from it, as from `media`, the other
/// origins the deployment allows media from.
pub fn page_policy(html: &str, api_origin: Option<&str>, media: &[String]) -> String {
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
    let mut loads = connect.clone();
    for origin in media {
        if api_origin != Some(origin.as_str()) {
            loads.push(' ');
            loads.push_str(origin);
        }
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:{loads}; media-src 'self'{loads}; font-src 'self'; connect-src 'self'{connect}; \
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_the_inline_boot_script_only() {
        let html =
            "<head><script type=\"module\">boot()</script><script src=\"/a.js\"></script></head>";
        let policy = page_policy(html, None, &[]);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(policy.contains(&format!("'sha256-{expected}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 1);
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("require-trusted-types-for 'script'"));
    }

    #[test]
    fn media_origins_join_images_and_media_only() {
        let media = [
            "https://cdn.example.vn".to_owned(),
            "https://api.example.vn".to_owned(),
        ];
        let policy = page_policy("", Some("https://api.example.vn"), &media);
        assert!(
            policy.contains("img-src 'self' data: https://api.example.vn https://cdn.example.vn;"),
            "{policy}"
        );
        assert!(
            policy.contains("media-src 'self' https://api.example.vn https://cdn.example.vn;"),
            "{policy}"
        );
        assert!(
            policy.contains("connect-src 'self' https://api.example.vn;"),
            "{policy}"
        );
        assert!(page_policy("", None, &[]).contains("img-src 'self' data:;"));
    }

    #[test]
    fn same_origin_compares_host_and_port() {
        let limits = Limits::default();
        let none = Origins::default();
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            h
        };
        let host = ("host", "tin.example.vn:8080");
        assert!(same_origin(&limits, &none, &headers(&[host])));
        assert!(same_origin(
            &limits,
            &none,
            &headers(&[host, ("origin", "http://tin.example.vn:8080")])
        ));
        assert!(same_origin(
            &limits,
            &none,
            &headers(&[("host", "a.vn"), ("origin", "https://A.vn")])
        ));
        assert!(same_origin(
            &limits,
            &none,
            &headers(&[("host", "a.vn:443"), ("origin", "https://a.vn")])
        ));
        assert!(!same_origin(
            &limits,
            &none,
            &headers(&[host, ("origin", "http://tin.example.vn:8081")])
        ));
        assert!(!same_origin(
            &limits,
            &none,
            &headers(&[host, ("origin", "https://evil.example")])
        ));
        assert!(!same_origin(
            &limits,
            &none,
            &headers(&[host, ("origin", "null")])
        ));
        assert!(!same_origin(
            &limits,
            &none,
            &headers(&[("origin", "http://a.vn")])
        ));
        // Behind a proxy the host asked for is the proxy's to tell, and only then.
        let proxied = [
            ("host", "127.0.0.1:8080"),
            ("x-forwarded-host", "a.vn"),
            ("origin", "https://a.vn"),
        ];
        assert!(!same_origin(&limits, &none, &headers(&proxied)));
        let trusting = Limits {
            trust_forwarded_for: true,
            ..Limits::default()
        };
        assert!(same_origin(&trusting, &none, &headers(&proxied)));
        // A front end of this deployment on another origin.
        let front_end = Origins {
            front_ends: vec!["https://tin.example.vn".to_owned()],
            ..Origins::default()
        };
        let from_it = [
            ("host", "api.example.vn"),
            ("origin", "https://tin.example.vn"),
        ];
        assert!(!same_origin(&limits, &none, &headers(&from_it)));
        assert!(same_origin(&limits, &front_end, &headers(&from_it)));
    }
}
