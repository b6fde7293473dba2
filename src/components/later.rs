//! Building the page in more than one piece.

use std::time::Duration;

use leptos::prelude::*;

/// Renders its children in a task of its own, right after the one that built
/// the rest. What is beside or below the first screen (sidebar, footer) comes
/// a moment later, and no single task keeps a slow phone's main thread busy
/// for long.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), Duration::ZERO);
    move || ready.get().then(|| children())
}
