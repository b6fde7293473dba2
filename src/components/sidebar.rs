//! The blocks beside the page (below it on phones).

use leptos::prelude::*;

use ntm_types::{DocumentPage, Poll};

use super::document_list::DocumentItems;
use super::loaded::{render, Loaded};
use super::poll::PollWidget;
use super::stats::StatsBlock;
use crate::api::{self, DocumentSearch, Endpoint};

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <DocumentsBlock/>
            <PollBlock/>
            <StatsBlock/>
        </aside>
    }
}

/// "Văn bản ban hành": the five latest documents. Nothing moves by itself.
#[component]
fn DocumentsBlock() -> impl IntoView {
    let latest = api::resource(|| {
        Endpoint::Documents(DocumentSearch {
            page: 1,
            per_page: 5,
            ..Default::default()
        })
    });
    let show = render(|page: DocumentPage| view! { <DocumentItems items=page.items/> });
    view! {
        <section class="block" aria-labelledby="block-documents">
            <h2 class="block-title" id="block-documents">"Văn bản ban hành"</h2>
            <Loaded
                resource=latest
                placeholder=|| view! { <p class="block-loading">"Đang tải…"</p> }
                on_missing=|| view! { <p>"Chưa có văn bản nào."</p> }.into_any()
                view=show
            />
            <p class="block-more"><a href="/van-ban">"Xem tất cả văn bản"</a></p>
        </section>
    }
}

/// "Thăm dò ý kiến": the current poll.
#[component]
fn PollBlock() -> impl IntoView {
    let poll = api::resource(|| Endpoint::CurrentPoll);
    let show = render(|p: Poll| view! { <PollWidget poll=p/> });
    view! {
        <section class="block" aria-labelledby="block-poll">
            <h2 class="block-title" id="block-poll">"Thăm dò ý kiến"</h2>
            <Loaded
                resource=poll
                placeholder=|| view! { <p class="block-loading">"Đang tải…"</p> }
                on_missing=|| view! { <p>"Hiện chưa có cuộc thăm dò nào."</p> }.into_any()
                view=show
            />
            <p class="block-more"><a href="/tham-do-y-kien">"Các cuộc thăm dò khác"</a></p>
        </section>
    }
}
