use leptos::prelude::*;
use ntm_types::{ArticlePage, Category};

use crate::api::{self, Endpoint};
use crate::components::article_list::{category_href, ArticleList};
use crate::components::breadcrumb::Breadcrumb;
use crate::components::loaded::{render, Loaded};
use crate::components::pager::Pager;
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
        let category = list.category.unwrap_or_else(|| Category {
            slug: String::new(),
            name: "Chuyên mục".to_owned(),
            description: String::new(),
        });
        set_page_meta(&category.name, &category.description);
        let path = category_href(&category.slug);
        view! {
            <Breadcrumb items=vec![(category.name.clone(), path.clone())]/>
            <h1 class="page-title">{category.name}</h1>
            <ArticleList items=list.items/>
            <Pager path page=list.page total_pages=list.total_pages/>
        }
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
