//! Issued documents as lists.

use leptos::prelude::*;
use ntm_types::datetime::format_day;
use ntm_types::number::group_digits;
use ntm_types::page::{document_name, is_new_document};
use ntm_types::{DocumentPage, DocumentSummary, Timestamp};

use crate::links::document_href;
use crate::pager::Pager;

/// Documents as a list: the sidebar's short form, or the search page's long one
/// (with issuing body and whether the document is in force). Those issued
/// lately before `now` are marked new.
#[component]
pub fn DocumentItems(
    items: Vec<DocumentSummary>,
    now: Timestamp,
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
                            {is_new_document(&d.issued, now).then(|| view! { <span class="badge">"Mới"</span> })}
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

/// A page of the documents search: the count, the documents and the pager,
/// whose links keep the search's other parameters (`query`).
pub fn document_results(page: DocumentPage, query: String, now: Timestamp) -> impl IntoView {
    if page.items.is_empty() {
        return view! {
            <p class="empty" role="status">"Không tìm thấy văn bản nào phù hợp với điều kiện tìm kiếm."</p>
        }
        .into_any();
    }
    let count = format!(
        "Tìm thấy {} văn bản.",
        group_digits(page.total_items.into())
    );
    view! {
        <p class="doc-count" role="status">{count}</p>
        <DocumentItems items=page.items now detailed=true/>
        <Pager path="/van-ban".to_owned() query page=page.page total_pages=page.total_pages/>
    }
    .into_any()
}
