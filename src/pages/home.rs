use leptos::prelude::*;
use ntm_types::ArticlePage;

use crate::api::{self, Endpoint};
use crate::components::article_list::ArticleList;
use crate::components::loaded::{render, Loaded};
use crate::components::pager::Pager;
use crate::components::placeholder::ListPlaceholder;
use crate::meta::set_page_meta;

/// The latest news of every category, a page at a time.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = super::page_number();
    let articles = api::resource(move || Endpoint::Articles {
        category: None,
        page: page(),
    });
    let list = render(|list: ArticlePage| {
        // The site's own name and description.
        set_page_meta("", "");
        view! {
            <ArticleList items=list.items show_category=true/>
            <Pager path="/".to_owned() page=list.page total_pages=list.total_pages/>
        }
    });
    view! {
        <h1 class="page-title">"Tin mới nhất"</h1>
        <Loaded resource=articles placeholder=ListPlaceholder view=list/>
    }
}
