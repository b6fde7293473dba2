use leptos::prelude::*;
use ntm_types::ArticlePage;
use ntm_views::news::{latest_news, LATEST_NEWS};

use crate::api::{self, Endpoint};
use crate::components::loaded::{render, Loaded};
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
        latest_news(list)
    });
    view! {
        <h1 class="page-title">{LATEST_NEWS}</h1>
        <Loaded resource=articles placeholder=ListPlaceholder view=list/>
    }
}
