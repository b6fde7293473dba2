use leptos::prelude::*;
use ntm_types::Article;

use crate::api::{self, Endpoint};
use crate::components::article_reader::ArticleReader;
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ArticlePlaceholder;
use crate::meta::set_page_meta;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let slug = super::slug_param();
    let article = api::resource(move || Endpoint::Article(slug()));
    let show = render(|a: Article| {
        set_page_meta(&a.title, &a.lead);
        view! { <ArticleReader article=a/> }
    });
    view! {
        <Loaded
            resource=article
            placeholder=ArticlePlaceholder
            error_title="Không tải được bài viết"
            view=show
        />
    }
}
