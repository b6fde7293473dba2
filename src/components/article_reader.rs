use leptos::prelude::*;
use ntm_types::Article;
use ntm_views::article::ArticleView;

use super::html_body::HtmlBody;
use super::listen::Listen;
use super::share::Share;
use super::star_rating::StarRating;

/// The article view (`ntm_views`, shared with the backend's first view) with
/// what only the app has: the body cleaned in the browser, listening, the
/// address for print, sharing, the rating.
#[component]
pub fn ArticleReader(article: Article) -> impl IntoView {
    let body = view! { <HtmlBody html=article.body_html.clone() class="article-body"/> };
    let app_parts = view! {
        <Share title=article.title.clone()/>
        <p class="print-only">"Địa chỉ bài viết: " {window().location().href().unwrap_or_default()}</p>
        <StarRating slug=article.slug.clone() initial=article.rating.clone()/>
    };
    view! { <ArticleView article body tools=view! { <Listen/> } app_parts/> }
}
