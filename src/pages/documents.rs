use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use ntm_types::page::{DOCUMENTS_DESCRIPTION, DOCUMENTS_TITLE};
use ntm_types::{DocumentFacets, DocumentPage};
use ntm_views::breadcrumb::Breadcrumb;
use ntm_views::documents::document_results;
use wasm_bindgen::JsCast;

use crate::api::{self, DocumentSearch, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ListPlaceholder;
use crate::format::now;
use crate::meta::set_page_meta;

/// Issued documents: a search with filters, all kept in the URL so a search can
/// be shared and the back button brings it back.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    set_page_meta(DOCUMENTS_TITLE, DOCUMENTS_DESCRIPTION);
    let query = use_query_map();
    let search = Memo::new(move |_| DocumentSearch::from_page_params(|k| query.read().get(k)));
    let results = api::resource(move || Endpoint::Documents(search.get()));
    let facets = api::resource(|| Endpoint::DocumentFacets);
    let navigate = use_navigate();

    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let Some(form) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let next = DocumentSearch::from_page_params(|name| data.get(name).as_string());
        let q = next.page_query();
        navigate(
            &if q.is_empty() {
                "/van-ban".to_owned()
            } else {
                format!("/van-ban?{q}")
            },
            Default::default(),
        );
    };

    let field = move |pick: fn(&DocumentSearch) -> String| move || search.with(pick);
    let options = move |pick: fn(&DocumentFacets) -> Vec<String>,
                        current: fn(&DocumentSearch) -> String| {
        move || {
            let values = facets
                .get()
                .and_then(|r| r.and_then(api::decode::<DocumentFacets>).ok())
                .map(|f| pick(&f))
                .unwrap_or_default();
            let chosen = search.with(current);
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

    let list = render(move |page: DocumentPage| {
        let query = search.with_untracked(DocumentSearch::page_query);
        document_results(page, query, now())
    });

    view! {
        <Breadcrumb items=vec![(DOCUMENTS_TITLE.to_owned(), "/van-ban".to_owned())]/>
        <h1 class="page-title">{DOCUMENTS_TITLE}</h1>
        <form class="doc-search" role="search" aria-label="Tìm văn bản" on:submit=on_submit>
            <div class="field field-wide">
                <label for="doc-q">"Từ khóa (số hiệu, trích yếu)"</label>
                <input id="doc-q" name="tu-khoa" type="search" maxlength="200" prop:value=field(|s| s.text.clone())/>
            </div>
            <div class="field">
                <label for="doc-kind">"Loại văn bản"</label>
                <select id="doc-kind" name="loai">
                    <option value="">"Tất cả"</option>
                    {options(|f| f.kinds.clone(), |s| s.kind.clone())}
                </select>
            </div>
            <div class="field">
                <label for="doc-body">"Cơ quan ban hành"</label>
                <select id="doc-body" name="co-quan">
                    <option value="">"Tất cả"</option>
                    {options(|f| f.issuing_bodies.clone(), |s| s.issuing_body.clone())}
                </select>
            </div>
            <div class="field">
                <label for="doc-area">"Lĩnh vực"</label>
                <select id="doc-area" name="linh-vuc">
                    <option value="">"Tất cả"</option>
                    {options(|f| f.areas.clone(), |s| s.area.clone())}
                </select>
            </div>
            <div class="field">
                <label for="doc-year">"Năm ban hành"</label>
                <select id="doc-year" name="nam">
                    <option value="">"Tất cả"</option>
                    {options(|f| f.years.iter().map(i32::to_string).collect(), |s| s.year.clone())}
                </select>
            </div>
            <div class="field">
                <label for="doc-from">"Ban hành từ ngày"</label>
                <input id="doc-from" name="tu-ngay" type="date" prop:value=field(|s| s.from.clone())/>
            </div>
            <div class="field">
                <label for="doc-to">"Đến ngày"</label>
                <input id="doc-to" name="den-ngay" type="date" prop:value=field(|s| s.to.clone())/>
            </div>
            <div class="field">
                <label for="doc-status">"Hiệu lực"</label>
                <select id="doc-status" name="hieu-luc" prop:value=move || match search.with(|s| s.status.clone()).as_str() {
                    "in_force" => "con-hieu-luc",
                    "expired" => "het-hieu-luc",
                    _ => "",
                }>
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
        <Loaded resource=results placeholder=ListPlaceholder view=list/>
    }
}
