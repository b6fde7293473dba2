use crate::sanitize::checked_url;
use leptos::prelude::*;
use ntm_types::datetime::{format_datetime, format_iso};
use ntm_types::page::source_line;
use ntm_types::Article;

use super::article_list::{category_href, NeighbourList};
use super::breadcrumb::Breadcrumb;
use super::html_body::HtmlBody;
use super::star_rating::StarRating;

/// A whole article: breadcrumb, title, date line, lead, photo, body, credits,
/// tags and the neighbouring articles of its category.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let Article {
        slug,
        title,
        category,
        published_at,
        lead,
        image,
        body_html,
        author,
        source,
        tags,
        rating,
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
                <button type="button" class="print-button" on:click=|_| { let _ = window().print(); }>
                    "In bài viết"
                </button>
            </div>
            <p class="article-lead">{lead}</p>
            {image.map(|img| view! {
                <figure class="article-photo">
                    <img src=checked_url("src", img.src) alt=img.alt.clone() width=img.width height=img.height
                        fetchpriority="high"/>
                    <figcaption>{img.alt}</figcaption>
                </figure>
            })}
            <HtmlBody html=body_html class="article-body"/>
            {source_line(&author, &source).map(|s| view! { <p class="article-source">{s}</p> })}
            {(!tags.is_empty()).then(|| view! {
                <p class="article-tags">
                    <span>"Từ khóa: "</span>
                    {tags.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view()}
                </p>
            })}
            <p class="print-only">"Địa chỉ bài viết: " {window().location().href().unwrap_or_default()}</p>
            <StarRating slug initial=rating/>
        </article>
        <NeighbourList title="Những tin mới hơn" items=newer/>
        <NeighbourList title="Những tin cũ hơn" items=older/>
    }
}
