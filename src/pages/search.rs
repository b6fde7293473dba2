use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ntm_types::page::{SEARCH_DESCRIPTION, SEARCH_HEADING, SEARCH_TITLE};
use ntm_types::ArticlePage;
use ntm_views::news::search_results;

use crate::api::{self, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ListPlaceholder;
use crate::format::composed;
use crate::meta::set_page_meta;

/// Articles found by the header's search box (`/tim-kiem?q=…`).
#[component]
pub fn SearchPage() -> impl IntoView {
    set_page_meta(SEARCH_TITLE, SEARCH_DESCRIPTION);
    let query = use_query_map();
    // Shown composed, as the first view shows it, however the address spells it.
    let text = Memo::new(move |_| composed(query.read().get("q").unwrap_or_default().trim()));
    let page = super::page_number();
    let list = render(move |found: ArticlePage| search_results(text.get_untracked(), found));
    view! {
        <h1 class="page-title">{SEARCH_HEADING}</h1>
        {move || {
            if text.with(String::is_empty) {
                view! { <p class="empty">"Nhập từ khóa vào ô tìm kiếm ở đầu trang để tìm bài viết."</p> }.into_any()
            } else {
                // Made here, so nothing is asked of the backend before there is a query.
                let results = api::resource(move || Endpoint::Search {
                    text: text.get(),
                    page: page(),
                });
                view! { <Loaded resource=results placeholder=ListPlaceholder view=list.clone()/> }.into_any()
            }
        }}
    }
}
