use leptos::prelude::*;
use ntm_types::Poll;

use crate::api::{self, Endpoint};
use crate::components::loaded::{render, Loaded};
use crate::components::member::use_membership;
use crate::components::placeholder::ListPlaceholder;
use crate::components::poll::PollWidget;
use crate::meta::set_page_meta;

/// Every poll, open ones first: vote, or read the results of past ones.
#[component]
pub fn PollsPage() -> impl IntoView {
    set_page_meta(
        "Thăm dò ý kiến",
        "Các cuộc thăm dò ý kiến bạn đọc và kết quả.",
    );
    // Asked again when a member signs in or out: members' polls answer with
    // the member's own vote.
    let member = use_membership().member_id;
    let polls = api::resource(move || {
        member.track();
        Endpoint::Polls
    });
    let list = render(|all: Vec<Poll>| {
        if all.is_empty() {
            return view! { <p class="empty">"Hiện chưa có cuộc thăm dò nào."</p> }.into_any();
        }
        all.into_iter()
            .map(|p| {
                let label = p.question.clone();
                view! {
                    <section class="block poll-page-item" aria-label=label>
                        <PollWidget poll=p/>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    });
    view! {
        <h1 class="page-title">"Thăm dò ý kiến"</h1>
        <Loaded resource=polls placeholder=ListPlaceholder view=list/>
    }
}
