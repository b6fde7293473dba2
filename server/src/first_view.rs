//! The first view a page carries: the header and a news list (home, a
//! category, a search, any page of them), an article or the issued documents
//! as plain HTML, so a reader on a slow line sees the text while the wasm is
//! still on its way. The front end keeps it on screen until it shows the same page itself,
//! then removes it (`src/first_view.rs`). Without JavaScript it stays: a
//! readable page whose links and search work.
//!
//! All of it is the front end's own views (`views/`) rendered to HTML, so the
//! swap moves nothing. Controls that need the app keep their room, unseen (the
//! stylesheet hides them here) or inert; the menu opens through a link to
//! itself. The first view has no ids the app uses.

use leptos::prelude::*;
use ntm_types::page::{
    page_title, DOCUMENTS_DESCRIPTION, DOCUMENTS_TITLE, SEARCH_DESCRIPTION, SEARCH_HEADING,
    SEARCH_TITLE,
};
use ntm_types::{
    Article, ArticlePage, DocumentFacets, DocumentPage, MenuItem, SiteInfo, Timestamp,
    DEFAULT_PER_PAGE,
};
use ntm_views::article::ArticleView;
use ntm_views::breadcrumb::Breadcrumb;
use ntm_views::documents::{document_results, document_search_form, DocumentFormIds};
use ntm_views::header::{
    contrast_button, header_frame, main_menu_without_script, member_menu, reading_tools,
    search_box, signed_out_links, text_size_buttons, tools_link, FIRST_VIEW_TOOLS,
};
use ntm_views::news::{category_news, latest_news, list_category, search_results, LATEST_NEWS};
use ntm_views::page::PageView;

use crate::article_body;
use crate::db::documents::Filter;
use crate::error::AppError;
use crate::store::Store;
use crate::text::composed;

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
    /// A page that is not news (`/trang/{slug}`), by its slug.
    Other(String),
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
    if let Some(slug) = path.strip_prefix("/trang/") {
        return (page.is_none() && is_plain_slug(slug)).then(|| Route::Other(slug.to_owned()));
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
    /// A page that is not news.
    Other(Box<ntm_types::Page>),
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
/// nothing to show (an unknown article or category, no site information yet):
/// everything from `store`, as the API reads it. Only reads: the rendering
/// happens in [`render`].
pub async fn load(
    store: &Store,
    route: Route,
    now: Timestamp,
) -> Result<Option<Content>, AppError> {
    let Some(site) = store.site().await? else {
        return Ok(None);
    };
    let page = match route {
        Route::List { category, page } => {
            let offset = (page - 1) * DEFAULT_PER_PAGE;
            let Some(found) = store
                .news_page(category, DEFAULT_PER_PAGE, offset, now)
                .await?
            else {
                return Ok(None);
            };
            let list = ArticlePage {
                items: found.items,
                page,
                per_page: DEFAULT_PER_PAGE,
                total_items: found.total,
                total_pages: found.total.div_ceil(DEFAULT_PER_PAGE),
                category: found.category,
            };
            if list.category.is_some() {
                Page::Category(list)
            } else {
                Page::Latest(list)
            }
        }
        Route::Article(slug) => match store.article(slug, now, false).await? {
            Some(a) => Page::Article(Box::new(a)),
            None => return Ok(None),
        },
        Route::Other(slug) => match store.page(slug).await? {
            Some(p) => Page::Other(Box::new(p)),
            None => return Ok(None),
        },
        Route::Search { text, page } => {
            let offset = (page - 1) * DEFAULT_PER_PAGE;
            let (items, total_items) = store
                .search(text.clone(), DEFAULT_PER_PAGE, offset, now)
                .await?;
            Page::Search {
                text,
                found: ArticlePage {
                    items,
                    page,
                    per_page: DEFAULT_PER_PAGE,
                    total_items,
                    total_pages: total_items.div_ceil(DEFAULT_PER_PAGE),
                    category: None,
                },
            }
        }
        Route::Documents { page } => {
            let (items, total_items) = store
                .documents(
                    Filter::default(),
                    DOCUMENTS_PER_PAGE,
                    (page - 1) * DOCUMENTS_PER_PAGE,
                    now,
                )
                .await?;
            Page::Documents {
                facets: store.document_facets().await?,
                list: DocumentPage {
                    items,
                    page,
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
        Page::Other(p) => (page_title(&p.title, site), p.description.clone()),
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
        Page::Article(_) | Page::Other(_) => "h1",
    };
    // For the views' URL checks; the rendering below runs on this thread.
    ntm_views::set_media_origins(media_origins.to_vec());
    let html = Owner::new().with(|| {
        view! {
            <div id="ntm-first-view" data-path=address data-ready=ready>
                <a class="skip-link" href="#noi-dung-tinh">"Chuyển đến nội dung chính"</a>
                {header(info.office, info.name.clone(), info.menu, path)}
                <div class="layout">
                    <main class="main" id="noi-dung-tinh" tabindex="-1">{main_column(page, media_origins)}</main>
                </div>
            </div>
        }
        .to_html()
    });
    // Composed as the app shows it, so taking over changes no letter.
    FirstView {
        title: composed(&title),
        description: composed(&description),
        html: composed(&html),
    }
}

/// The header as the app shows it, less what needs the app: its text sizes
/// and submenu buttons keep their room, unseen, and the menu opens through a
/// link to itself (`:target`) on phones.
fn header(office: String, name: String, menu: Vec<MenuItem>, path: &str) -> impl IntoView {
    let reading = (
        search_box(
            "fv-search-q",
            NodeRef::new(),
            |_| {},
            leptos::attr::action("/tim-kiem"),
        ),
        text_size_buttons(RwSignal::new("vua".to_owned()), |_| {}),
        contrast_button(RwSignal::new(false), |_| {}),
    );
    let tools = (
        member_menu(signed_out_links(), ()),
        reading_tools(
            (tools_link(), NodeRef::new()),
            FIRST_VIEW_TOOLS,
            RwSignal::new(false),
            reading,
        ),
    );
    let path = path.to_owned();
    let menu = main_menu_without_script(menu, Memo::new(move |_| path.clone()));
    header_frame(office, name, tools, menu)
}

/// Its own ids: the app's form stands beside it for a moment.
const FORM_IDS: DocumentFormIds = DocumentFormIds {
    text: "fv-doc-q",
    kind: "fv-doc-kind",
    issuing_body: "fv-doc-body",
    area: "fv-doc-area",
    year: "fv-doc-year",
    from: "fv-doc-from",
    to: "fv-doc-to",
    status: "fv-doc-status",
};

/// The main column of a page's first view: the views the app shows for the
/// same data (`views/`), less what needs the app (the rating, the print
/// button's action, searching the documents). Media load from this site and
/// `origins` only.
fn main_column(page: Page, origins: &[String]) -> AnyView {
    match page {
        Page::Latest(list) => view! {
            <h1 class="page-title">{LATEST_NEWS}</h1>
            {latest_news(list)}
        }
        .into_any(),
        Page::Category(list) => category_news(list).into_any(),
        Page::Article(a) => {
            let body = body(&a.body_html, origins);
            view! { <ArticleView article=*a body tools=() app_parts=()/> }.into_any()
        }
        Page::Other(p) => {
            let body = body(&p.body_html, origins);
            view! { <PageView page=*p body/> }.into_any()
        }
        Page::Search { text, found } => view! {
            <h1 class="page-title">{SEARCH_HEADING}</h1>
            {search_results(text, found)}
        }
        .into_any(),
        // The app shows the breadcrumb, heading and form at once, without
        // waiting for data: the hand-over drops them (the form is marked
        // `inert`).
        Page::Documents { facets, list, now } => {
            let facets = StoredValue::new(facets);
            view! {
            <Breadcrumb items=vec![(DOCUMENTS_TITLE.to_owned(), "/van-ban".to_owned())]/>
            <h1 class="page-title">{DOCUMENTS_TITLE}</h1>
            {document_search_form(FORM_IDS, move || facets.get_value(), |_| String::new(), |_| {}, leptos::attr::inert(true))}
            {document_results(list, String::new(), now)}
            }
            .into_any()
        }
    }
}

/// An article's or a page's body as the app shows it. Stored bodies are
/// cleaned already; cleaning again costs little and keeps this page safe from
/// whatever got into the database another way.
fn body(html: &str, origins: &[String]) -> impl IntoView {
    let html = article_body::for_page(html, origins);
    view! { <div class="article-body" inner_html=html></div> }
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
        assert_eq!(
            route("/trang/about-us", None),
            Some(Route::Other("about-us".to_owned()))
        );
        assert_eq!(route("/trang/about-us", Some("trang=2")), None);
        assert_eq!(route("/trang/About", None), None);
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
        let hostile = r#"<script>alert("x")</script> & 'y'"#;
        let item = |href: &str, children| MenuItem {
            label: hostile.to_owned(),
            href: href.to_owned(),
            children,
        };
        let site = SiteInfo {
            name: hostile.to_owned(),
            office: hostile.to_owned(),
            menu: vec![item(
                "javascript:alert(1)",
                vec![item("/van-ban?a=1&b=2", vec![])],
            )],
            ..SiteInfo::default()
        };
        let found = ArticlePage {
            items: vec![],
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            total_items: 0,
            total_pages: 0,
            category: None,
        };
        let page = Page::Search {
            text: hostile.to_owned(),
            found,
        };
        let view = render(Content { site, page }, "/tim-kiem", Some("q=%3C"), &[]);
        assert!(!view.html.contains("<script"), "{}", view.html);
        assert!(!view.html.contains("javascript:"), "{}", view.html);
        assert!(view.html.contains("&lt;script&gt;"), "{}", view.html);
        assert!(
            view.html.contains(r#"href="/van-ban?a=1&amp;b=2""#),
            "{}",
            view.html
        );
    }
}
