//! Three text sizes, remembered in the browser for the next visit. The inline
//! script in index.html applies the remembered one before the first paint.

use leptos::prelude::*;
use ntm_views::header::text_size_buttons;

const KEY: &str = "ntm-text-size";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Sets the size on `<html>` (the stylesheet scales everything from it).
fn apply(size: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-text-size", size);
    }
}

#[component]
pub fn TextSize() -> impl IntoView {
    let current = RwSignal::new(
        document()
            .document_element()
            .and_then(|r| r.get_attribute("data-text-size"))
            .unwrap_or_else(|| "vua".to_owned()),
    );
    let on_choose = move |id: &'static str| {
        apply(id);
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, id);
        }
        current.set(id.to_owned());
    };
    text_size_buttons(current, on_choose)
}
