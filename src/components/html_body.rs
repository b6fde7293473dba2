use leptos::html::Div;
use leptos::prelude::*;

use crate::sanitize::sanitize;

/// Untrusted HTML from the backend, cleaned (`crate::sanitize`) and inserted as
/// nodes. Never `inner_html`: that would skip the cleaning.
#[component]
pub fn HtmlBody(html: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let holder = NodeRef::<Div>::new();
    holder.on_load(move |div| {
        let _ = div.append_child(&sanitize(&html));
    });
    view! { <div class=class node_ref=holder></div> }
}
