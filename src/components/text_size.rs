//! Three text sizes, remembered in the browser for the next visit. The inline
//! script in index.html applies the remembered one before the first paint.

use leptos::prelude::*;

const KEY: &str = "ntm-text-size";
const SIZES: [(&str, &str, &str); 3] = [
    ("nho", "A−", "Chữ nhỏ"),
    ("vua", "A", "Chữ vừa"),
    ("lon", "A+", "Chữ lớn"),
];

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
    view! {
        <div class="text-size" role="group" aria-label="Cỡ chữ">
            {SIZES
                .iter()
                .map(|&(id, mark, name)| view! {
                    <button
                        type="button"
                        class="text-size-button"
                        aria-pressed=move || (current.get() == id).to_string()
                        title=name
                        on:click=move |_| {
                            apply(id);
                            if let Some(s) = storage() {
                                let _ = s.set_item(KEY, id);
                            }
                            current.set(id.to_owned());
                        }
                    >
                        <span aria-hidden="true">{mark}</span>
                        <span class="visually-hidden">{name}</span>
                    </button>
                })
                .collect_view()}
        </div>
    }
}
