//! Serving the built front end: files from `dist/`, index.html for the client's
//! routes, and cache headers fit for production.

use std::path::PathBuf;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::cookie::CookieJar;
use tower_http::services::ServeDir;

use crate::first_view;
use crate::text::{composed, escape_html};
use crate::{Clock, Db, Origins, Store};

/// The meta tag the front end reads its API base from (see index.html).
const API_BASE_META: &str = r#"<meta name="ntm-api-base" content="/api">"#;
/// The meta tag the front end reads other media origins from.
const MEDIA_ORIGINS_META: &str = r#"<meta name="ntm-media-origins" content="">"#;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const REVALIDATE: &str = "no-cache";
const ONE_DAY: &str = "public, max-age=86400";

/// What serving the front end needs.
#[derive(Clone)]
pub struct Site {
    /// Folder of the built front end.
    pub dist: PathBuf,
    /// API base written into index.html; `None` keeps `/api`.
    pub api_base: Option<String>,
    pub db: Db,
    /// Where the news comes from, as the API reads it.
    pub store: Store,
    /// A NukeViet site's folder, whose `uploads/` and `assets/` (photos and
    /// their thumbnails, attachments) are served at the same paths.
    pub nukeviet_root: Option<PathBuf>,
    /// The API's clock: a first view says what is new and in force as the API does.
    pub clock: Clock,
    pub origins: Origins,
}

impl Site {
    /// The origin of the API when it is elsewhere.
    fn api_origin(&self) -> Option<String> {
        self.api_base
            .as_deref()
            .and_then(ntm_types::origin::origin_of)
    }

    /// Where media may load from besides this origin: the API's, and those
    /// the deployment names (as the front end reads them, `src/api.rs`).
    fn media_origins(&self) -> Vec<String> {
        let mut all = self.origins.media.clone();
        all.extend(self.api_origin());
        all
    }
}

pub fn router(site: Site) -> Router {
    let index = get(index_html).with_state(site.clone());
    let files = ServeDir::new(site.dist.clone())
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index.clone());
    let mut router = Router::new()
        .route("/", index.clone())
        .route("/index.html", index);
    if let Some(root) = &site.nukeviet_root {
        // Missing files answer 404, not the front end's page.
        for folder in ["uploads", "assets"] {
            router = router.nest_service(&format!("/{folder}"), ServeDir::new(root.join(folder)));
        }
    }
    router
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
}

/// index.html, with the API base filled in when one was configured, the first
/// view's data preloaded and, on the pages that have one, the first view
/// itself. Paths the client does not route get the same page (which shows its
/// 404 view) with a 404.
async fn index_html(State(site): State<Site>, jar: CookieJar, req: Request) -> Response {
    let status = if is_client_route(req.uri().path()) {
        StatusCode::OK
    } else if let Some(to) = site.store.new_address(req.uri().path(), req.uri().query()) {
        // An old address of the site this one replaces, for good.
        return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response();
    } else {
        StatusCode::NOT_FOUND
    };
    let Ok(mut html) = tokio::fs::read_to_string(site.dist.join("index.html")).await else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Front end not built: run scripts/build.sh",
        )
            .into_response();
    };
    if let Some(base) = &site.api_base {
        let tag = format!(
            r#"<meta name="ntm-api-base" content="{}">"#,
            escape_html(base)
        );
        html = html.replace(API_BASE_META, &tag);
    }
    if !site.origins.media.is_empty() {
        let tag = format!(
            r#"<meta name="ntm-media-origins" content="{}">"#,
            escape_html(&site.origins.media.join(" "))
        );
        html = html.replace(MEDIA_ORIGINS_META, &tag);
    }
    // The first view's data, asked for while the wasm downloads.
    let base = site
        .api_base
        .as_deref()
        .unwrap_or("/api")
        .trim_end_matches('/');
    let links: String = first_data(req.uri().path(), req.uri().query())
        .into_iter()
        .map(|path| {
            format!(
                r#"<link rel="preload" as="fetch" crossorigin="use-credentials" href="{}{}">"#,
                escape_html(base),
                escape_html(&path)
            )
        })
        .collect();
    let (path, query) = (req.uri().path(), req.uri().query());
    let (info, content) = page_data(&site, path, query).await;
    html = html.replacen(
        "</head>",
        &format!("{links}{}</head>", site_names(info.as_ref())),
        1,
    );
    // The page hands out the visitor cookie, before any API request is made.
    let policy =
        crate::security::page_policy(&html, site.api_origin().as_deref(), &site.origins.media);
    // After the policy: nothing in the first view may add a script hash.
    if let Some(content) = content {
        html = with_first_view(&site, content, html, path, query);
    }
    let jar = match crate::visitor::cookie_if_missing(&jar, &site.origins) {
        Some(cookie) => jar.add(cookie),
        None => CookieJar::new(),
    };
    let mut res = (status, jar, Html(html)).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    if let Ok(v) = HeaderValue::from_str(&policy) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    res
}

/// What the page is built from: the site information, and the first view's
/// content on the pages that have one.
/// Nothing of what cannot be read (a site not set up yet, an unknown article).
async fn page_data(
    site: &Site,
    path: &str,
    query: Option<&str>,
) -> (Option<ntm_types::SiteInfo>, Option<first_view::Content>) {
    let now = (site.clock)();
    // Read first; escaping and cleaning the body happen after.
    let content = match first_view::route(path, query) {
        Some(route) => first_view::load(&site.store, route, now)
            .await
            .unwrap_or(None),
        None => None,
    };
    let info = match &content {
        Some(content) => Some(content.site().clone()),
        None => site.store.site().await.ok().flatten(),
    };
    (info, content)
}

/// The site's name and office as meta tags: the header shows them from the
/// first paint on every page, not only those with a first view, so it does
/// not grow when `/site` arrives (`src/components/shell.rs`). Nothing when the
/// site is not set up yet.
fn site_names(info: Option<&ntm_types::SiteInfo>) -> String {
    info.map(|i| {
        format!(
            r#"<meta name="ntm-site-name" content="{}"><meta name="ntm-site-office" content="{}">"#,
            escape_html(&composed(&i.name)),
            escape_html(&composed(&i.office))
        )
    })
    .unwrap_or_default()
}

/// `html` with the page's first view in its body and its title and description
/// in its head.
fn with_first_view(
    site: &Site,
    content: first_view::Content,
    html: String,
    path: &str,
    query: Option<&str>,
) -> String {
    let view = first_view::render(content, path, query, &site.media_origins());
    let html = replace_between(&html, "<title>", "</title>", &escape_html(&view.title));
    // A site without a description keeps index.html's neutral one.
    let html = if view.description.trim().is_empty() {
        html
    } else {
        replace_between(
            &html,
            r#"<meta name="description" content=""#,
            r#"">"#,
            &escape_html(&view.description),
        )
    };
    // The app's code waits for the first view's pictures (scripts/build.sh),
    // so it is not fetched ahead of them either.
    let html = without_wasm_preload(&html);
    html.replacen("<body>", &format!("<body>{}", view.html), 1)
}

/// `html` without trunk's `<link rel="preload" … as="fetch" type="application/wasm">`.
fn without_wasm_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link ") {
        let Some(len) = rest[i..].find('>').map(|j| j + 1) else {
            break;
        };
        let tag = &rest[i..i + len];
        out.push_str(&rest[..i]);
        if !(tag.contains(r#"rel="preload""#) && tag.contains(r#"type="application/wasm""#)) {
            out.push_str(tag);
        }
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    out
}

/// `html` with the text between the first `start` and the next `end` replaced.
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> String {
    let Some(i) = html.find(start).map(|i| i + start.len()) else {
        return html.to_owned();
    };
    let Some(j) = html[i..].find(end).map(|j| i + j) else {
        return html.to_owned();
    };
    format!("{}{with}{}", &html[..i], &html[j..])
}

/// The API paths the front end asks for first on `path`, written exactly as it
/// writes them (src/api.rs, `Endpoint::url`) so the browser's preload answers
/// its fetch. Only plain slugs: anything else is left to the front end.
pub fn first_data(path: &str, query: Option<&str>) -> Vec<String> {
    use first_view::Route;
    let mut paths = vec!["/site".to_owned()];
    match first_view::route(path, query) {
        Some(Route::List { category, page }) => paths.push(match category {
            Some(slug) => format!("/articles?page={page}&category={slug}"),
            None => format!("/articles?page={page}"),
        }),
        Some(Route::Article(slug)) => paths.push(format!("/articles/{slug}")),
        Some(Route::Other(slug)) => paths.push(format!("/pages/{slug}")),
        // The front end's request goes through URLSearchParams (gloo-net),
        // which writes a form's encoding: a space is "+".
        Some(Route::Search { text, page }) => paths.push(format!(
            "/search?q={}&page={page}",
            form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
        )),
        Some(Route::Documents { page }) => paths.extend([
            format!(
                "/documents?page={page}&per_page={}",
                first_view::DOCUMENTS_PER_PAGE
            ),
            "/documents/facets".to_owned(),
        ]),
        // A document has no first view, but its data is still asked for early.
        None if query.is_none_or(str::is_empty) => {
            let path = path.strip_suffix('/').unwrap_or(path);
            if let Some(slug) = path
                .strip_prefix("/van-ban/")
                .filter(|s| first_view::is_plain_slug(s))
            {
                paths.push(format!("/documents/{slug}"));
            }
        }
        None => {}
    }
    paths
}

/// The front end's routes (src/lib.rs): `/`, `/tham-do-y-kien`, `/van-ban`, `/tim-kiem`,
/// `/chuyen-muc/{slug}`, `/tin-tuc/{slug}`, `/van-ban/{slug}`, `/trang/{slug}`.
pub fn is_client_route(path: &str) -> bool {
    let path = path.strip_suffix('/').unwrap_or(path);
    if matches!(
        path,
        "" | "/index.html"
            | "/tham-do-y-kien"
            | "/van-ban"
            | "/tim-kiem"
            | "/dang-nhap"
            | "/dang-ky"
    ) {
        return true;
    }
    let mut parts = path.trim_start_matches('/').split('/');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some("chuyen-muc" | "tin-tuc" | "van-ban" | "trang"), Some(slug), None) if !slug.is_empty()
    )
}

/// True for trunk's content-hashed file names, e.g. `ntm-web-0123456789abcdef_bg.wasm`:
/// a new build gives a new name, so they can be cached for good.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.match_indices('-').any(|(i, _)| {
        let rest = &name[i + 1..];
        rest.len() > 16
            && rest.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit)
            && matches!(rest.as_bytes()[16], b'.' | b'_')
    })
}

async fn cache_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let policy = if is_hashed_asset(path) {
        IMMUTABLE
    } else if path == "/sw.js" {
        // A new release must reach the service worker at once.
        REVALIDATE
    } else {
        ONE_DAY
    };
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) && res.status().is_success() {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    res.headers_mut()
        .entry(header::VARY)
        .or_insert(HeaderValue::from_static("accept-encoding"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed_asset("/ntm-web-0123456789abcdef_bg.wasm"));
        assert!(is_hashed_asset("/ntm-web-0123456789abcdef.js"));
        assert!(is_hashed_asset("/style-fedcba9876543210.css"));
        assert!(!is_hashed_asset("/anh/mien-dong-binh-lieu.jpg"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/ntm-web-0123456789abcdeX.js"));
    }

    #[test]
    fn first_data_matches_the_front_ends_urls() {
        assert_eq!(first_data("/", None), ["/site", "/articles?page=1"]);
        assert_eq!(
            first_data("/tin-tuc/thuc-day-ocop", None),
            ["/site", "/articles/thuc-day-ocop"]
        );
        assert_eq!(
            first_data("/chuyen-muc/chuong-trinh-ocop", None),
            ["/site", "/articles?page=1&category=chuong-trinh-ocop"]
        );
        assert_eq!(
            first_data("/van-ban/6748-ubnd-nl5", None)[1],
            "/documents/6748-ubnd-nl5"
        );
        assert_eq!(
            first_data("/chuyen-muc/chuong-trinh-ocop", Some("trang=2")),
            ["/site", "/articles?page=2&category=chuong-trinh-ocop"]
        );
        assert_eq!(
            first_data("/", Some("trang=2")),
            ["/site", "/articles?page=2"]
        );
        // Another query, odd characters or an unknown page: only the frame.
        assert_eq!(first_data("/", Some("trang=2&a=b")), ["/site"]);
        assert_eq!(first_data("/van-ban/6748-ubnd-nl5", Some("a=b")), ["/site"]);
        assert_eq!(first_data("/tin-tuc/%3Cx%3E", None), ["/site"]);
        assert_eq!(first_data("/tim-kiem", None), ["/site"]);
        // As the header's form writes it, and as the front end asks for it.
        assert_eq!(
            first_data("/tim-kiem", Some("q=n%C3%B4ng+th%C3%B4n+&trang=2")),
            ["/site", "/search?q=n%C3%B4ng+th%C3%B4n&page=2"]
        );
        assert_eq!(first_data("/tim-kiem", Some("q=")), ["/site"]);
        assert_eq!(
            first_data("/van-ban", Some("trang=3")),
            [
                "/site",
                "/documents?page=3&per_page=10",
                "/documents/facets"
            ]
        );
        // A filtered search: the front end asks for it itself.
        assert_eq!(first_data("/van-ban", Some("loai=abc")), ["/site"]);
    }

    #[test]
    fn drops_only_the_wasm_preload() {
        let head = concat!(
            r#"<link rel="modulepreload" href="/a.js">"#,
            r#"<link rel="preload" href="/a_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#,
            r#"<link rel="preload" as="fetch" href="/api/site"></head>"#
        );
        assert_eq!(
            without_wasm_preload(head),
            r#"<link rel="modulepreload" href="/a.js"><link rel="preload" as="fetch" href="/api/site"></head>"#
        );
        assert_eq!(without_wasm_preload("<p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn client_routes() {
        for p in [
            "/",
            "/tin-tuc/abc",
            "/trang/about-us",
            "/chuyen-muc/hoc-tap-dao-duc-hcm",
            "/tin-tuc/abc/",
            "/tham-do-y-kien",
        ] {
            assert!(is_client_route(p), "{p}");
        }
        for p in ["/khong-co", "/tin-tuc", "/tin-tuc/a/b", "/chuyen-muc/"] {
            assert!(!is_client_route(p), "{p}");
        }
    }
}
