use leptos::prelude::*;

/// Links to the previous and next pages of a list (`?trang=N`).
#[component]
pub fn Pager(
    /// Path of the list, e.g. `/` or `/chuyen-muc/abc`.
    path: String,
    page: u32,
    total_pages: u32,
) -> impl IntoView {
    let href = move |n: u32| {
        if n <= 1 {
            path.clone()
        } else {
            format!("{path}?trang={n}")
        }
    };
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Phân trang">
                {(page > 1).then(|| view! { <a href=href(page - 1) rel="prev">"« Trang trước"</a> })}
                <span class="pager-status">{format!("Trang {page}/{total_pages}")}</span>
                {(page < total_pages).then(|| view! { <a href=href(page + 1) rel="next">"Trang sau »"</a> })}
            </nav>
        }
    })
}
