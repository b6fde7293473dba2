use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

fn focus_main() {
    if let Some(main) = document().get_element_by_id("noi-dung") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// "Chuyển đến nội dung chính": the first stop of the keyboard. It moves focus
/// itself, since the router would take the `#` link for a navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#noi-dung"
            on:click=|e| {
                e.prevent_default();
                focus_main();
            }
        >
            "Chuyển đến nội dung chính"
        </a>
    }
}

/// After a move to another page inside the app, focus goes to the main content,
/// as after a full page load: screen readers start reading the new page there,
/// and keyboard users need not tab through the header again. Renders nothing.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let path = use_location().pathname;
    // The effect's previous run is `None` only on the first page.
    Effect::new(move |before: Option<()>| {
        path.track();
        if before.is_some() {
            focus_main();
        }
    });
}
