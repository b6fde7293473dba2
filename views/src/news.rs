//! News lists: the home page's, a category's, the search's, and an article's
//! neighbours.

use leptos::prelude::*;
use ntm_types::datetime::{format_date, format_iso};
use ntm_types::number::group_digits;
use ntm_types::{ArticleLink, ArticlePage, ArticleSummary, Category};

use crate::breadcrumb::Breadcrumb;
use crate::checked_url;
use crate::links::{article_href, category_href, encode_component};
use crate::pager::Pager;

/// The home page's heading.
pub const LATEST_NEWS: &str = "Tin mới nhất";

/// Thumbnails of a news list above the fold on a phone load at once; the rest
/// wait until they are scrolled to.
const EAGER_THUMBS: usize = 2;

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
                .enumerate()
                .map(|(i, a)| {
                    let href = article_href(&a.slug);
                    let loading = if i < EAGER_THUMBS { "eager" } else { "lazy" };
                    view! {
                        <li class="news-item">
                            {a.image.map(|img| view! {
                                <img class="news-thumb" src=checked_url("src", img.src) alt="" width=img.width
                                    height=img.height loading=loading decoding="async"/>
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

/// A page of the newest articles of every category, under the home page's
/// heading.
pub fn latest_news(list: ArticlePage) -> impl IntoView {
    view! {
        <ArticleList items=list.items show_category=true/>
        <Pager path="/".to_owned() page=list.page total_pages=list.total_pages/>
    }
}

/// The category a list was asked for; a backend that leaves it out still gets
/// a page with a heading.
pub fn list_category(list: &ArticlePage) -> Category {
    list.category.clone().unwrap_or_else(|| Category {
        slug: String::new(),
        name: "Chuyên mục".to_owned(),
        description: String::new(),
    })
}

/// A page of one category's articles, with its breadcrumb and heading.
pub fn category_news(list: ArticlePage) -> impl IntoView {
    let category = list_category(&list);
    let path = category_href(&category.slug);
    view! {
        <Breadcrumb items=vec![(category.name.clone(), path.clone())]/>
        <h1 class="page-title">{category.name}</h1>
        <ArticleList items=list.items/>
        <Pager path page=list.page total_pages=list.total_pages/>
    }
}

/// What the search found for `text`: the count, the articles and the pager.
pub fn search_results(text: String, found: ArticlePage) -> impl IntoView {
    if found.items.is_empty() {
        return view! {
            <p class="empty" role="status">{format!("Không tìm thấy bài viết nào với từ khóa “{text}”.")}</p>
        }
        .into_any();
    }
    let count = format!(
        "Tìm thấy {} bài viết với từ khóa “{text}”.",
        group_digits(found.total_items.into())
    );
    view! {
        <p class="doc-count" role="status">{count}</p>
        <ArticleList items=found.items show_category=true/>
        <Pager path="/tim-kiem".to_owned() query=format!("q={}", encode_component(&text))
            page=found.page total_pages=found.total_pages/>
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
