//! The first view a backend may put in the page (the reference backend does,
//! see `server/src/first_view.rs`): the page as plain HTML, on screen while
//! the wasm loads. When the app is mounted it takes over at once: the header
//! and the blocks become the app's, and the first view's text stands in for
//! the grey placeholder of the main column until the app has the page's data,
//! so a slow answer never takes away text already on screen.

use leptos::prelude::document;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, MutationObserver, MutationObserverInit};

const ID: &str = "ntm-first-view";
/// The first view's text, moved into the app's main column.
const TEXT_ID: &str = "ntm-first-text";
const LOADING: &str = "#noi-dung [aria-busy=\"true\"]";

/// Drops a first view written for another address (path and query): the
/// service worker may answer an address it has not kept with the page of
/// another.
pub fn drop_if_elsewhere() {
    let Some(view) = document().get_element_by_id(ID) else {
        return;
    };
    let location = leptos::prelude::window().location();
    let here = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if view.get_attribute("data-path").as_deref() != Some(here.as_str()) {
        view.remove();
    }
}

/// Once the app is mounted. While the first view is there the stylesheet
/// keeps the app out of sight; as soon as the main column shows its
/// placeholder, the first view's text takes the placeholder's place and the
/// rest of the first view goes; once nothing in the main column is loading,
/// the text goes too. The observer's callback runs right after the app changes
/// the page, before it is painted, so no frame shows an empty page or the text
/// twice.
pub fn hand_over() {
    let doc = document();
    if doc.get_element_by_id(ID).is_none() || step() {
        return;
    }
    let Some(main) = doc.get_element_by_id("noi-dung") else {
        // Not this app's page: nothing to stand in for.
        if let Some(view) = doc.get_element_by_id(ID) {
            view.remove();
        }
        return;
    };
    let on_change =
        Closure::<dyn FnMut(JsValue, MutationObserver)>::new(|_, observer: MutationObserver| {
            if step() {
                observer.disconnect();
            }
        });
    if let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&main, &options);
    }
    // One per page load, alive as long as the observer may call it.
    on_change.forget();
}

/// One step of the hand-over; true when it is complete.
fn step() -> bool {
    let doc = document();
    let Some(main) = doc.get_element_by_id("noi-dung") else {
        return false;
    };
    let loading = doc.query_selector(LOADING).ok().flatten();
    if let Some(view) = doc.get_element_by_id(ID) {
        // The page's data is on screen (the backend says what shows it), or
        // the app says why it is not.
        let ready = view.get_attribute("data-ready");
        let ready = format!("{}, .error-box", ready.as_deref().unwrap_or("h1"));
        let shown = loading.is_none() && main.query_selector(&ready).ok().flatten().is_some();
        if loading.is_none() && !shown {
            return false;
        }
        // Taken before anything moves: moving a node loses its focus.
        let started = Started::take(&view);
        if let Some(placeholder) = loading {
            let _ = adopt_text(&view, &placeholder, &main);
        }
        view.remove();
        started.pass_on();
        return shown;
    }
    if loading.is_some() {
        return false;
    }
    if let Some(text) = doc.get_element_by_id(TEXT_ID) {
        text.remove();
    }
    true
}

/// What a reader had started in the first view: words typed in its search
/// box, and where the keyboard focus was.
struct Started {
    typed: Option<String>,
    focused: Option<Element>,
}

impl Started {
    fn take(view: &Element) -> Started {
        let typed = view
            .query_selector("input[name=q]")
            .ok()
            .flatten()
            .map(|i| i.unchecked_into::<HtmlInputElement>().value())
            .filter(|v| !v.is_empty());
        let focused = document()
            .active_element()
            .filter(|a| view.contains(Some(a)));
        Started { typed, focused }
    }

    /// Carries both over to the app's counterparts.
    fn pass_on(self) {
        let doc = document();
        if let (Some(typed), Some(input)) = (self.typed, doc.get_element_by_id("search-q")) {
            input.unchecked_into::<HtmlInputElement>().set_value(&typed);
        }
        let Some(old) = self.focused else {
            return;
        };
        let class = |c: &str| old.class_list().contains(c);
        let counterpart = if old.is_connected() {
            // Moved into the app with the text.
            Some(old.clone())
        } else if class("skip-link") {
            doc.query_selector(".skip-link").ok().flatten()
        } else if class("menu-toggle") {
            doc.query_selector(".menu-toggle").ok().flatten()
        } else if old.tag_name() == "INPUT" {
            doc.get_element_by_id("search-q")
        } else {
            old.get_attribute("href").and_then(|href| link_to(&href))
        };
        if let Some(el) = counterpart {
            let _ = el.unchecked_into::<HtmlElement>().focus();
        }
    }
}

/// The page's first link to `href`.
fn link_to(href: &str) -> Option<Element> {
    let links = document().links();
    (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|a| a.get_attribute("href").as_deref() == Some(href))
}

/// Moves the first view's main column, less what the app already shows (a
/// heading, a breadcrumb, and parts that wait for the app, marked `inert`, such
/// as a search form), to the end of the app's, and hides the placeholder it stands in for.
fn adopt_text(view: &Element, placeholder: &Element, main: &Element) -> Result<(), JsValue> {
    let doc = document();
    let source = view.query_selector("main")?.ok_or(JsValue::NULL)?;
    let text = doc.create_element("div")?;
    text.set_id(TEXT_ID);
    while let Some(child) = source.first_element_child() {
        let shown_by_app = child.has_attribute("inert")
            || (child.tag_name() == "H1" && main.query_selector("h1")?.is_some())
            || (child.class_list().contains("breadcrumb")
                && main.query_selector(".breadcrumb")?.is_some());
        if shown_by_app {
            child.remove();
        } else {
            text.append_child(&child)?;
        }
    }
    main.append_child(&text)?;
    placeholder.class_list().add_1("behind-first-view")
}
