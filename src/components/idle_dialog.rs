//! The idle-session dialog: a member who has not touched the page for the
//! server's idle limit minus 60 seconds is asked whether to stay signed in,
//! with a live countdown; at zero they are signed out and told so, and the
//! page stays as it was.
//!
//! Activity is kept in the browser's storage, so all tabs of the site share it:
//! reading in one tab keeps the others from asking.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::member::{sign_out_everywhere, use_membership};
use crate::api::{self, Answer, Call, FetchError};
use crate::format::number_text;

/// When the member last did something, in any tab (milliseconds since 1970).
const ACTIVITY_KEY: &str = "ntm-hoat-dong";
/// How long the dialog counts down before signing out.
const WARNING_MS: f64 = 60_000.0;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn last_activity() -> f64 {
    storage()
        .and_then(|s| s.get_item(ACTIVITY_KEY).ok().flatten())
        // The browser's own number parsing: no float parser in the wasm.
        .map(|v| js_sys::Number::parse_float(&v))
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

fn record_activity(at: f64) {
    if let Some(s) = storage() {
        let _ = s.set_item(ACTIVITY_KEY, &number_text(at));
    }
}

thread_local! {
    /// When the session was last extended: one dialog a page, so kept here
    /// rather than in a stored value of a type used nowhere else.
    static LAST_EXTEND: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

#[component]
pub fn IdleDialog() -> impl IntoView {
    let membership = use_membership();
    let idle_ms = move || {
        membership.state.with_untracked(|s| {
            s.as_ref()
                .map_or(0.0, |s| f64::from(s.idle_seconds) * 1000.0)
        })
    };
    // Seconds left while the dialog is open (1 to 60), 0 while it is closed:
    // a u8 signal, whose code the reading controls and the stars compiled
    // into the wasm already.
    let left = RwSignal::new(0u8);
    let extend = api::action();

    Effect::new(move || match api::last(extend, Answer::session) {
        Some(Ok(state)) => membership.state.set(Some(state)),
        Some(Err(FetchError::Status(401, message))) => {
            membership.forget(message.as_deref().unwrap_or("Phiên đăng nhập đã hết hạn."));
        }
        _ => {}
    });

    // Any pointer, key, scroll or touch counts as activity (not while the
    // dialog asks: then only its button does). The server hears of it now and
    // then, so the session does not run out under a reader who is there.
    let on_activity = move || {
        if left.get_untracked() > 0 || !membership.signed_in() {
            return;
        }
        let now = js_sys::Date::now();
        if now - last_activity() > 1_000.0 {
            record_activity(now);
        }
        if now - LAST_EXTEND.get() > idle_ms() / 3.0 {
            LAST_EXTEND.set(now);
            extend.dispatch(Call::ExtendSession);
        }
    };
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| on_activity()),
        window_event_listener(ev::keydown, move |_| on_activity()),
        window_event_listener(ev::scroll, move |_| on_activity()),
        window_event_listener(ev::touchstart, move |_| on_activity()),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));

    // A member who has just signed in starts with a clean slate.
    Effect::new(move || {
        if membership.signed_in() {
            let now = js_sys::Date::now();
            record_activity(now);
            LAST_EXTEND.set(now);
        }
    });

    let stay = move || {
        let now = js_sys::Date::now();
        record_activity(now);
        LAST_EXTEND.set(now);
        left.set(0);
        extend.dispatch(Call::ExtendSession);
    };

    let tick = move || {
        if !membership.signed_in() {
            left.set(0);
            return;
        }
        let remaining = idle_ms() - (js_sys::Date::now() - last_activity());
        if remaining <= 0.0 {
            left.set(0);
            membership.forget(
                "Bạn đã được đăng xuất vì không sử dụng trang trong thời gian dài. \
                 Nội dung đang đọc vẫn được giữ nguyên.",
            );
            leptos::task::spawn_local(sign_out_everywhere());
        } else if remaining <= WARNING_MS {
            left.set((remaining / 1000.0).ceil() as u8);
        } else {
            left.set(0);
        }
    };
    if let Ok(timer) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || timer.clear());
    }

    // The native modal dialog: focus goes into it, the page behind is inert.
    // Found by its id: a node reference of this kind would be one more kind
    // compiled into the wasm. It is there before `left` first changes.
    Effect::new(move || {
        let open = left.get() > 0;
        let dialog = document().get_element_by_id("idle-dialog");
        if let Some(d) = dialog.and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });

    view! {
        <dialog
            id="idle-dialog"
            class="idle-dialog"
            role="alertdialog"
            aria-labelledby="idle-title"
            aria-describedby="idle-text"
            // Escape means the member is there: stay signed in.
            on:cancel=move |e: ev::Event| {
                e.prevent_default();
                stay();
            }
        >
            <h2 id="idle-title">"Phiên đăng nhập sắp hết hạn"</h2>
            <p id="idle-text">
                "Bạn đã không sử dụng Site, "
                <button type="button" class="link-button" autofocus on:click=move |_| stay()>
                    "Bấm vào đây để duy trì trạng thái đăng nhập"
                </button>
                ". Thời gian chờ: "
                <span class="idle-countdown">{move || left.get().to_string()}</span>
                " giây"
            </p>
        </dialog>
    }
}
