use leptos::prelude::*;
use ntm_types::datetime::format_day;
use ntm_types::page::{document_name, file_kind, DOCUMENTS_TITLE};
use ntm_types::Document;
use ntm_views::breadcrumb::Breadcrumb;
use ntm_views::documents::DocumentItems;

use crate::api::{self, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::placeholder::ArticlePlaceholder;
use crate::format::{now, number};
use crate::meta::set_page_meta;

/// One document: its fields (empty ones left out), text, files and related documents.
#[component]
pub fn DocumentDetailPage() -> impl IntoView {
    let slug = super::slug_param();
    let doc = api::resource(move || Endpoint::Document(slug()));
    let show = render(|d: Document| {
        let name = document_name(&d.kind, &d.number);
        set_page_meta(&name, &d.summary);
        let day = |v: &Option<String>| v.as_deref().map(format_day).unwrap_or_default();
        let rows = [
            ("Số, ký hiệu", d.number.clone()),
            ("Loại văn bản", d.kind.clone()),
            ("Trích yếu", d.summary.clone()),
            ("Cơ quan ban hành", d.issuing_body.clone()),
            ("Người ký", d.signer.clone()),
            ("Lĩnh vực", d.areas.join(", ")),
            ("Ngày ban hành", format_day(&d.issued)),
            ("Ngày có hiệu lực", day(&d.effective)),
            ("Ngày hết hiệu lực", day(&d.expires)),
            (
                "Tình trạng",
                if d.in_force {
                    "Còn hiệu lực"
                } else {
                    "Hết hiệu lực"
                }
                .to_owned(),
            ),
            ("Lượt xem", number(d.views)),
        ];
        view! {
            <Breadcrumb items=vec![(DOCUMENTS_TITLE.to_owned(), "/van-ban".to_owned())]/>
            <h1 class="page-title">{name}</h1>
            <table class="doc-fields">
                <tbody>
                    {rows
                        .into_iter()
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
            <div class="doc-body">
                {d.body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </div>
            {(!d.attachments.is_empty()).then(|| view! {
                <section class="doc-files" aria-labelledby="doc-files-title">
                    <h2 id="doc-files-title">"Tệp đính kèm"</h2>
                    <ul>
                        {d.attachments
                            .into_iter()
                            .map(|a| {
                                let href = format!("{}{}", api::base(), a.download_path);
                                // What the backend knows: a file on another site has no
                                // size, a NukeViet site counts downloads per document.
                                let mut meta = Vec::new();
                                if a.file_name != a.title {
                                    meta.push(a.file_name.clone());
                                }
                                meta.push(file_kind(&a.media_type, &a.file_name));
                                if a.size > 0 {
                                    meta.push(format!("{} KB", number(a.size.div_ceil(1024))));
                                }
                                if let Some(n) = a.downloads {
                                    meta.push(format!("{} lượt tải", number(n)));
                                }
                                view! {
                                    <li>
                                        // A file, not a page: the router must let it through.
                                        <a href=href download=a.file_name.clone() rel="external">{a.title}</a>
                                        <span class="doc-meta">
                                            {format!(" ({})", meta.join(", "))}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            })}
            {(!d.related.is_empty()).then(|| view! {
                <section class="doc-related" aria-labelledby="doc-related-title">
                    <h2 id="doc-related-title">"Văn bản liên quan"</h2>
                    <DocumentItems items=d.related now=now()/>
                </section>
            })}
        }
    });
    view! {
        <Loaded resource=doc placeholder=ArticlePlaceholder error_title="Không tải được văn bản" view=show/>
    }
}
