//! The frame of one sidebar block: a section named by its heading.

use leptos::prelude::*;

/// A titled block of the sidebar.
#[component]
pub fn Block(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="block" aria-labelledby=id>
            <h2 class="block-title" id=id>{title}</h2>
            {children()}
        </section>
    }
}
