//! The frame around every page: header with the menu, search and text size,
//! and the footer; all of it from the backend's site information.

use leptos::ev;
use leptos::html::{Button, Ul};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use ntm_types::{MenuItem, SiteInfo};
use ntm_views::checked_url;
use ntm_views::links::is_current;

use super::loaded::{ErrorMessage, SlowNotice};
use super::member::MemberMenu;
use super::text_size::TextSize;
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
    view! {
        <header class="site-header">
            <div class="banner">
                <a href="/" class="site-name">
                    <span class="site-kicker">
                        {shown(|s| s.office.clone(), text_before_site(".site-kicker", "ntm-site-office"))}
                    </span>
                    <span class="site-title">
                        {shown(|s| s.name.clone(), text_before_site(".site-title", "ntm-site-name"))}
                    </span>
                </a>
                <div class="header-tools">
                    <MemberMenu/>
                    <SearchBox/>
                    <TextSize/>
                </div>
            </div>
            <MainMenu/>
            <SiteFailure/>
        </header>
    }
}

/// The search box of the header: goes to `/tim-kiem?q=…`.
#[component]
fn SearchBox() -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    view! {
        <form
            class="search-box"
            role="search"
            aria-label="Tìm kiếm bài viết"
            on:submit=move |e: ev::SubmitEvent| {
                e.prevent_default();
                let q = input.get().map(|i| i.value()).unwrap_or_default();
                let q = q.trim();
                if !q.is_empty() {
                    let encoded = String::from(js_sys::encode_uri_component(q));
                    navigate(&format!("/tim-kiem?q={encoded}"), Default::default());
                }
            }
        >
            <label for="search-q" class="visually-hidden">"Từ khóa tìm kiếm"</label>
            <input id="search-q" type="search" name="q" node_ref=input placeholder="Tìm bài viết…" maxlength="200"/>
            <button type="submit" class="button">"Tìm"</button>
        </form>
    }
}

/// The main menu: a row on wide screens (submenus open on their button), and
/// behind a menu button on phones. Escape closes what is open and puts focus
/// back on the button that opened it.
#[component]
fn MainMenu() -> impl IntoView {
    let site = use_site();
    // Open at start when the first view's menu link (to #danh-muc) opened it.
    let open = RwSignal::new(window().location().hash().is_ok_and(|h| h == "#danh-muc"));
    let toggle = NodeRef::<Button>::new();
    // Moving to another page closes the phone menu.
    let path = use_location().pathname;
    Effect::new(move |before: Option<String>| {
        let now = path.get();
        if before.is_some_and(|b| b != now) {
            open.set(false);
        }
        now
    });
    let on_keydown = move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = toggle.get() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <nav class="main-menu" aria-label="Menu chính" on:keydown=on_keydown>
            <button
                type="button"
                class="menu-toggle"
                node_ref=toggle
                aria-expanded=move || open.get().to_string()
                aria-controls="menu-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">"☰ "</span>
                "Danh mục"
            </button>
            <ul id="menu-list" class="menu-list" class:open=move || open.get()>
                {move || {
                    site.with(|s| s.as_ref().map(|s| s.menu.clone()).unwrap_or_default())
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| menu_entry(item, format!("submenu-{i}"), path))
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// One entry of the menu, at any depth; with children, a button opens its
/// submenu (`id` names it), whose entries may open submenus of their own. The
/// link to the page at `path` is marked as the first view marks it.
fn menu_entry(item: MenuItem, id: String, path: Memo<String>) -> AnyView {
    let MenuItem {
        label,
        href,
        children,
    } = item;
    let href = checked_url("href", href);
    let current = {
        let href = href.clone();
        move || is_current(&href, &path.get()).then_some("page")
    };
    if children.is_empty() {
        return view! { <li><a href=href aria-current=current>{label}</a></li> }.into_any();
    }
    let open = RwSignal::new(false);
    // A submenu that would run past the window's right edge opens leftwards.
    let leftwards = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let list = NodeRef::<Ul>::new();
    let toggle_name = format!("Mở mục con của {label}");
    let on_keydown = move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            // This submenu closes; the menus around it stay open.
            e.stop_propagation();
            open.set(false);
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
    };
    let on_toggle = move |_| {
        open.update(|o| *o = !*o);
        if open.get_untracked() {
            request_animation_frame(move || {
                let width = document()
                    .document_element()
                    .map_or(0, |d| d.client_width());
                if let Some(ul) = list.get() {
                    if ul.get_bounding_client_rect().right() > f64::from(width) {
                        leftwards.set(true);
                    }
                }
            });
        }
    };
    let entries = children
        .into_iter()
        .enumerate()
        .map(|(i, c)| menu_entry(c, format!("{id}-{i}"), path))
        .collect_view();
    view! {
        <li class="has-submenu" on:keydown=on_keydown>
            <a href=href aria-current=current>{label}</a>
            <button
                type="button"
                class="submenu-toggle"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=on_toggle
            >
                <span class="visually-hidden">{toggle_name}</span>
                <span aria-hidden="true">"▾"</span>
            </button>
            <ul id=id class="submenu" node_ref=list class:open=move || open.get()
                class:leftwards=move || leftwards.get()>
                {entries}
            </ul>
        </li>
    }
    .into_any()
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
                view! {
                    <p class="footer-office">{s.office}</p>
                    {line("Trưởng ban biên tập: ", s.editor_in_chief)}
                    {line("Phó trưởng ban biên tập: ", s.deputy_editor)}
                    {line("Địa chỉ: ", s.address)}
                    {contact}
                }
            })}
        </footer>
    }
}
