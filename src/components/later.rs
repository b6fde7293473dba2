//! Building the page in more than one piece.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// Parts waiting for a task of their own, in the order they are built.
    static WAITING: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::default();
    /// Where the next part goes: parts asked for while one is built come
    /// before the parts already waiting, so the page is built top to bottom
    /// (the header's own parts before the main column).
    static NEXT_AT: Cell<usize> = const { Cell::new(0) };
    /// Whether a task to build the next part is already asked for.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Builds the first waiting part, then asks for a task for the next.
fn build_next() {
    ASKED.set(false);
    NEXT_AT.set(0);
    let part = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        (!w.is_empty()).then(|| w.remove(0))
    });
    if let Some(build) = part {
        build();
    }
    NEXT_AT.set(0);
    if WAITING.with(|w| !w.borrow().is_empty()) && !ASKED.replace(true) {
        set_timeout(build_next, Duration::ZERO);
    }
}

/// Renders its children in a task of their own, after the one that built the
/// rest and after the parts above them; with `last`, after every other part.
/// On a slow phone no single task then keeps the main thread busy for long:
/// each first call into the wasm also compiles the code it runs, so smaller
/// tasks compile less at a time.
#[component]
pub fn Later(children: Children, #[prop(optional)] last: bool) -> impl IntoView {
    let ready = RwSignal::new(false);
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let at = if last {
            w.len()
        } else {
            NEXT_AT.get().min(w.len())
        };
        if !last {
            NEXT_AT.set(at + 1);
        }
        w.insert(at, Box::new(move || ready.set(true)));
    });
    if !ASKED.replace(true) {
        set_timeout(build_next, Duration::ZERO);
    }
    // Built once: `ready` changes only once, from false to true.
    let children = Cell::new(Some(children));
    move || ready.get().then(|| children.take().map(|c| c()))
}
