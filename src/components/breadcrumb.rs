use leptos::prelude::*;
use leptos_router::components::A;

/// "Trang chủ › Chuyên mục": where the page sits in the site.
#[component]
pub fn Breadcrumb(
    /// (label, href) pairs after "Trang chủ".
    items: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="Đường dẫn">
            <ol>
                <li>
                    <A href="/">"Trang chủ"</A>
                </li>
                {items
                    .into_iter()
                    .map(|(label, href)| view! { <li><A href=href>{label}</A></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}
