//! The frame around every page: header with the category menu, and footer.

use leptos::prelude::*;
use leptos_router::components::A;

use super::article_list::category_href;
use crate::api::{self, Endpoint};
use crate::meta::SITE_NAME;
use ntm_types::Category;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let categories = api::resource(|| Endpoint::Categories);
    view! {
        <header class="site-header">
            <div class="banner">
                <a href="/" class="site-name">
                    <span class="site-kicker">"Văn phòng Điều phối Chương trình MTQG"</span>
                    <span class="site-title">{SITE_NAME}</span>
                </a>
            </div>
            <nav class="main-menu" aria-label="Chuyên mục">
                <ul>
                    <li><A href="/" exact=true>"Trang chủ"</A></li>
                    // The menu is a convenience: if it fails to load, the pages still work.
                    {move || {
                        categories
                            .get()
                            .and_then(|r| r.and_then(api::decode::<Vec<Category>>).ok())
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| view! { <li><A href=category_href(&c.slug)>{c.name}</A></li> })
                            .collect_view()
                    }}
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="footer-office">
                "Văn phòng Điều phối Chương trình MTQG xây dựng nông thôn mới tỉnh Hà Tĩnh"
            </p>
            <p>"Địa chỉ: 148 đường Trần Phú, thành phố Hà Tĩnh"</p>
            <p>
                "Điện thoại: " <a href="tel:02393892689">"0239 3892 689"</a>
                " · Email: "
                <a href="mailto:nongthonmoitinhhatinh@gmail.com">"nongthonmoitinhhatinh@gmail.com"</a>
            </p>
        </footer>
    }
}
