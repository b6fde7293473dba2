use leptos::prelude::*;

use crate::api;
use crate::components::article_view::ArticleView;
use crate::components::loaded::Loaded;
use crate::components::placeholder::ArticlePlaceholder;
use crate::meta::set_page_meta;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let slug = super::slug_param();
    let article = LocalResource::new(move || {
        let slug = slug();
        async move { api::article(&slug).await }
    });
    view! {
        <Loaded resource=article placeholder=ArticlePlaceholder error_title="Không tải được bài viết" view=|a: ntm_types::Article| {
            set_page_meta(&a.title, &a.lead);
            view! { <ArticleView article=a/> }
        }/>
    }
}
