use crate::sanitize::checked_url;
use leptos::prelude::*;
use ntm_types::datetime::{format_date, format_iso};
use ntm_types::{ArticleLink, ArticleSummary};

/// `slug` as one segment of a path: a backend's slug may hold any character.
pub fn segment(slug: &str) -> String {
    String::from(js_sys::encode_uri_component(slug))
}

/// Where an article lives in the front end.
pub fn article_href(slug: &str) -> String {
    format!("/tin-tuc/{}", segment(slug))
}

/// Where a category's list lives in the front end.
pub fn category_href(slug: &str) -> String {
    format!("/chuyen-muc/{}", segment(slug))
}

/// A news list: photo, title, category, date and lead of each article.
#[component]
pub fn ArticleList(
    items: Vec<ArticleSummary>,
    /// Show each item's category (on lists that mix categories).
    #[prop(optional)]
    show_category: bool,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">"Chưa có bài viết nào."</p> }.into_any();
    }
    view! {
        <ul class="news-list">
            {items
                .into_iter()
                .map(|a| {
                    let href = article_href(&a.slug);
                    view! {
                        <li class="news-item">
                            {a.image.map(|img| view! {
                                <img class="news-thumb" src=checked_url("src", img.src) alt="" width=img.width
                                    height=img.height loading="lazy" decoding="async"/>
                            })}
                            <div class="news-text">
                                <h2 class="news-title"><a href=href>{a.title}</a></h2>
                                <p class="news-meta">
                                    {show_category.then(|| view! {
                                        <a href=category_href(&a.category.slug)>{a.category.name}</a>
                                        " · "
                                    })}
                                    <time datetime=format_iso(a.published_at)>{format_date(a.published_at)}</time>
                                </p>
                                <p class="news-lead">{a.lead}</p>
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// "Những tin mới hơn" / "Những tin cũ hơn": titles with their dates.
#[component]
pub fn NeighbourList(title: &'static str, items: Vec<ArticleLink>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <section class="neighbours" aria-label=title>
                <h2>{title}</h2>
                <ul>
                    {items
                        .into_iter()
                        .map(|l| view! {
                            <li>
                                <a href=article_href(&l.slug)>{l.title}</a>
                                " "
                                <time datetime=format_iso(l.published_at)>
                                    {format!("({})", format_date(l.published_at))}
                                </time>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
