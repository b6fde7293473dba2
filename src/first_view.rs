//! The first view a backend may put in the page (the reference backend does,
//! see `server/src/first_view.rs`): the page as plain HTML, on screen while
//! the wasm loads. When the app is mounted it takes over at once: the header
//! and the blocks become the app's, and the first view's text stands in for
//! the grey placeholder of the main column until the app has the page's data,
//! so a slow answer never takes away text already on screen.

use leptos::prelude::document;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

const ID: &str = "ntm-first-view";
/// The first view's text, moved into the app's main column.
const TEXT_ID: &str = "ntm-first-text";
const LOADING: &str = "#noi-dung [aria-busy=\"true\"]";

/// Drops a first view written for another address: the service worker may
/// answer an address it has not kept with the page of another.
pub fn drop_if_elsewhere() {
    let Some(view) = document().get_element_by_id(ID) else {
        return;
    };
    let here = leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default();
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
        match loading {
            Some(placeholder) => {
                let _ = adopt_text(&view, &placeholder, &main);
                view.remove();
                return false;
            }
            None => {
                let shown = main.query_selector("h1").ok().flatten().is_some();
                if shown {
                    view.remove();
                }
                return shown;
            }
        }
    }
    if loading.is_some() {
        return false;
    }
    if let Some(text) = doc.get_element_by_id(TEXT_ID) {
        text.remove();
    }
    true
}

/// Moves the first view's main column, less a heading the app already shows,
/// to the end of the app's, and hides the placeholder it stands in for.
fn adopt_text(view: &Element, placeholder: &Element, main: &Element) -> Result<(), JsValue> {
    let doc = document();
    let source = view.query_selector("main")?.ok_or(JsValue::NULL)?;
    let text = doc.create_element("div")?;
    text.set_id(TEXT_ID);
    while let Some(child) = source.first_element_child() {
        let shown_by_app = child.tag_name() == "H1" && main.query_selector("h1")?.is_some();
        if shown_by_app {
            child.remove();
        } else {
            text.append_child(&child)?;
        }
    }
    main.append_child(&text)?;
    placeholder.class_list().add_1("behind-first-view")
}
