//! Issued documents as lists.

use leptos::ev;
use leptos::prelude::*;
use ntm_types::datetime::format_day;
use ntm_types::number::group_digits;
use ntm_types::page::{document_name, is_new_document};
use ntm_types::{DocumentFacets, DocumentPage, DocumentSummary, Timestamp};

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

/// The ids of the documents search form's controls: the first view's form
/// stands beside the app's for a moment, so each has its own.
pub struct DocumentFormIds {
    pub text: &'static str,
    pub kind: &'static str,
    pub issuing_body: &'static str,
    pub area: &'static str,
    pub year: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub status: &'static str,
}

/// The documents search form. `chosen` gives the value shown for a field by
/// its name in the page's URL (`tu-khoa`, `loai`, …); the lists offer the
/// `facets`, and keep a chosen value they lack. `marks` go on the form: the
/// first view makes its form `inert`, since searching needs the app, which
/// shows its own form at once (the app adds nothing: a flag would cost the
/// wasm a branch).
pub fn document_search_form(
    ids: DocumentFormIds,
    facets: impl Fn() -> DocumentFacets + Copy + Send + Sync + 'static,
    chosen: impl Fn(&'static str) -> String + Copy + Send + Sync + 'static,
    on_submit: impl FnMut(ev::SubmitEvent) + 'static,
    marks: impl leptos::attr::Attribute,
) -> impl IntoView {
    let text = move |name: &'static str| move || chosen(name);
    let options = move |pick: fn(&DocumentFacets) -> Vec<String>, name: &'static str| {
        move || {
            let values = pick(&facets());
            let chosen = chosen(name);
            // Keep the value of the URL even before the lists arrive.
            let values = if chosen.is_empty() || values.contains(&chosen) {
                values
            } else {
                vec![chosen.clone()]
            };
            values
                .into_iter()
                .map(|v| {
                    let selected = v == chosen;
                    let label = v.clone();
                    view! { <option value=v selected=selected>{label}</option> }
                })
                .collect_view()
        }
    };
    let select = move |id: &'static str,
                       name: &'static str,
                       label: &'static str,
                       pick: fn(&DocumentFacets) -> Vec<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=name>
                    <option value="">"Tất cả"</option>
                    {options(pick, name)}
                </select>
            </div>
        }
    };
    let date = move |id: &'static str, name: &'static str, label: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id name=name type="date" prop:value=text(name)/>
            </div>
        }
    };
    view! {
        <form class="doc-search" role="search" aria-label="Tìm văn bản" {..marks} on:submit=on_submit>
            <div class="field field-wide">
                <label for=ids.text>"Từ khóa (số hiệu, trích yếu)"</label>
                <input id=ids.text name="tu-khoa" type="search" maxlength="200" prop:value=text("tu-khoa")/>
            </div>
            {select(ids.kind, "loai", "Loại văn bản", |f| f.kinds.clone())}
            {select(ids.issuing_body, "co-quan", "Cơ quan ban hành", |f| f.issuing_bodies.clone())}
            {select(ids.area, "linh-vuc", "Lĩnh vực", |f| f.areas.clone())}
            {select(ids.year, "nam", "Năm ban hành", |f| f.years.iter().map(i32::to_string).collect())}
            {date(ids.from, "tu-ngay", "Ban hành từ ngày")}
            {date(ids.to, "den-ngay", "Đến ngày")}
            <div class="field">
                <label for=ids.status>"Hiệu lực"</label>
                <select id=ids.status name="hieu-luc" prop:value=text("hieu-luc")>
                    <option value="">"Tất cả"</option>
                    <option value="con-hieu-luc">"Còn hiệu lực"</option>
                    <option value="het-hieu-luc">"Hết hiệu lực"</option>
                </select>
            </div>
            <div class="doc-search-actions">
                <button type="submit" class="button">"Tìm kiếm"</button>
                <a href="/van-ban">"Xóa điều kiện"</a>
            </div>
        </form>
    }
}
