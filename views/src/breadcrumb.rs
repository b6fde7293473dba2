use leptos::prelude::*;

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
                    <a href="/">"Trang chủ"</a>
                </li>
                {items
                    .into_iter()
                    .map(|(label, href)| view! { <li><a href=href>{label}</a></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}
