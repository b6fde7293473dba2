//! The frame around every page: header with the menu, search and text size,
//! and the footer; all of it from the backend's site information.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use ntm_types::page::language_tag;
use ntm_types::SiteInfo;
use ntm_views::header::{
    header_frame, main_menu, reading_tools, search_box, tools_button, FIRST_VIEW_TOOLS,
};
use ntm_views::links::page_href;

use super::display_prefs::{Contrast, TextSize};
use super::loaded::{ErrorMessage, SlowNotice};
use super::member::MemberMenu;
use crate::api::{self, ApiResult, Endpoint, JsonResource};

/// The site information, fetched once and shared by every part of the frame,
/// with the fetch itself for the parts that report a failure.
#[derive(Clone, Copy)]
struct Site {
    info: Memo<Option<ApiResult<SiteInfo>>>,
    fetched: JsonResource,
}

/// Fetches the site information and shares it; call once, inside the router.
pub fn provide_site() {
    let fetched = api::resource(|| Endpoint::Site);
    // Decoded once for every part of the frame. Each new answer counts as a
    // change: comparing two SiteInfo (menus and all) would cost more code than
    // the redraw it saves, and the site is fetched once.
    let info = Memo::new_with_compare(
        move |_| fetched.get().map(|r| r.and_then(api::decode::<SiteInfo>)),
        |_, _| true,
    );
    // Every page's title ends with the site's name.
    Effect::new(move || {
        if let Some(Ok(site)) = info.get() {
            crate::meta::set_site(&site.name, &site.description);
        }
    });
    provide_context(Site { info, fetched });
}

/// The site information once loaded.
pub fn use_site() -> Signal<Option<SiteInfo>> {
    match use_context::<Site>() {
        Some(site) => Signal::derive(move || site.info.get().and_then(Result::ok)),
        None => Signal::derive(|| None),
    }
}

/// Why the site information failed to load, with a retry; nothing otherwise.
/// Each part of the frame built from it (menu, songs, partners) shows one.
#[component]
pub fn SiteFailure() -> impl IntoView {
    let site = use_context::<Site>();
    move || {
        let site = site?;
        let retry = move |()| site.fetched.refetch();
        match site.info.get() {
            None => Some(view! { <SlowNotice on_retry=retry/> }.into_any()),
            Some(Err(error)) => Some(view! { <ErrorMessage error on_retry=retry/> }.into_any()),
            Some(Ok(_)) => None,
        }
    }
}

/// What the header shows until the site information arrives, so that it
/// neither changes nor grows then: the backend's first view's text of
/// `selector` where the page has one, else the backend's `meta` tag
/// (`server/src/web.rs`), else nothing.
fn text_before_site(selector: &str, meta: &str) -> String {
    document()
        .query_selector(&format!("#ntm-first-view {selector}"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .or_else(|| api::meta_content(meta))
        .unwrap_or_default()
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let shown = move |pick: fn(&SiteInfo) -> String, before: String| {
        move || site.with(|s| s.as_ref().map_or_else(|| before.clone(), pick))
    };
    let tools = view! {
        <MemberMenu/>
        <ReadingTools/>
    };
    header_frame(
        shown(
            |s| s.office.clone(),
            text_before_site(".site-kicker", "ntm-site-office"),
        ),
        shown(
            |s| s.name.clone(),
            text_before_site(".site-title", "ntm-site-name"),
        ),
        tools,
        view! { <Menu/> <SiteFailure/> },
    )
}

/// The header's search box, through the router: goes to `/tim-kiem?q=…`.
#[component]
fn SearchBox() -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let q = input.get().map(|i| i.value()).unwrap_or_default();
        let q = q.trim();
        if !q.is_empty() {
            let encoded = String::from(js_sys::encode_uri_component(q));
            navigate(&format!("/tim-kiem?q={encoded}"), Default::default());
        }
    };
    search_box("search-q", input, on_submit, ())
}

/// Whether a part of the header that opens is open: at start, when the first
/// view's link to it (to its `id`) opened it; it closes when the reader moves
/// to another page.
fn opened_by(id: &str) -> RwSignal<bool> {
    let hash = window().location().hash().unwrap_or_default();
    let open = RwSignal::new(hash.strip_prefix('#') == Some(id));
    let path = use_location().pathname;
    Effect::new(move |before: Option<String>| {
        let now = path.get();
        if before.is_some_and(|b| b != now) {
            open.set(false);
        }
        now
    });
    open
}

/// The search box, the text sizes and the contrast switch, behind a button on
/// phones.
#[component]
fn ReadingTools() -> impl IntoView {
    const PANEL: &str = "reading-tools";
    let open = opened_by(FIRST_VIEW_TOOLS);
    let toggle = NodeRef::new();
    let tools = view! {
        <SearchBox/>
        <TextSize/>
        <Contrast/>
    };
    reading_tools(
        (tools_button(open, PANEL, toggle), toggle),
        PANEL,
        open,
        tools,
    )
}

/// The main menu with the site's entries.
#[component]
fn Menu() -> impl IntoView {
    let site = use_site();
    let open = opened_by("danh-muc");
    let items = move || site.with(|s| s.as_ref().map(|s| s.menu.clone()).unwrap_or_default());
    main_menu(items, use_location().pathname, open)
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    // A line whose value the backend left empty is left out.
    let line = |label: &'static str, value: String| {
        (!value.trim().is_empty()).then(|| view! { <p>{label} {value}</p> })
    };
    view! {
        <footer class="site-footer">
            {move || site.get().map(|s| {
                let digits: String = s.phone.chars().filter(char::is_ascii_digit).collect();
                let tel = format!("tel:{digits}");
                let mail = format!("mailto:{}", s.email);
                let (has_phone, has_mail) = (!s.phone.trim().is_empty(), !s.email.trim().is_empty());
                let contact = (has_phone || has_mail).then(|| view! {
                    <p>
                        {has_phone.then(|| view! { "Điện thoại: " <a href=tel>{s.phone}</a> })}
                        {(has_phone && has_mail).then_some(" · ")}
                        {has_mail.then(|| view! { "Email: " <a href=mail>{s.email}</a> })}
                    </p>
                });
                // A link without words would say nothing.
                let pages = s.pages.into_iter().filter(|p| !p.title.trim().is_empty()).map(|p| {
                    let lang = language_tag(&p.lang).map(str::to_owned);
                    view! { <li><a href=page_href(&p.slug) lang=lang>{p.title}</a></li> }
                }).collect::<Vec<_>>();
                view! {
                    <p class="footer-office">{s.office}</p>
                    {line("Trưởng ban biên tập: ", s.editor_in_chief)}
                    {line("Phó trưởng ban biên tập: ", s.deputy_editor)}
                    {line("Địa chỉ: ", s.address)}
                    {contact}
                    {(!pages.is_empty()).then(|| view! { <ul class="footer-pages">{pages}</ul> })}
                }
            })}
        </footer>
    }
}
