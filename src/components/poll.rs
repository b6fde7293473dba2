//! A poll ("Thăm dò ý kiến"): native radios (one choice) or checkboxes (several,
//! never more than allowed) in a fieldset, results as text with a bar that only
//! repeats the numbers, and the outcome announced in a status region. Every
//! view of one poll shares its state (`super::shared`): a vote on the polls
//! page shows at once in the sidebar's copy, and the other way round.

use leptos::ev;
use leptos::prelude::*;
use ntm_types::datetime::format_date;
use ntm_types::poll::percentages;
use ntm_types::{Poll, PollResults};

use super::member::use_membership;
use super::shared::use_shared;
use crate::api::{self, Answer, Call, FetchError};
use crate::format::number;

fn next_instance() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What every view of one poll shares: this visitor's choices once they have
/// voted, and the latest results.
#[derive(Clone, Default)]
pub struct PollState {
    pub choices: Option<Vec<i64>>,
    pub results: Option<PollResults>,
}

#[component]
pub fn PollWidget(poll: Poll) -> impl IntoView {
    let Poll {
        id,
        question,
        max_choices,
        options,
        open,
        my_choices,
        members_only,
        ..
    } = poll;
    let membership = use_membership();
    // A members' poll asks a visitor to sign in instead of offering the vote.
    let must_sign_in = move || members_only && !membership.signed_in();
    // One state per poll and per member: a member signing in or out gets the
    // backend's word on their own vote, not what the previous one chose.
    let shared = use_shared((id, membership.member_id.get_untracked()), || PollState {
        choices: my_choices.clone(),
        results: None,
    });
    let voted = move || shared.with(|s| s.choices.is_some());
    let selected = RwSignal::new(my_choices.clone().unwrap_or_default());
    let showing_results = RwSignal::new(!open || my_choices.is_some());
    let results_shown = move || showing_results.get() || voted();
    let message = RwSignal::new(String::new());

    let load_results = api::action();
    let send_vote = api::action();
    // Results that another view of the poll has not already fetched.
    if shared.with_untracked(|s| s.results.is_none() && (s.choices.is_some() || !open)) {
        load_results.dispatch(Call::PollResults(id));
    }
    Effect::new(
        move || match api::last(load_results, Answer::poll_results) {
            Some(Ok(r)) => shared.update(|s| s.results = Some(r)),
            Some(Err(e)) => message.set(e.to_string()),
            None => {}
        },
    );
    Effect::new(move || match api::last(send_vote, Answer::poll_results) {
        Some(Ok(r)) => {
            let chosen = selected.get_untracked();
            shared.update(|s| {
                s.choices = Some(chosen);
                s.results = Some(r);
            });
            showing_results.set(true);
            message.set("Cảm ơn bạn đã bình chọn.".to_owned());
        }
        Some(Err(e)) => {
            // The choices stay ticked, so nothing is lost when trying again.
            message.set(e.to_string());
            if matches!(e, FetchError::Status(409, _)) {
                // Voted already (in another tab): which choices, the backend
                // says when the poll is next fetched.
                shared.update(|s| s.choices = Some(Vec::new()));
                showing_results.set(true);
                load_results.dispatch(Call::PollResults(id));
            }
        }
        None => {}
    });

    // No more than there are options to tick.
    let limit = max_choices.min(u32::try_from(options.len()).unwrap_or(u32::MAX));
    let input_type = if max_choices > 1 { "checkbox" } else { "radio" };
    // The same poll can be on the page twice (sidebar and the polls page):
    // every widget needs its own ids for its labels.
    let group = format!("poll-{id}-{}", next_instance());
    let busy = move || send_vote.pending().get() || load_results.pending().get();
    let can_vote = move || open && !voted();
    let question_text = question.clone();

    let form = move || {
        let options = options.clone();
        let group = group.clone();
        view! {
            <form
                class="poll-form"
                on:submit=move |e: ev::SubmitEvent| {
                    e.prevent_default();
                    let choices = selected.get_untracked();
                    if choices.is_empty() {
                        message.set("Vui lòng chọn ít nhất một phương án.".to_owned());
                    } else {
                        message.set("Đang gửi bình chọn…".to_owned());
                        send_vote.dispatch(Call::Vote(id, choices));
                    }
                }
            >
                <fieldset disabled=busy>
                    <legend>{question.clone()}</legend>
                    {(max_choices > 1).then(|| view! {
                        <p class="poll-hint">{format!("Chọn tối đa {} phương án.", number(limit))}</p>
                    })}
                    {options
                        .into_iter()
                        .map(|o| {
                            let oid = o.id;
                            let input_id = format!("{group}-{oid}");
                            let checked = move || selected.with(|s| s.contains(&oid));
                            view! {
                                <div class="poll-option">
                                    <input
                                        type=input_type
                                        id=input_id.clone()
                                        name=group.clone()
                                        value=oid
                                        prop:checked=checked
                                        // A checkbox past the limit cannot be ticked.
                                        disabled=move || {
                                            max_choices > 1 && !checked()
                                                && selected.with(|s| s.len() >= max_choices as usize)
                                        }
                                        on:change=move |e: ev::Event| {
                                            let on = event_target_checked(&e);
                                            selected.update(|s| {
                                                if max_choices <= 1 {
                                                    s.clear();
                                                }
                                                s.retain(|x| *x != oid);
                                                if on {
                                                    s.push(oid);
                                                }
                                            });
                                        }
                                    />
                                    <label for=input_id>{o.label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                    {move || must_sign_in().then(|| view! {
                        <p class="poll-hint">
                            "Cuộc thăm dò này chỉ dành cho thành viên. "
                            <a href="/dang-nhap?tiep=/tham-do-y-kien">"Đăng nhập để bình chọn"</a>
                        </p>
                    })}
                    <div class="poll-actions">
                        <button type="submit" class="button" disabled=must_sign_in>"Bình chọn"</button>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                showing_results.set(true);
                                load_results.dispatch(Call::PollResults(id));
                            }
                        >
                            "Xem kết quả"
                        </button>
                    </div>
                </fieldset>
            </form>
        }
    };

    let results_view = move || {
        let mine = shared.with(|s| s.choices.clone()).unwrap_or_default();
        shared.with(|s| s.results.clone()).map(|r| {
            let shares = percentages(&r.options.iter().map(|o| o.votes).collect::<Vec<_>>());
            view! {
                <ul class="poll-results">
                    {r.options
                        .into_iter()
                        .zip(shares)
                        .map(|(o, pct)| {
                            let chosen = mine.contains(&o.id);
                            view! {
                                <li>
                                    <span class="poll-label">
                                        {o.label}
                                        {chosen.then_some(" (bạn đã chọn)")}
                                    </span>
                                    <span class="poll-count">
                                        {format!("{} phiếu ({pct} %)", number(o.votes))}
                                    </span>
                                    <span class="poll-bar" aria-hidden="true">
                                        <span style:width=format!("{pct}%")></span>
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p class="poll-total">
                    {format!(
                        "Tổng số: {}{} lựa chọn - Tính từ: {}",
                        r.voters
                            .map(|n| format!("{} người bình chọn, ", number(n)))
                            .unwrap_or_default(),
                        number(r.choices),
                        format_date(r.since),
                    )}
                </p>
            }
        })
    };

    view! {
        <div class="poll">
            {move || {
                if results_shown() {
                    view! {
                        <p class="poll-question">{question_text.clone()}</p>
                        {(!open).then(|| view! { <p class="poll-hint">"Cuộc thăm dò đã kết thúc hoặc chưa mở."</p> })}
                        {results_view}
                        {can_vote().then(|| view! {
                            <button type="button" class="button button-secondary"
                                on:click=move |_| showing_results.set(false)>
                                "Quay lại bình chọn"
                            </button>
                        })}
                    }
                        .into_any()
                } else {
                    form().into_any()
                }
            }}
            <p class="poll-status" role="status">{move || message.get()}</p>
        </div>
    }
}
