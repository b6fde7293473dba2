use leptos::prelude::*;

use crate::meta::set_page_meta;

/// The page for an address that leads nowhere.
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
