//! The frame around every page: header with the menu, search and text size,
//! and the footer; all of it from the backend's site information.

use crate::sanitize::checked_url;
use leptos::ev;
use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use ntm_types::{MenuItem, SiteInfo};

use super::loaded::{ErrorMessage, SlowNotice};
use super::member::MemberMenu;
use super::text_size::TextSize;
use crate::api::{self, ApiResult, Endpoint, JsonResource};
use crate::meta::SITE_NAME;

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
    let info = Memo::new(move |_| fetched.get().map(|r| r.and_then(api::decode::<SiteInfo>)));
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

#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <header class="site-header">
            <div class="banner">
                <a href="/" class="site-name">
                    <span class="site-kicker">"Văn phòng Điều phối Chương trình MTQG"</span>
                    <span class="site-title">
                        {move || site.with(|s| s.as_ref().map_or(SITE_NAME.to_owned(), |s| s.name.clone()))}
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
                        .map(|(i, item)| view! { <MenuEntry item index=i/> })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// One entry of the menu; with children, a button opens its submenu.
#[component]
fn MenuEntry(item: MenuItem, index: usize) -> impl IntoView {
    let MenuItem {
        label,
        href,
        children,
    } = item;
    let href = checked_url("href", href);
    if children.is_empty() {
        return view! { <li><A href=href exact=true>{label}</A></li> }.into_any();
    }
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let sub_id = format!("submenu-{index}");
    let toggle_name = format!("Mở mục con của {label}");
    let on_keydown = move |e: ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            // This submenu closes; the phone menu around it stays open.
            e.stop_propagation();
            open.set(false);
            if let Some(b) = button.get() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <li class="has-submenu" on:keydown=on_keydown>
            <A href=href>{label}</A>
            <button
                type="button"
                class="submenu-toggle"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls=sub_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">{toggle_name}</span>
                <span aria-hidden="true">"▾"</span>
            </button>
            <ul id=sub_id class="submenu" class:open=move || open.get()>
                {children
                    .into_iter()
                    .map(|c| view! { <li><A href=checked_url("href", c.href) exact=true>{c.label}</A></li> })
                    .collect_view()}
            </ul>
        </li>
    }
    .into_any()
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            {move || site.get().map(|s| {
                let tel = format!("tel:{}", s.phone.chars().filter(char::is_ascii_digit).collect::<String>());
                let mail = format!("mailto:{}", s.email);
                view! {
                    <p class="footer-office">{s.office}</p>
                    <p>"Trưởng ban biên tập: " {s.editor_in_chief}</p>
                    <p>"Phó trưởng ban biên tập: " {s.deputy_editor}</p>
                    <p>"Địa chỉ: " {s.address}</p>
                    <p>
                        "Điện thoại: " <a href=tel>{s.phone}</a>
                        " · Email: " <a href=mail>{s.email}</a>
                    </p>
                }
            })}
        </footer>
    }
}
