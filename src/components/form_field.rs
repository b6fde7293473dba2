//! A labelled text input, as the sign-in and registration forms use them.

use leptos::prelude::*;

#[component]
pub fn Field(
    label: &'static str,
    /// The input's name and id.
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    /// The browser's autofill hint (`email`, `current-password`, …).
    autocomplete: &'static str,
) -> impl IntoView {
    view! {
        <div class="form-field">
            <label for=name>{label}</label>
            <input id=name name=name type=kind autocomplete=autocomplete required/>
        </div>
    }
}

/// The value of field `name` of the submitted form.
pub fn form_value(e: &leptos::ev::SubmitEvent, name: &str) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
        .and_then(|d| d.get(name).as_string())
        .unwrap_or_default()
}
