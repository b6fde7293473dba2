use leptos::ev;
use leptos::prelude::*;

use crate::api::{self, Answer, Call};
use crate::components::form_field::{form_value, Field};
use crate::meta::set_page_meta;

#[component]
pub fn RegisterPage() -> impl IntoView {
    set_page_meta("Đăng ký thành viên", "Đăng ký tài khoản thành viên.");
    let message = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let send = api::action();
    Effect::new(move || match api::last(send, Answer::notice) {
        Some(Ok(notice)) => {
            message.set(notice.message);
            done.set(true);
        }
        Some(Err(e)) => message.set(e.to_string()),
        None => {}
    });
    let on_submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        message.set("Đang gửi…".to_owned());
        send.dispatch(Call::Register(
            form_value(&e, "name"),
            form_value(&e, "email"),
            form_value(&e, "password"),
        ));
    };
    view! {
        <h1 class="page-title">"Đăng ký thành viên"</h1>
        <form class="member-form" on:submit=on_submit novalidate>
            <Field label="Họ và tên" name="name" autocomplete="name"/>
            <Field label="E-mail" name="email" kind="email" autocomplete="email"/>
            <Field label="Mật khẩu (ít nhất 8 ký tự)" name="password" kind="password" autocomplete="new-password"/>
            <button type="submit" class="button" disabled=move || send.pending().get()>"Đăng ký"</button>
            <p class="form-message" role="status">{move || message.get()}</p>
        </form>
        {move || done.get().then(|| view! { <p><a href="/dang-nhap">"Đăng nhập ngay"</a></p> })}
    }
}
