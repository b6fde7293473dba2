//! Starts fetching an article when the reader points at, touches or focuses a
//! link to it: by the time the click lands, the answer is often already here
//! (kept by `crate::api`).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{self, Endpoint};

/// The article a link under `target` leads to.
fn article_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let link = element.closest(r#"a[href^="/tin-tuc/"]"#).ok()??;
    let href = link.get_attribute("href")?;
    let slug = href.strip_prefix("/tin-tuc/")?;
    if slug.is_empty() || slug.contains(['/', '?', '#']) {
        return None;
    }
    // As the router reads it from the address: decoded.
    js_sys::decode_uri_component(slug).ok().map(String::from)
}

fn prefetch(target: Option<web_sys::EventTarget>) {
    if let Some(slug) = article_of(target) {
        api::prefetch(Endpoint::Article(slug));
    }
}

/// Listens on the whole page; renders nothing.
#[component]
pub fn LinkPrefetch() -> impl IntoView {
    let listeners = [
        window_event_listener(ev::pointerover, |e| prefetch(e.target())),
        window_event_listener(ev::touchstart, |e| prefetch(e.target())),
        window_event_listener(ev::focusin, |e| prefetch(e.target())),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
}
