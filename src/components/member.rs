//! The signed-in member: who it is, shared by every part of the page; the
//! header's greeting or sign-in links; and agreement between tabs.

use leptos::ev;
use leptos::prelude::*;
use ntm_types::SessionState;
use ntm_views::header::{member_menu, signed_out_links};

use crate::api::{self, Answer, Call};

/// Written to the browser's storage whenever this tab signs in or out: other
/// tabs get a `storage` event and ask the server who is signed in.
const SESSION_CHANGED: &str = "ntm-phien";

/// The session as the server last told it, and a notice for the member (why
/// they were signed out).
#[derive(Clone, Copy)]
pub struct Membership {
    pub state: RwSignal<Option<SessionState>>,
    pub notice: RwSignal<String>,
    /// The signed-in member's id: what a member's own answers (votes in
    /// members' polls) depend on. Changes only when another member signs in.
    pub member_id: Memo<Option<i64>>,
}

impl Membership {
    /// Nobody signed in, until the server says otherwise.
    fn new() -> Self {
        let state = RwSignal::new(None::<SessionState>);
        Membership {
            state,
            notice: RwSignal::new(String::new()),
            member_id: Memo::new(move |_| {
                state.with(|s| s.as_ref().and_then(|s| s.member.as_ref()).map(|m| m.id))
            }),
        }
    }

    pub fn signed_in(&self) -> bool {
        self.state
            .with(|s| s.as_ref().is_some_and(|s| s.member.is_some()))
    }

    /// Forgets the member here (the server has already, or is about to).
    pub fn forget(&self, notice: &str) {
        self.state.update(|s| {
            if let Some(s) = s {
                s.member = None;
                s.csrf_token = None;
            }
        });
        self.notice.set(notice.to_owned());
    }
}

/// Asks the server who is signed in, and again whenever another tab signs in
/// or out; call once, inside the router.
pub fn provide_membership() {
    let membership = Membership::new();
    let load = api::action();
    load.dispatch(Call::Session);
    Effect::new(move || {
        if let Some(Ok(state)) = api::last(load, Answer::session) {
            membership.state.set(Some(state));
        }
    });
    let listener = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() == Some(SESSION_CHANGED) {
            load.dispatch(Call::Session);
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(membership);
}

/// The shared membership; a signed-out one where none is provided (a
/// component mounted on its own, in tests).
pub fn use_membership() -> Membership {
    use_context::<Membership>().unwrap_or_else(Membership::new)
}

/// Tells the other tabs that this one signed in or out.
pub fn announce_change() {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(
            SESSION_CHANGED,
            &crate::format::number_text(js_sys::Date::now()),
        );
    }
}

/// Signs out on the server, then tells the other tabs (after, so that when
/// they ask the server it already knows).
pub async fn sign_out_everywhere() {
    let _ = api::sign_out().await;
    announce_change();
}

/// The header's part: the member's name and a sign-out button, or the links
/// to sign in and to register.
#[component]
pub fn MemberMenu() -> impl IntoView {
    let membership = use_membership();
    let on_sign_out = move |_| {
        membership.forget("Bạn đã đăng xuất.");
        leptos::task::spawn_local(sign_out_everywhere());
    };
    let member = move || match membership.state.get().and_then(|s| s.member) {
        Some(member) => view! {
            <span class="member-name">"Xin chào, " <strong>{member.name}</strong></span>
            <button type="button" class="button button-secondary" on:click=on_sign_out>
                "Đăng xuất"
            </button>
        }
        .into_any(),
        None => signed_out_links().into_any(),
    };
    member_menu(member, move || membership.notice.get())
}
