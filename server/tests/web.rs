//! Serving the built front end: routes, caching and compression.

mod common;

use axum::http::StatusCode;
use common::*;
use ntm_server::{app, Options};

const INDEX: &str = r#"<!doctype html><html><head><meta name="ntm-api-base" content="/api"></head><body></body></html>"#;

fn site(api_base: Option<&str>) -> (axum::Router, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    let p = dist.path();
    std::fs::write(p.join("index.html"), INDEX).unwrap();
    let js = "console.log('ntm');".repeat(100);
    std::fs::write(p.join("ntm-web-0123456789abcdef.js"), &js).unwrap();
    std::fs::write(p.join("ntm-web-0123456789abcdef.js.br"), b"brotli bytes").unwrap();
    std::fs::write(p.join("ntm-web-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::create_dir(p.join("anh")).unwrap();
    std::fs::write(p.join("anh/a.jpg"), b"jpeg").unwrap();
    let app = app(
        small_db(1),
        Options {
            dist: Some(p.to_path_buf()),
            api_base: api_base.map(str::to_owned),
            ..Default::default()
        },
    );
    (app, dist)
}

#[tokio::test]
async fn client_routes_get_index_html_revalidated() {
    let (app, _d) = site(None);
    for uri in [
        "/",
        "/index.html",
        "/tin-tuc/bai-0",
        "/chuyen-muc/mot?trang=2",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::OK, "{uri}");
        assert!(res.header("content-type").starts_with("text/html"), "{uri}");
        assert_eq!(res.header("cache-control"), "no-cache", "{uri}");
        assert!(res.text().contains(r#"content="/api""#));
    }
}

#[tokio::test]
async fn the_page_hands_out_the_visitor_cookie_once() {
    let (app, _d) = site(None);
    let first = get(&app, "/tin-tuc/bai-0").await;
    let cookie = first.header("set-cookie");
    assert!(
        cookie.starts_with("ntm_vid=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let id = cookie.split(';').next().unwrap();
    let again = get_with(&app, "/", &[("cookie", id)]).await;
    assert_eq!(again.header("set-cookie"), "");
    // Static files and API reads never set it.
    assert_eq!(get(&app, "/anh/a.jpg").await.header("set-cookie"), "");
    assert_eq!(get(&app, "/api/articles").await.header("set-cookie"), "");
}

#[tokio::test]
async fn unknown_paths_get_the_app_with_a_404() {
    let (app, _d) = site(None);
    let res = get(&app, "/khong-co/trang-nay").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.text().contains("ntm-api-base"));
}

#[tokio::test]
async fn hashed_assets_are_immutable_others_cached_a_day() {
    let (app, _d) = site(None);
    let wasm = get(&app, "/ntm-web-0123456789abcdef_bg.wasm").await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), "application/wasm");
    assert_eq!(
        wasm.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let img = get(&app, "/anh/a.jpg").await;
    assert_eq!(img.header("cache-control"), "public, max-age=86400");
}

#[tokio::test]
async fn precompressed_files_are_served_as_such() {
    let (app, _d) = site(None);
    let br = get_with(
        &app,
        "/ntm-web-0123456789abcdef.js",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(br.body, b"brotli bytes");
    // No .gz on disk: compressed on the fly instead.
    let gz = get_with(
        &app,
        "/ntm-web-0123456789abcdef.js",
        &[("accept-encoding", "gzip")],
    )
    .await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert!(gz
        .header("vary")
        .to_ascii_lowercase()
        .contains("accept-encoding"));
}

#[tokio::test]
async fn api_base_is_written_into_index_html() {
    let (app, _d) = site(Some("https://api.example.vn/v1\"><script>"));
    let html = get(&app, "/tin-tuc/bai-0").await.text();
    assert!(html.contains(r#"<meta name="ntm-api-base" content="https://api.example.vn/v1&quot;&gt;&lt;script&gt;">"#), "{html}");
}

#[tokio::test]
async fn api_still_answers_json_beside_the_site() {
    let (app, _d) = site(None);
    let res = get(&app, "/api/khong-co").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(res.json()["code"], "not_found");
}

#[tokio::test]
async fn security_headers_everywhere_and_a_strict_policy_on_the_page() {
    let (app, _d) = site(None);
    for uri in [
        "/",
        "/api/articles",
        "/ntm-web-0123456789abcdef_bg.wasm",
        "/khong-co",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.header("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(
            res.header("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{uri}"
        );
        assert!(
            res.header("permissions-policy").contains("camera=()"),
            "{uri}"
        );
        assert_eq!(
            res.header("cross-origin-opener-policy"),
            "same-origin",
            "{uri}"
        );
        assert_eq!(
            res.header("cross-origin-resource-policy"),
            "same-origin",
            "{uri}"
        );
        assert_eq!(res.header("x-frame-options"), "DENY", "{uri}");
        assert_eq!(res.header("server"), "", "{uri}");
        assert_eq!(
            res.header("strict-transport-security"),
            "",
            "{uri}: plain HTTP"
        );
    }
    let csp = get(&app, "/tin-tuc/bai-0")
        .await
        .header("content-security-policy")
        .to_owned();
    for needed in [
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types ntm-html default",
    ] {
        assert!(csp.contains(needed), "{needed} missing from {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
}

#[tokio::test]
async fn hsts_behind_a_trusted_tls_proxy_only() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    let app = app(
        small_db(0),
        Options {
            dist: Some(dist.path().to_path_buf()),
            limits: ntm_server::Limits {
                trust_forwarded_for: true,
                ..Default::default()
            },
            ..Default::default()
        },
    );
    let res = get_with(&app, "/", &[("x-forwarded-proto", "https")]).await;
    assert_eq!(
        res.header("strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
    let (untrusted, _d) = site(None);
    let res = get_with(&untrusted, "/", &[("x-forwarded-proto", "https")]).await;
    assert_eq!(res.header("strict-transport-security"), "");
}

#[tokio::test]
async fn a_backend_elsewhere_is_allowed_to_connect() {
    let (app, _d) = site(Some("https://api.example.vn/api"));
    let csp = get(&app, "/")
        .await
        .header("content-security-policy")
        .to_owned();
    assert!(
        csp.contains("connect-src 'self' https://api.example.vn;"),
        "{csp}"
    );
}

#[tokio::test]
async fn every_page_names_the_site_before_the_app_asks() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    let db = small_db(1);
    let info = ntm_types::SiteInfo {
        name: "Nông thôn mới \"Hà Tĩnh\" & <Kỳ Anh>".into(),
        office: "Văn phòng Điều phối".into(),
        ..Default::default()
    };
    db.with(|c| ntm_server::db::set_site(c, &info)).unwrap();
    let options = || Options {
        dist: Some(dist.path().to_path_buf()),
        ..Default::default()
    };
    let named = app(db, options());
    // A page with no first view too: its header is not empty until /site comes.
    for uri in ["/tim-kiem", "/", "/dang-nhap"] {
        let html = get(&named, uri).await.text();
        for tag in [
            r#"<meta name="ntm-site-name" content="Nông thôn mới &quot;Hà Tĩnh&quot; &amp; &lt;Kỳ Anh&gt;">"#,
            r#"<meta name="ntm-site-office" content="Văn phòng Điều phối">"#,
        ] {
            assert!(html.contains(tag), "{uri}: {tag}");
        }
    }
    // A backend not set up yet names nothing rather than something wrong.
    let bare = app(small_db(1), options());
    assert!(!get(&bare, "/").await.text().contains("ntm-site-name"));
}

#[tokio::test]
async fn a_nukeviet_sites_uploads_and_assets_are_served_at_their_paths() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    std::fs::create_dir_all(r.join("uploads/tin-tuc/2024_07")).unwrap();
    std::fs::create_dir_all(r.join("assets/tin-tuc/2024_07")).unwrap();
    std::fs::write(r.join("uploads/tin-tuc/2024_07/so-ket.jpg"), b"full").unwrap();
    std::fs::write(r.join("assets/tin-tuc/2024_07/so-ket.jpg"), b"thumb").unwrap();
    std::fs::write(r.join("config.php"), b"<?php $db_config['dbpass'] = 'x';").unwrap();
    let app = app(
        small_db(1),
        Options {
            dist: Some(dist.path().to_path_buf()),
            nukeviet_root: Some(r.to_path_buf()),
            ..Default::default()
        },
    );
    let full = get(&app, "/uploads/tin-tuc/2024_07/so-ket.jpg").await;
    assert_eq!(
        (full.status, full.body.as_slice()),
        (StatusCode::OK, b"full".as_slice())
    );
    let thumb = get(&app, "/assets/tin-tuc/2024_07/so-ket.jpg").await;
    assert_eq!(
        (thumb.status, thumb.body.as_slice()),
        (StatusCode::OK, b"thumb".as_slice())
    );
    // Nothing else of the site's folder, and no way out of those two.
    for uri in [
        "/uploads/tin-tuc/khong-co.jpg",
        "/uploads/../config.php",
        "/uploads/%2e%2e/config.php",
        "/config.php",
    ] {
        let res = get(&app, uri).await;
        assert_ne!(res.status, StatusCode::OK, "{uri}");
        assert!(!res.text().contains("dbpass"), "{uri}");
    }
}
