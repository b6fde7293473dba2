//! The first view a page carries: a news list (home or a category, any page of
//! it) or an article as plain HTML,
//! so a reader on a slow line sees the text while the wasm is still on its
//! way. The front end keeps it on screen until it shows the same page itself,
//! then removes it (`src/first_view.rs`). Without JavaScript it stays: a
//! readable page whose links and search work.
//!
//! The main column is the front end's own views (`views/`) rendered to HTML,
//! so the swap moves nothing. The header and the documents search form are
//! still written here, class for class as the app's shell and documents page
//! write them; the first view has no ids the app uses.

use std::fmt::Write;

use leptos::prelude::*;
use ntm_types::datetime::day_key;
use ntm_types::page::{
    page_title, DOCUMENTS_DESCRIPTION, DOCUMENTS_TITLE, SEARCH_DESCRIPTION, SEARCH_HEADING,
    SEARCH_TITLE,
};
use ntm_types::sanitize_policy::url_allowed;
use ntm_types::{
    Article, ArticlePage, DocumentFacets, DocumentPage, MenuItem, SiteInfo, Timestamp,
    DEFAULT_PER_PAGE,
};
use ntm_views::article::ArticleView;
use ntm_views::breadcrumb::Breadcrumb;
use ntm_views::documents::document_results;
use ntm_views::links::is_current;
use ntm_views::news::{category_news, latest_news, list_category, search_results, LATEST_NEWS};
use rusqlite::Connection;

use crate::article_body;
use crate::db;
use crate::text::composed;
use crate::text::escape_html as esc;

/// The pages that get a first view: those a reader most often lands on.
#[derive(Debug, PartialEq)]
pub enum Route {
    /// A page of the newest articles (`/`, `/?trang=N`), of one category when
    /// given (`/chuyen-muc/{slug}`).
    List { category: Option<String>, page: u32 },
    /// An article's slug.
    Article(String),
    /// A page of all issued documents (`/van-ban`, `/van-ban?trang=N`); a
    /// filtered search is left to the front end.
    Documents { page: u32 },
    /// A page of the articles found for `text` (`/tim-kiem?q=…&trang=N`), as
    /// the header's search box asks without script too.
    Search { text: String, page: u32 },
}

/// Documents a page of the documents list shows, as the front end asks for them.
pub const DOCUMENTS_PER_PAGE: u32 = 10;

/// The first view's route for a page path, when it has one. Only plain slugs,
/// and no query but a list's page number (`trang=N`, as the app's pager
/// writes it): anything else is left to the front end.
pub fn route(path: &str, query: Option<&str>) -> Option<Route> {
    if path == "/tim-kiem" {
        return search_route(query?);
    }
    let page = match query.filter(|q| !q.is_empty()) {
        None => None,
        Some(q) => Some(page_number(q.strip_prefix("trang=")?)?),
    };
    if path == "/" {
        return Some(Route::List {
            category: None,
            page: page.unwrap_or(1),
        });
    }
    let path = path.strip_suffix('/').unwrap_or(path);
    if path == "/van-ban" {
        return Some(Route::Documents {
            page: page.unwrap_or(1),
        });
    }
    if let Some(slug) = path.strip_prefix("/chuyen-muc/") {
        return is_plain_slug(slug).then(|| Route::List {
            category: Some(slug.to_owned()),
            page: page.unwrap_or(1),
        });
    }
    let slug = path.strip_prefix("/tin-tuc/")?;
    (page.is_none() && is_plain_slug(slug)).then(|| Route::Article(slug.to_owned()))
}

/// A search's words (`q`, as the API takes them) and page (`trang`), and
/// nothing else.
fn search_route(query: &str) -> Option<Route> {
    let (mut text, mut page) = (None, None);
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        match &*name {
            "q" if text.is_none() => text = Some(crate::api::search_words(&value)?),
            "trang" if page.is_none() => page = Some(page_number(&value)?),
            _ => return None,
        }
    }
    Some(Route::Search {
        text: text?,
        page: page.unwrap_or(1),
    })
}

/// A list's page number (the value of `trang=N`), within the API's bounds.
fn page_number(n: &str) -> Option<u32> {
    crate::api::Paging::parse(Some(n), None)
        .ok()
        .map(|p| p.page)
}

/// A slug as the backend makes them: lowercase ASCII letters, digits and `-`.
pub fn is_plain_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What a first view shows, read from the database.
pub struct Content {
    site: SiteInfo,
    page: Page,
}

impl Content {
    /// The site information the page was loaded with.
    pub fn site(&self) -> &SiteInfo {
        &self.site
    }
}

/// Each page's data, as the API answers the front end's request for it.
enum Page {
    /// A page of the newest articles (the home page).
    Latest(ArticlePage),
    /// A page of one category's articles.
    Category(ArticlePage),
    Article(Box<Article>),
    Search {
        text: String,
        found: ArticlePage,
    },
    Documents {
        facets: DocumentFacets,
        list: DocumentPage,
        /// When it was read: what counts as new.
        now: Timestamp,
    },
}

/// What goes into index.html for one page.
#[derive(Debug)]
pub struct FirstView {
    /// The whole `<title>` text.
    pub title: String,
    /// The description meta tag's text.
    pub description: String,
    /// The markup to put first in `<body>`.
    pub html: String,
}

/// What the first view of `route` shows at `now`, or `None` when there is
/// nothing to show (an unknown article or category, no site information yet).
/// Only reads: the rendering happens in [`render`], away from the database
/// connection.
pub fn load(conn: &Connection, route: &Route, now: Timestamp) -> rusqlite::Result<Option<Content>> {
    let Some(site) = db::site(conn)?.and_then(|json| serde_json::from_str::<SiteInfo>(&json).ok())
    else {
        return Ok(None);
    };
    let page = match route {
        Route::List { category, page } => {
            let category = match category {
                Some(slug) => match db::category(conn, slug)? {
                    Some(found) => Some(found),
                    None => return Ok(None),
                },
                None => None,
            };
            let offset = (page - 1) * DEFAULT_PER_PAGE;
            let (items, total_items) = db::article_summaries(
                conn,
                category.as_ref().map(|(id, _)| *id),
                DEFAULT_PER_PAGE,
                offset,
            )?;
            let list = ArticlePage {
                items,
                page: *page,
                per_page: DEFAULT_PER_PAGE,
                total_items,
                total_pages: total_items.div_ceil(DEFAULT_PER_PAGE),
                category: category.map(|(_, c)| c),
            };
            if list.category.is_some() {
                Page::Category(list)
            } else {
                Page::Latest(list)
            }
        }
        Route::Article(slug) => match db::article_uncounted(conn, slug)? {
            Some(a) => Page::Article(Box::new(a)),
            None => return Ok(None),
        },
        Route::Search { text, page } => {
            let (items, total_items) =
                db::search_articles(conn, text, DEFAULT_PER_PAGE, (page - 1) * DEFAULT_PER_PAGE)?;
            Page::Search {
                text: text.clone(),
                found: ArticlePage {
                    items,
                    page: *page,
                    per_page: DEFAULT_PER_PAGE,
                    total_items,
                    total_pages: total_items.div_ceil(DEFAULT_PER_PAGE),
                    category: None,
                },
            }
        }
        Route::Documents { page } => {
            let (items, total_items) = db::documents::search(
                conn,
                &db::documents::Filter::default(),
                &day_key(now),
                DOCUMENTS_PER_PAGE,
                (page - 1) * DOCUMENTS_PER_PAGE,
            )?;
            Page::Documents {
                facets: db::documents::facets(conn)?,
                list: DocumentPage {
                    items,
                    page: *page,
                    per_page: DOCUMENTS_PER_PAGE,
                    total_items,
                    total_pages: total_items.div_ceil(DOCUMENTS_PER_PAGE),
                },
                now,
            }
        }
    };
    Ok(Some(Content { site, page }))
}

/// The first view of `content`, for the page at `path` and `query`; media
/// load from this site and from `media_origins` only.
pub fn render(
    content: Content,
    path: &str,
    query: Option<&str>,
    media_origins: &[String],
) -> FirstView {
    let Content { site: info, page } = content;
    let site = &info.name;
    let (title, description) = match &page {
        Page::Latest(_) => (page_title("", site), info.description.clone()),
        Page::Category(list) => {
            let c = list_category(list);
            (page_title(&c.name, site), c.description)
        }
        Page::Article(a) => (page_title(&a.title, site), a.lead.clone()),
        Page::Search { .. } => (
            page_title(SEARCH_TITLE, site),
            SEARCH_DESCRIPTION.to_owned(),
        ),
        Page::Documents { .. } => (
            page_title(DOCUMENTS_TITLE, site),
            DOCUMENTS_DESCRIPTION.to_owned(),
        ),
    };
    // The address it was made for, as the front end compares it (pathname and
    // search): a page kept for another address is dropped there.
    let address = match query.filter(|q| !q.is_empty()) {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    };
    // What the app's main column holds once it shows this page's data: the
    // hand-over waits for it, since a heading the app shows at once says
    // nothing about the data.
    let ready = match &page {
        Page::Latest(_) | Page::Category(_) | Page::Search { .. } => ".news-list, .empty",
        Page::Documents { .. } => ".doc-list, .empty",
        Page::Article(_) => "h1",
    };
    let main = main_column(page, media_origins);
    let html = format!(
        r##"<div id="ntm-first-view" data-path="{}" data-ready="{ready}"><a class="skip-link" href="#noi-dung-tinh">Chuyển đến nội dung chính</a>{}<div class="layout"><main class="main" id="noi-dung-tinh" tabindex="-1">{main}</main></div></div>"##,
        esc(&address),
        header(&info, path)
    );
    // Composed as the app shows it, so taking over changes no letter.
    FirstView {
        title: composed(&title),
        description: composed(&description),
        html: composed(&html),
    }
}

/// A URL from the backend, escaped; empty when the shared policy refuses it
/// (what loads by itself must come from this site or `origins`).
fn url(attr: &str, u: &str, origins: &[String]) -> String {
    if url_allowed(attr, u, origins) {
        esc(u)
    } else {
        String::new()
    }
}

/// The header: the site's name, the member links, a search form that works
/// without script, and the menu. On phones the menu opens through a link to it
/// (`:target`), since the app's button needs the app. Controls that need the
/// app (text size, submenu buttons) are there only to take their room, unseen.
fn header(site: &SiteInfo, path: &str) -> String {
    let mut menu = String::new();
    for item in &site.menu {
        menu_entry(&mut menu, item, path);
    }
    format!(
        r##"<header class="site-header"><div class="banner"><a href="/" class="site-name"><span class="site-kicker">{office}</span><span class="site-title">{name}</span></a><div class="header-tools"><div class="member-menu"><a href="/dang-nhap">Đăng nhập</a><a href="/dang-ky">Đăng ký</a></div><form class="search-box" role="search" aria-label="Tìm kiếm bài viết" action="/tim-kiem" method="get"><input type="search" name="q" aria-label="Từ khóa tìm kiếm" placeholder="Tìm bài viết…" maxlength="200"><button type="submit" class="button">Tìm</button></form><div class="text-size fv-unseen"><button class="text-size-button" type="button" disabled>A−</button><button class="text-size-button" type="button" disabled>A</button><button class="text-size-button" type="button" disabled>A+</button></div></div></div><nav class="main-menu" aria-label="Menu chính"><a class="menu-toggle" href="#danh-muc"><span aria-hidden="true">☰ </span>Danh mục</a><ul class="menu-list" id="danh-muc">{menu}</ul></nav></header>"##,
        name = esc(&site.name),
        office = esc(&site.office)
    )
}

/// One menu entry; the link to this very page is marked, as the app marks it.
fn menu_entry(out: &mut String, item: &MenuItem, path: &str) {
    let parent = !item.children.is_empty();
    let current = if is_current(&item.href, path) {
        r#" aria-current="page""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<li{}><a href="{}"{current}>{}</a>"#,
        if parent {
            r#" class="has-submenu""#
        } else {
            ""
        },
        url("href", &item.href, &[]),
        esc(&item.label)
    );
    if parent {
        // Open under their parent on phones; on wide screens the app's
        // submenu buttons take over.
        out.push_str(r#"<button class="submenu-toggle fv-unseen" type="button" disabled>▾</button><ul class="submenu">"#);
        for child in &item.children {
            menu_entry(out, child, path);
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

/// The main column of a page's first view: the views the app shows for the
/// same data (`views/`), rendered to HTML, less what needs the app (the
/// rating, the print button's action). Media load from this site and
/// `origins` only.
fn main_column(page: Page, origins: &[String]) -> String {
    // For the views' URL checks; the rendering below runs on this thread.
    ntm_views::set_media_origins(origins.to_vec());
    Owner::new().with(|| {
        match page {
            Page::Latest(list) => view! {
                <h1 class="page-title">{LATEST_NEWS}</h1>
                {latest_news(list)}
            }
            .to_html(),
            Page::Category(list) => category_news(list).to_html(),
            Page::Article(a) => {
                // Stored bodies are cleaned already; cleaning again costs little
                // and keeps this page safe from whatever got into the database
                // another way.
                let body = article_body::for_page(&a.body_html, origins);
                let body = view! { <div class="article-body" inner_html=body></div> };
                view! { <ArticleView article=*a body app_parts=() inert=true/> }.to_html()
            }
            Page::Search { text, found } => view! {
                <h1 class="page-title">{SEARCH_HEADING}</h1>
                {search_results(text, found)}
            }
            .to_html(),
            Page::Documents { facets, list, now } => {
                // The app shows the breadcrumb, heading and form at once,
                // without waiting for data: the hand-over drops them (the
                // form is marked `data-app-shows`).
                let head = view! {
                    <Breadcrumb items=vec![(DOCUMENTS_TITLE.to_owned(), "/van-ban".to_owned())]/>
                    <h1 class="page-title">{DOCUMENTS_TITLE}</h1>
                };
                let results = document_results(list, String::new(), now);
                head.to_html() + &documents_form(&facets) + &results.to_html()
            }
        }
    })
}

/// The documents page's search form as the app shows it before any filter is
/// chosen, its controls disabled, since searching needs the app.
fn documents_form(facets: &DocumentFacets) -> String {
    let select = |id: &str, name: &str, label: &str, values: &[String]| {
        let mut out = format!(
            r#"<div class="field"><label for="fv-{id}">{label}</label><select id="fv-{id}" name="{name}" disabled><option value="">Tất cả</option>"#
        );
        for v in values {
            let _ = write!(out, r#"<option value="{0}">{0}</option>"#, esc(v));
        }
        out.push_str("</select></div>");
        out
    };
    let date = |id: &str, name: &str, label: &str| {
        format!(
            r#"<div class="field"><label for="fv-{id}">{label}</label><input id="fv-{id}" name="{name}" type="date" disabled></div>"#
        )
    };
    let years: Vec<String> = facets.years.iter().map(i32::to_string).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<form class="doc-search" role="search" aria-label="Tìm văn bản" data-app-shows><div class="field field-wide"><label for="fv-doc-q">Từ khóa (số hiệu, trích yếu)</label><input id="fv-doc-q" name="tu-khoa" type="search" maxlength="200" disabled></div>{}{}{}{}{}{}<div class="field"><label for="fv-doc-status">Hiệu lực</label><select id="fv-doc-status" name="hieu-luc" disabled><option value="">Tất cả</option><option value="con-hieu-luc">Còn hiệu lực</option><option value="het-hieu-luc">Hết hiệu lực</option></select></div><div class="doc-search-actions"><button type="submit" class="button" disabled>Tìm kiếm</button><a href="/van-ban">Xóa điều kiện</a></div></form>"#,
        select("doc-kind", "loai", "Loại văn bản", &facets.kinds),
        select(
            "doc-body",
            "co-quan",
            "Cơ quan ban hành",
            &facets.issuing_bodies
        ),
        select("doc-area", "linh-vuc", "Lĩnh vực", &facets.areas),
        select("doc-year", "nam", "Năm ban hành", &years),
        date("doc-from", "tu-ngay", "Ban hành từ ngày"),
        date("doc-to", "den-ngay", "Đến ngày"),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        let home = |page| {
            Some(Route::List {
                category: None,
                page,
            })
        };
        assert_eq!(route("/", None), home(1));
        assert_eq!(route("/", Some("")), home(1));
        assert_eq!(route("/", Some("trang=3")), home(3));
        let ocop = |page| {
            Some(Route::List {
                category: Some("ocop".to_owned()),
                page,
            })
        };
        assert_eq!(route("/chuyen-muc/ocop", None), ocop(1));
        assert_eq!(route("/chuyen-muc/ocop/", Some("trang=2")), ocop(2));
        let article = Some(Route::Article("abc-1".to_owned()));
        assert_eq!(route("/tin-tuc/abc-1", None), article);
        assert_eq!(route("/tin-tuc/abc-1/", None), article);
        assert_eq!(
            route("/van-ban", Some("trang=2")),
            Some(Route::Documents { page: 2 })
        );
        assert_eq!(route("/van-ban/", None), Some(Route::Documents { page: 1 }));
        let search = |text: &str, page| {
            Some(Route::Search {
                text: text.to_owned(),
                page,
            })
        };
        assert_eq!(route("/tim-kiem", Some("q=+OCOP+")), search("OCOP", 1));
        assert_eq!(
            route("/tim-kiem", Some("q=n%C3%B4ng+th%C3%B4n&trang=3")),
            search("nông thôn", 3)
        );
        assert_eq!(
            route("/tim-kiem", Some(&format!("q={}", "a".repeat(200)))),
            search(&"a".repeat(200), 1)
        );
        let too_long = format!("q={}", "a".repeat(201));
        for (path, query) in [
            ("/", Some("trang=0")),
            ("/", Some("trang=x")),
            ("/", Some("trang=99999999999")),
            ("/", Some("q=1")),
            ("/", Some("trang=2&x=1")),
            ("/index.html", None),
            ("/tin-tuc/", None),
            ("/tin-tuc/a/b", None),
            ("/tin-tuc/%3Cx%3E", None),
            ("/tin-tuc/ABC", None),
            ("/tin-tuc/abc-1", Some("trang=2")),
            ("/chuyen-muc/", None),
            ("/chuyen-muc/a/b", None),
            ("/chuyen-muc/ABC", None),
            ("/van-ban", Some("loai=abc")),
            ("/tim-kiem", None),
            ("/tim-kiem", Some("q=")),
            ("/tim-kiem", Some("q=+")),
            ("/tim-kiem", Some(too_long.as_str())),
            ("/tim-kiem", Some("q=a&trang=0")),
            ("/tim-kiem", Some("q=a&x=1")),
            ("/tim-kiem", Some("q=a&q=b")),
            ("/van-ban", Some("tu-khoa=ocop&trang=2")),
        ] {
            assert_eq!(route(path, query), None, "{path} {query:?}");
        }
    }

    #[test]
    fn escapes_text_and_refuses_script_urls() {
        assert_eq!(
            esc(r#"<b a="x" b='y'>&"#),
            "&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;&amp;"
        );
        assert_eq!(url("href", "javascript:alert(1)", &[]), "");
        assert_eq!(url("href", "/van-ban?a=1&b=2", &[]), "/van-ban?a=1&amp;b=2");
        let cdn = ["https://cdn.example.vn".to_owned()];
        assert_eq!(url("src", "https://cdn.example.vn/a.jpg", &[]), "");
        assert_eq!(
            url("src", "https://cdn.example.vn/a.jpg", &cdn),
            "https://cdn.example.vn/a.jpg"
        );
    }
}
