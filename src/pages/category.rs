use leptos::prelude::*;
use ntm_types::ArticlePage;
use ntm_views::news::{category_news, list_category};

use crate::api::{self, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ListPlaceholder;
use crate::meta::set_page_meta;

/// The news of one category, a page at a time.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let slug = super::slug_param();
    let page = super::page_number();
    let articles = api::resource(move || Endpoint::Articles {
        category: Some(slug()),
        page: page(),
    });
    let list = render(|list: ArticlePage| {
        let category = list_category(&list);
        set_page_meta(&category.name, &category.description);
        category_news(list)
    });
    view! {
        <Loaded
            resource=articles
            placeholder=ListPlaceholder
            error_title="Không tải được chuyên mục"
            view=list
        />
    }
}
