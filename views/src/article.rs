use leptos::prelude::*;
use ntm_types::datetime::{format_datetime, format_iso};
use ntm_types::page::source_line;
use ntm_types::Article;

use crate::breadcrumb::Breadcrumb;
use crate::checked_url;
use crate::links::category_href;
use crate::news::NeighbourList;

/// A whole article: breadcrumb, title, date line, lead, photo, body, credits,
/// tags and the neighbouring articles of its category.
#[component]
pub fn ArticleView<B: IntoView + 'static, T: IntoView + 'static, P: IntoView + 'static>(
    article: Article,
    /// The body, cleaned by whoever renders it (`class="article-body"`).
    body: B,
    /// What only the app shows beside the print button (listening).
    tools: T,
    /// What only the app shows at the article's end (the address for print,
    /// sharing, the rating).
    app_parts: P,
) -> impl IntoView {
    let Article {
        title,
        category,
        published_at,
        lead,
        image,
        author,
        source,
        tags,
        newer,
        older,
        ..
    } = article;
    view! {
        <article class="article">
            <Breadcrumb items=vec![(category.name, category_href(&category.slug))]/>
            <h1 class="article-title">{title}</h1>
            <div class="article-meta">
                <p class="article-date">
                    <time datetime=format_iso(published_at)>{format_datetime(published_at)}</time>
                </p>
                <button type="button" class="tool-button print-button"
                    on:click=|_| { let _ = window().print(); }>
                    "In bài viết"
                </button>
                {tools}
            </div>
            <p class="article-lead">{lead}</p>
            {image.map(|img| view! {
                <figure class="article-photo">
                    <img src=checked_url("src", img.src) alt=img.alt.clone() width=img.width height=img.height
                        fetchpriority="high"/>
                    <figcaption>{img.alt}</figcaption>
                </figure>
            })}
            {body}
            {source_line(&author, &source).map(|s| view! { <p class="article-source">{s}</p> })}
            {(!tags.is_empty()).then(|| view! {
                <p class="article-tags">
                    <span>"Từ khóa: "</span>
                    {tags.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view()}
                </p>
            })}
            {app_parts}
        </article>
        <NeighbourList title="Những tin mới hơn" items=newer/>
        <NeighbourList title="Những tin cũ hơn" items=older/>
    }
}
