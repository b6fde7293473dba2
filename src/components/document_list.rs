use leptos::prelude::*;
use ntm_types::datetime::{day_key, format_day};
use ntm_types::DocumentSummary;

/// Where a document lives in the front end.
pub fn document_href(slug: &str) -> String {
    format!("/van-ban/{slug}")
}

/// "Công văn số 6748/UBND-NL5", the way the portal names a document.
pub fn document_name(kind: &str, number: &str) -> String {
    format!("{kind} số {number}")
}

/// Issued in the last five days: shown with a "Mới" badge.
fn is_new(issued: &str) -> bool {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    issued >= day_key(now - 5 * 86_400).as_str()
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
