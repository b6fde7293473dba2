//! The five-star rating under an article, as a WAI-ARIA style radio group of
//! native radios: arrow keys move and choose, Enter or the button sends, a
//! click on a star sends at once. The outcome is announced in a status region.

use leptos::ev;
use leptos::prelude::*;
use ntm_types::rating::{average_line, star_label, totals_line};
use ntm_types::{RatingState, RatingTotals};

use super::shared::use_shared;
use crate::api::{self, Answer, Call, Endpoint, FetchError};

/// Nothing at all for an article with rating switched off.
#[component]
pub fn StarRating(slug: String, initial: RatingTotals) -> impl IntoView {
    initial
        .enabled
        .then(|| view! { <RatingWidget slug initial/> })
}

#[component]
fn RatingWidget(slug: String, initial: RatingTotals) -> impl IntoView {
    // Shared with every later visit to the article in this page's life: the
    // article itself may come from memory, with the totals it had then.
    let state = use_shared(slug.clone(), || RatingState {
        enabled: initial.enabled,
        total: initial.total,
        count: initial.count,
        mine: None,
    });
    // The star picked by keyboard or pointer, before it is sent.
    let chosen = RwSignal::new(0u8);
    let message = RwSignal::new(String::new());

    // The article came from a shared answer; this visitor's own rating comes apart.
    let remote = api::resource({
        let slug = slug.clone();
        move || Endpoint::Rating(slug.clone())
    });
    Effect::new(move || {
        let fetched = remote
            .get()
            .and_then(|r| r.and_then(api::decode::<RatingState>).ok());
        if let Some(s) = fetched {
            if let Some(mine) = s.mine {
                chosen.set(mine);
            }
            state.set(s);
        }
    });

    let send = api::action();
    let slug = StoredValue::new(slug);
    // What to go back to if the server refuses.
    let before = StoredValue::new(None::<RatingState>);
    let submit = move |points: u8| {
        let now = state.get_untracked();
        if !(1..=5).contains(&points) || now.mine.is_some() || send.pending().get_untracked() {
            return;
        }
        before.set_value(Some(now.clone()));
        // Show the new totals at once; the server's answer confirms or undoes them.
        state.set(RatingState {
            total: now.total.saturating_add(u32::from(points)),
            count: now.count.saturating_add(1),
            mine: Some(points),
            ..now
        });
        message.set("Đang gửi đánh giá…".to_owned());
        send.dispatch(Call::Rate(slug.get_value(), points));
    };
    Effect::new(move || {
        let Some(result) = api::last(send, Answer::rating) else {
            return;
        };
        match result {
            Ok(s) => {
                let points = s.mine.unwrap_or_default();
                message.set(format!(
                    "Cảm ơn bạn đã đánh giá: {points} sao – {}.",
                    star_label(points)
                ));
                state.set(s);
            }
            Err(e) => {
                if let Some(prev) = before.get_value() {
                    state.set(prev);
                }
                chosen.set(0);
                message.set(e.to_string());
                // Rated already (say, in another tab): fetch it to show it.
                if matches!(e, FetchError::Status(409, _)) {
                    remote.refetch();
                }
            }
        }
    });

    let rated = move || state.with(|s| s.mine.is_some());
    // Stars lit: the visitor's rating once given, otherwise the one picked.
    let lit = move || state.with(|s| s.mine).unwrap_or_else(|| chosen.get());
    let group = "rating-stars";

    view! {
        <section class="rating" aria-labelledby="rating-heading" hidden=move || !state.with(|s| s.enabled)>
            <h2 id="rating-heading" class="visually-hidden">"Đánh giá bài viết"</h2>
            <p class="rating-totals">{move || state.with(|s| totals_line(s.total, s.count))}</p>
            <p class="rating-average">{move || state.with(|s| average_line(s.total, s.count))}</p>
            <form
                class="rating-form"
                on:submit=move |e: ev::SubmitEvent| {
                    e.prevent_default();
                    submit(chosen.get_untracked());
                }
            >
                <fieldset disabled=move || rated() || send.pending().get()>
                    <legend>
                        {move || match state.with(|s| s.mine) {
                            Some(p) => format!("Bạn đã đánh giá bài viết này: {p} sao – {}", star_label(p)),
                            None => "Click để đánh giá bài viết".to_owned(),
                        }}
                    </legend>
                    <div class="stars">
                        {(1..=5u8)
                            .map(|n| {
                                let id = format!("{group}-{n}");
                                view! {
                                    <span class="star-item">
                                        <input
                                            type="radio"
                                            class="star-input"
                                            name=group
                                            id=id.clone()
                                            value=n
                                            prop:checked=move || lit() == n
                                            on:change=move |_| chosen.set(n)
                                            on:keydown=move |e: ev::KeyboardEvent| {
                                                if e.key() == "Enter" {
                                                    e.prevent_default();
                                                    submit(n);
                                                }
                                            }
                                        />
                                        <label
                                            for=id
                                            class="star"
                                            class:lit=move || n <= lit()
                                            title=star_label(n)
                                            // A pointer click on a star sends it at once.
                                            on:click=move |e: ev::MouseEvent| {
                                                e.prevent_default();
                                                chosen.set(n);
                                                submit(n);
                                            }
                                        >
                                            <span aria-hidden="true">"★"</span>
                                            <span class="visually-hidden">
                                                {format!("{n} sao: {}", star_label(n))}
                                            </span>
                                        </label>
                                    </span>
                                }
                            })
                            .collect_view()}
                    </div>
                    <span class="star-hint" aria-hidden="true">{move || star_label(lit())}</span>
                    <button type="submit" class="button">"Gửi đánh giá"</button>
                </fieldset>
            </form>
            <p class="rating-status" role="status">{move || message.get()}</p>
        </section>
    }
}
