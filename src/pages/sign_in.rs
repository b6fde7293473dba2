use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, Answer, Call};
use crate::components::form_field::{form_value, Field};
use crate::components::member::{announce_change, use_membership};
use crate::meta::set_page_meta;

/// Where to go after signing in: `?tiep=` when it is a path of this site.
fn next_path(raw: Option<String>) -> String {
    raw.filter(|p| p.starts_with('/') && !p.starts_with("//") && !p.contains('\\'))
        .unwrap_or_else(|| "/".to_owned())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    set_page_meta("Đăng nhập", "Đăng nhập tài khoản thành viên.");
    let membership = use_membership();
    let query = use_query_map();
    let navigate = use_navigate();
    let message = RwSignal::new(String::new());
    let send = api::action();
    Effect::new(move || match api::last(send, Answer::session) {
        Some(Ok(state)) => {
            membership.state.set(Some(state));
            membership.notice.set(String::new());
            announce_change();
            navigate(
                &next_path(query.read_untracked().get("tiep")),
                Default::default(),
            );
        }
        Some(Err(e)) => message.set(e.to_string()),
        None => {}
    });
    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        message.set("Đang đăng nhập…".to_owned());
        send.dispatch(Call::SignIn(
            form_value(&e, "email"),
            form_value(&e, "password"),
        ));
    };
    view! {
        <h1 class="page-title">"Đăng nhập"</h1>
        <form class="member-form" on:submit=on_submit novalidate>
            <Field label="E-mail" name="email" kind="email" autocomplete="email"/>
            <Field label="Mật khẩu" name="password" kind="password" autocomplete="current-password"/>
            <button type="submit" class="button" disabled=move || send.pending().get()>"Đăng nhập"</button>
            <p class="form-message" role="status">{move || message.get()}</p>
        </form>
        <p>"Chưa có tài khoản? " <a href="/dang-ky">"Đăng ký thành viên"</a></p>
    }
}
