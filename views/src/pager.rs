use leptos::prelude::*;
use ntm_types::number::group_digits;

/// Links to the previous and next pages of a list (`?trang=N`, after any other
/// parameters of the list).
#[component]
pub fn Pager(
    /// Path of the list, e.g. `/` or `/chuyen-muc/abc`.
    path: String,
    /// The list's other URL parameters, e.g. `tu-khoa=ocop&nam=2024`.
    #[prop(optional)]
    query: String,
    page: u32,
    total_pages: u32,
) -> impl IntoView {
    let href = move |n: u32| match (query.is_empty(), n <= 1) {
        (true, true) => path.clone(),
        (true, false) => format!("{path}?trang={n}"),
        (false, true) => format!("{path}?{query}"),
        (false, false) => format!("{path}?{query}&trang={n}"),
    };
    let status = format!(
        "Trang {}/{}",
        group_digits(page.into()),
        group_digits(total_pages.into())
    );
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Phân trang">
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">"« Trang trước"</a> })}
                <span class="pager-status">{status}</span>
                {(page < total_pages).then(|| view! { <a href=href(page + 1) rel="next">"Trang sau »"</a> })}
            </nav>
        }
    })
}
