//! The view for what is not there.

use leptos::prelude::*;

use crate::meta::set_page_meta;

/// What an address that leads nowhere shows: the router's fallback page,
/// and any view whose data the backend does not have.
#[component]
pub fn NotFound(#[prop(optional, into)] message: Option<String>) -> impl IntoView {
    set_page_meta("Không tìm thấy trang", "");
    view! {
        <div class="not-found">
            <h1 class="page-title">"Không tìm thấy trang"</h1>
            <p>
                {message.unwrap_or_else(|| {
                    "Địa chỉ bạn truy cập không tồn tại hoặc đã được chuyển đi.".to_owned()
                })}
            </p>
            <p><a href="/">"Về trang chủ"</a></p>
        </div>
    }
}
