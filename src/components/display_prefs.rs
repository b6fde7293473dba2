//! How the reader wants the page shown: the text size and high contrast,
//! remembered in the browser for the next visit. The inline script in
//! index.html applies what is remembered before the first paint.

use leptos::prelude::*;
use ntm_views::header::{contrast_button, text_size_buttons};

/// Sets `attribute` on `<html>` (the stylesheet follows it) and remembers it
/// under `key`; `None` removes both.
fn remember(key: &str, attribute: &str, value: Option<&str>) {
    let (Some(root), storage) = (
        document().document_element(),
        window().local_storage().ok().flatten(),
    ) else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(attribute, v),
        None => root.remove_attribute(attribute),
    };
    if let Some(s) = storage {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

fn current(attribute: &str) -> Option<String> {
    document().document_element()?.get_attribute(attribute)
}

/// Three text sizes; everything is sized in rem from `<html>`.
#[component]
pub fn TextSize() -> impl IntoView {
    let size = RwSignal::new(current("data-text-size").unwrap_or_else(|| "vua".to_owned()));
    let on_choose = move |id: &'static str| {
        remember("ntm-text-size", "data-text-size", Some(id));
        size.set(id.to_owned());
    };
    text_size_buttons(size, on_choose)
}

/// High contrast: text at 7:1 or more, as the system's "more contrast" gives.
#[component]
pub fn Contrast() -> impl IntoView {
    let on = RwSignal::new(current("data-contrast").is_some());
    let on_toggle = move |now: bool| {
        remember("ntm-contrast", "data-contrast", now.then_some("cao"));
        on.set(now);
    };
    contrast_button(on, on_toggle)
}
