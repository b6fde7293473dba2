//! A page that is not news (the office in English): its title, summary and
//! body, in its own language within the site's frame.

use leptos::prelude::*;
use ntm_types::page::language_tag;
use ntm_types::Page;

/// The page, marked with its language so screen readers and translators
/// switch to it; the frame around it stays in the site's language.
#[component]
pub fn PageView<B: IntoView + 'static>(
    page: Page,
    /// The body, cleaned by whoever renders it (`class="article-body"`).
    body: B,
) -> impl IntoView {
    let lang = language_tag(&page.lang).map(str::to_owned);
    let description = page.description;
    view! {
        <article class="article" lang=lang>
            <h1 class="article-title">{page.title}</h1>
            {(!description.trim().is_empty()).then(|| view! { <p class="article-lead">{description}</p> })}
            {body}
        </article>
    }
}
