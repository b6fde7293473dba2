//! The blocks beside the page (below it on phones).

use leptos::prelude::*;

use ntm_types::Poll;

use super::loaded::{render, Loaded};
use super::poll::PollWidget;
use super::stats::StatsBlock;
use crate::api::{self, Endpoint};

#[component]
pub fn Sidebar() -> impl IntoView {
    view! {
        <aside class="sidebar" aria-label="Thông tin thêm">
            <PollBlock/>
            <StatsBlock/>
        </aside>
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
