use leptos::prelude::*;
use ntm_types::Page;
use ntm_views::page::PageView;

use crate::api::{self, Endpoint};
use crate::components::html_body::HtmlBody;
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ArticlePlaceholder;
use crate::meta::set_page_meta;

/// A page that is not news, such as the office in English.
#[component]
pub fn StaticPage() -> impl IntoView {
    let slug = super::slug_param();
    let page = api::resource(move || Endpoint::Page(slug()));
    let show = render(|p: Page| {
        set_page_meta(&p.title, &p.description);
        let body = view! { <HtmlBody html=p.body_html.clone() class="article-body"/> };
        view! { <PageView page=p body/> }
    });
    view! {
        <Loaded
            resource=page
            placeholder=ArticlePlaceholder
            error_title="Không tải được trang"
            view=show
        />
    }
}
