//! Grey blocks shown while content loads. They take about the room the content
//! will take, and the main column keeps a minimum height, so nothing below jumps.

use leptos::prelude::*;

/// `lines` bars of text-like placeholder.
#[component]
pub fn TextLines(lines: usize) -> impl IntoView {
    (0..lines)
        .map(|_| view! { <span class="skeleton skeleton-line"></span> })
        .collect_view()
}

/// Stands in for a news list while it loads.
#[component]
pub fn ListPlaceholder() -> impl IntoView {
    view! {
        <div class="placeholder" role="status" aria-busy="true">
            <span class="visually-hidden">"Đang tải danh sách tin…"</span>
            {(0..5)
                .map(|_| {
                    view! {
                        <div class="news-item">
                            <span class="skeleton news-thumb"></span>
                            <div class="news-text">
                                <span class="skeleton skeleton-title"></span>
                                <TextLines lines=3/>
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Stands in for an article while it loads.
#[component]
pub fn ArticlePlaceholder() -> impl IntoView {
    view! {
        <div class="placeholder" role="status" aria-busy="true">
            <span class="visually-hidden">"Đang tải bài viết…"</span>
            <span class="skeleton skeleton-crumb"></span>
            <span class="skeleton skeleton-heading"></span>
            <span class="skeleton skeleton-heading short"></span>
            <span class="skeleton skeleton-line short"></span>
            <TextLines lines=3/>
            <span class="skeleton skeleton-photo"></span>
            <TextLines lines=8/>
        </div>
    }
}
