use leptos::prelude::*;
use ntm_types::datetime::format_day;
use ntm_types::page::{document_name, is_new_document};
use ntm_types::DocumentSummary;

/// Where a document lives in the front end.
pub fn document_href(slug: &str) -> String {
    format!("/van-ban/{}", super::article_list::segment(slug))
}

fn is_new(issued: &str) -> bool {
    is_new_document(issued, (js_sys::Date::now() / 1000.0) as i64)
}

/// Documents as a list: the sidebar's short form, or the search page's long one
/// (with issuing body and whether the document is in force).
#[component]
pub fn DocumentItems(
    items: Vec<DocumentSummary>,
    #[prop(optional)] detailed: bool,
) -> impl IntoView {
    view! {
        <ul class="doc-list">
            {items
                .into_iter()
                .map(|d| {
                    view! {
                        <li class="doc-item">
                            <a class="doc-name" href=document_href(&d.slug)>{document_name(&d.kind, &d.number)}</a>
                            {is_new(&d.issued).then(|| view! { <span class="badge">"Mới"</span> })}
                            <p class="doc-summary">{d.summary}</p>
                            <p class="doc-meta">
                                {detailed.then(|| format!("{} · ", d.issuing_body))}
                                "Ban hành: " {format_day(&d.issued)}
                                {detailed.then_some(if d.in_force { " · Còn hiệu lực" } else { " · Hết hiệu lực" })}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
