use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use ntm_types::page::{DOCUMENTS_DESCRIPTION, DOCUMENTS_TITLE};
use ntm_types::{DocumentFacets, DocumentPage};
use ntm_views::breadcrumb::Breadcrumb;
use ntm_views::documents::{document_results, document_search_form, DocumentFormIds};
use wasm_bindgen::JsCast;

use crate::api::{self, DocumentSearch, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ListPlaceholder;
use crate::format::now;
use crate::meta::set_page_meta;

const FORM_IDS: DocumentFormIds = DocumentFormIds {
    text: "doc-q",
    kind: "doc-kind",
    issuing_body: "doc-body",
    area: "doc-area",
    year: "doc-year",
    from: "doc-from",
    to: "doc-to",
    status: "doc-status",
};

/// Issued documents: a search with filters, all kept in the URL so a search can
/// be shared and the back button brings it back.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    set_page_meta(DOCUMENTS_TITLE, DOCUMENTS_DESCRIPTION);
    let query = use_query_map();
    // Read afresh each time (eight short strings): a memo of it would be one
    // more kind of memo compiled into the wasm, for nothing a reader sees.
    let search = move || DocumentSearch::from_page_params(|k| query.read().get(k));
    let results = api::resource(move || Endpoint::Documents(search()));
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

    let facets = move || {
        facets
            .get()
            .and_then(|r| r.and_then(api::decode::<DocumentFacets>).ok())
            .unwrap_or_default()
    };
    let chosen = move |name: &'static str| search().page_value(name);

    let list = render(move |page: DocumentPage| {
        let query = untrack(search).page_query();
        document_results(page, query, now())
    });

    view! {
        <Breadcrumb items=vec![(DOCUMENTS_TITLE.to_owned(), "/van-ban".to_owned())]/>
        <h1 class="page-title">{DOCUMENTS_TITLE}</h1>
        {document_search_form(FORM_IDS, facets, chosen, on_submit, ())}
        <Loaded resource=results placeholder=ListPlaceholder view=list/>
    }
}
