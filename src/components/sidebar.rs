//! The blocks beside the page (below it on phones).

use leptos::prelude::*;

use super::loaded::Loaded;
use super::poll::PollWidget;
use crate::api;

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <PollBlock/>
        </aside>
    }
}

/// "Thăm dò ý kiến": the current poll.
#[component]
fn PollBlock() -> impl IntoView {
    let poll = LocalResource::new(api::current_poll);
    view! {
        <section class="block" aria-labelledby="block-poll">
            <h2 class="block-title" id="block-poll">"Thăm dò ý kiến"</h2>
            <Loaded
                resource=poll
                placeholder=|| view! { <p class="block-loading">"Đang tải…"</p> }
                on_missing=|| view! { <p>"Hiện chưa có cuộc thăm dò nào."</p> }.into_any()
                view=|p: ntm_types::Poll| view! { <PollWidget poll=p/> }
            />
            <p class="block-more"><a href="/tham-do-y-kien">"Các cuộc thăm dò khác"</a></p>
        </section>
    }
}
