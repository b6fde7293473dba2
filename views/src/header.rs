//! The header every page shows: the site's name, the member links, the search
//! box, the text sizes and the menu. The app fills it with live parts; the
//! backend's first view renders the same views, where the stylesheet keeps the
//! room of controls that need the app, unseen, and the menu and the reading
//! tools open through a link to themselves (`:target`) instead of a button.

use leptos::ev;
use leptos::html::{Button, Input};
use leptos::prelude::*;
use ntm_types::MenuItem;

use crate::checked_url;
use crate::links::is_current;

/// The header's frame: the site's name (`office` above `name`), `tools` beside
/// it, and `menu` under it. Parts are typed views rather than children: boxed
/// children cost the wasm more.
pub fn header_frame(
    office: impl IntoView + 'static,
    name: impl IntoView + 'static,
    tools: impl IntoView + 'static,
    menu: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="banner">
                <a href="/" class="site-name">
                    <span class="site-kicker">{office}</span>
                    <span class="site-title">{name}</span>
                </a>
                <div class="header-tools">{tools}</div>
            </div>
            {menu}
        </header>
    }
}

/// The member links: `member` (who is signed in, or [`signed_out_links`]), and
/// `notice`, which a screen reader reads out when it changes.
pub fn member_menu(
    member: impl IntoView + 'static,
    notice: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="member-menu">
            {member}
            <p class="member-notice" role="alert">{notice}</p>
        </div>
    }
}

/// The search box and the text sizes (`tools`): beside the member links on
/// wide screens; on phones in a panel behind `toggle`, so the page starts
/// higher. The app's toggle is [`tools_button`]; the first view's is
/// [`tools_link`], a link to its panel ([`FIRST_VIEW_TOOLS`]) that opens it by
/// `:target`.
pub fn reading_tools(
    (toggle, toggle_ref): (impl IntoView + 'static, NodeRef<Button>),
    id: &'static str,
    open: RwSignal<bool>,
    tools: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        {toggle}
        <div
            id=id
            class="tools-panel"
            class:open=move || open.get()
            on:keydown=closes_on_escape(open, toggle_ref)
        >
            {tools}
        </div>
    }
}

/// Escape closes what `open` opened and puts focus back on its `toggle`.
fn closes_on_escape(open: RwSignal<bool>, toggle: NodeRef<Button>) -> impl Fn(ev::KeyboardEvent) {
    move |e| {
        if e.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = toggle.get() {
                let _ = b.focus();
            }
        }
    }
}

/// The app's toggle of the panel `controls`.
pub fn tools_button(
    open: RwSignal<bool>,
    controls: &'static str,
    node: NodeRef<Button>,
) -> impl IntoView {
    toggle_button("tools-toggle", controls, open, node, tools_label())
}

/// A button that opens and closes `controls` (`open`), the menu's or the
/// reading tools'.
fn toggle_button(
    class: &'static str,
    controls: &'static str,
    open: RwSignal<bool>,
    node: NodeRef<Button>,
    label: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            node_ref=node
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {label}
        </button>
    }
}

/// The id of the first view's reading tools panel (the app's is its own: the
/// two stand side by side for a moment).
pub const FIRST_VIEW_TOOLS: &str = "cong-cu";

/// The first view's toggle: a link to its panel.
pub fn tools_link() -> impl IntoView {
    view! { <a class="tools-toggle" href=format!("#{FIRST_VIEW_TOOLS}")>{tools_label()}</a> }
}

fn tools_label() -> impl IntoView {
    "Tìm · Cỡ chữ"
}

/// What the member links are for a reader who is not signed in.
pub fn signed_out_links() -> impl IntoView {
    view! {
        <a href="/dang-nhap">"Đăng nhập"</a>
        <a href="/dang-ky">"Đăng ký"</a>
    }
}

/// The search box: the app sends it through its router (`on_submit`); the
/// first view makes it a plain form to `/tim-kiem?q=…` (`marks`, an
/// `action`), which works without script. `input_id` differs between the
/// first view and the app, which stand side by side for a moment.
pub fn search_box(
    input_id: &'static str,
    input_ref: NodeRef<Input>,
    on_submit: impl FnMut(ev::SubmitEvent) + 'static,
    marks: impl leptos::attr::Attribute,
) -> impl IntoView {
    view! {
        <form class="search-box" role="search" aria-label="Tìm kiếm bài viết" {..marks} on:submit=on_submit>
            <label for=input_id class="visually-hidden">"Từ khóa tìm kiếm"</label>
            <input id=input_id type="search" name="q" node_ref=input_ref placeholder="Tìm bài viết…" maxlength="200"/>
            <button type="submit" class="button">"Tìm"</button>
        </form>
    }
}

/// The three text sizes: (name kept in the browser, mark, what it is called).
pub const TEXT_SIZES: [(&str, &str, &str); 3] = [
    ("nho", "A−", "Chữ nhỏ"),
    ("vua", "A", "Chữ vừa"),
    ("lon", "A+", "Chữ lớn"),
];

/// The text-size buttons; `current` is pressed, `on_choose` gets the name of
/// the one chosen.
pub fn text_size_buttons(
    current: RwSignal<String>,
    on_choose: impl Fn(&'static str) + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="text-size" role="group" aria-label="Cỡ chữ">
            {TEXT_SIZES
                .iter()
                .map(|&(id, mark, name)| view! {
                    <button
                        type="button"
                        class="text-size-button"
                        aria-pressed=move || (current.get() == id).to_string()
                        title=name
                        on:click=move |_| on_choose(id)
                    >
                        <span aria-hidden="true">{mark}</span>
                        <span class="visually-hidden">{name}</span>
                    </button>
                })
                .collect_view()}
        </div>
    }
}

/// The high-contrast switch beside the text sizes: pressed while `on`;
/// `on_toggle` gets the new state.
pub fn contrast_button(on: RwSignal<bool>, on_toggle: impl Fn(bool) + 'static) -> impl IntoView {
    view! {
        <button
            type="button"
            class="text-size-button contrast-button"
            aria-pressed=move || on.get().to_string()
            title="Tương phản cao"
            on:click=move |_| on_toggle(!on.get_untracked())
        >
            <span aria-hidden="true">"◐"</span>
            <span class="visually-hidden">"Tương phản cao"</span>
        </button>
    }
}

/// The main menu of the `items`: a row on wide screens (submenus open on their
/// button), and behind a menu button on phones (`open`). Escape closes what is
/// open and puts focus back on the button that opened it. The link to the
/// page at `path` is marked `aria-current`.
pub fn main_menu(
    items: impl Fn() -> Vec<MenuItem> + Send + Sync + 'static,
    path: Memo<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let toggle = NodeRef::<Button>::new();
    let button = toggle_button("menu-toggle", "menu-list", open, toggle, toggle_label());
    menu(
        items,
        path,
        open,
        (button, toggle),
        ("menu-list", "submenu"),
    )
}

/// The main menu as the first view shows it: without script, a link to the
/// list opens it on phones (`:target`). Its ids are its own: the app's menu
/// stands beside it for a moment.
pub fn main_menu_without_script(items: Vec<MenuItem>, path: Memo<String>) -> impl IntoView {
    let link = view! { <a class="menu-toggle" href="#danh-muc">{toggle_label()}</a> };
    let items = move || items.clone();
    let open = RwSignal::new(false);
    menu(
        items,
        path,
        open,
        (link, NodeRef::new()),
        ("danh-muc", "fv-submenu"),
    )
}

fn toggle_label() -> impl IntoView {
    view! { <span aria-hidden="true">"☰ "</span> "Danh mục" }
}

/// The menu with its `toggle` (and the button to focus on Escape), the list
/// and its submenus named by `ids`.
fn menu(
    items: impl Fn() -> Vec<MenuItem> + Send + Sync + 'static,
    path: Memo<String>,
    open: RwSignal<bool>,
    (toggle, toggle_ref): (impl IntoView, NodeRef<Button>),
    (list_id, submenu_id): (&'static str, &'static str),
) -> impl IntoView {
    view! {
        <nav class="main-menu" aria-label="Menu chính" on:keydown=closes_on_escape(open, toggle_ref)>
            {toggle}
            <ul id=list_id class="menu-list" class:open=move || open.get()>
                {move || {
                    items()
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| menu_entry(item, format!("{submenu_id}-{i}"), path))
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// One entry of the menu, at any depth; with children, a button opens its
/// submenu (`id` names it), whose entries may open submenus of their own.
fn menu_entry(item: MenuItem, id: String, path: Memo<String>) -> AnyView {
    let MenuItem {
        label,
        href,
        children,
    } = item;
    let href = checked_url("href", href);
    let current = {
        let href = href.clone();
        move || path.with(|p| is_current(&href, p)).then_some("page")
    };
    if children.is_empty() {
        return view! { <li><a href=href aria-current=current>{label}</a></li> }.into_any();
    }
    let open = RwSignal::new(false);
    // A submenu that would run past the window's right edge opens leftwards.
    let leftwards = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    // The list is found by its id: a node reference of its kind would be one
    // more kind compiled into the wasm.
    let list_id = id.clone();
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
            let list_id = list_id.clone();
            request_animation_frame(move || {
                let width = document()
                    .document_element()
                    .map_or(0, |d| d.client_width());
                if let Some(ul) = document().get_element_by_id(&list_id) {
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
            <ul id=id class="submenu" class:open=move || open.get()
                class:leftwards=move || leftwards.get()>
                {entries}
            </ul>
        </li>
    }
    .into_any()
}
