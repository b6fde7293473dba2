//! "Nghe bài viết": the browser reads the article aloud with its own speech
//! synthesis in Vietnamese, a block at a time (title, lead, then the body's
//! paragraphs, headings, list items, captions, cells), marking the block being
//! read and keeping it in view. No service, no audio file. Where the browser
//! has no Vietnamese voice, nothing is shown.

use std::sync::atomic::{AtomicU8, Ordering::Relaxed};
use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition, SpeechSynthesis,
    SpeechSynthesisUtterance, SpeechSynthesisVoice,
};

/// The body's blocks that are read, each on its own.
macro_rules! blocks {
    () => {
        "p,h2,h3,h4,h5,h6,li,dt,dd,blockquote,figcaption,caption,th,td,pre"
    };
}
const BLOCKS: &str = blocks!();
/// What is read, in document order. A match holding another (a list item
/// around a paragraph, a body without blocks) is read only through what it
/// holds, or whole when it holds none.
const READ: &str = concat!(
    ".article-title,.article-lead,.article-body,.article-body :is(",
    blocks!(),
    ")"
);
const MARK: &str = "speaking";

// The reading's states (a u8 signal: the star rating's code serves it too).
const IDLE: u8 = 0;
const SPEAKING: u8 = 1;
const PAUSED: u8 = 2;

fn synthesis() -> Option<SpeechSynthesis> {
    let w = window();
    let present = js_sys::Reflect::has(&w, &"speechSynthesis".into()).unwrap_or(false);
    present.then(|| w.speech_synthesis().ok()).flatten()
}

/// A voice for `vi`, `vi-VN` or `vi_VN`.
fn vietnamese_voice(speech: &SpeechSynthesis) -> Option<SpeechSynthesisVoice> {
    speech
        .get_voices()
        .iter()
        .map(JsCast::unchecked_into::<SpeechSynthesisVoice>)
        .find(|v| {
            let lang = v.lang();
            lang == "vi" || lang.starts_with("vi-") || lang.starts_with("vi_")
        })
}

/// The article's blocks to read, with their text.
fn blocks(article: &Element) -> Vec<(Element, String)> {
    let Ok(found) = article.query_selector_all(READ) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
        .filter(|el| el.query_selector(BLOCKS).ok().flatten().is_none())
        .filter_map(|el| {
            let text = el.text_content()?.trim().to_owned();
            (!text.is_empty()).then_some((el, text))
        })
        .collect()
}

fn mark(el: &Element, on: bool) {
    let _ = el.class_list().toggle_with_force(MARK, on);
    if on {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The element a click landed on.
fn clicked(e: &MouseEvent) -> Option<Element> {
    e.target()?.dyn_into::<Element>().ok()
}

/// Reads the blocks of `article` aloud; `state` goes back to idle after the
/// last one, unless `reading` has moved on (stopped, started again, the
/// component gone). Not a signal: a cancel may end a block at once, while the
/// component is being disposed.
fn read(article: &Element, state: RwSignal<u8>, reading: &Arc<AtomicU8>) {
    let Some(speech) = synthesis() else {
        return;
    };
    let this = reading.load(Relaxed);
    let voice = vietnamese_voice(&speech);
    let blocks = blocks(article);
    let Some(last) = blocks.len().checked_sub(1) else {
        return;
    };
    for (i, (el, text)) in blocks.into_iter().enumerate() {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            continue;
        };
        utterance.set_lang("vi-VN");
        // Only the browser's own voice object is taken (a wrong one would
        // throw); without it, the language alone picks a Vietnamese voice.
        if let Some(v) = voice
            .as_ref()
            .and_then(|v| v.dyn_ref::<SpeechSynthesisVoice>())
        {
            utterance.set_voice(Some(v));
        }
        let started = el.clone();
        let on_start = Closure::<dyn Fn()>::new(move || mark(&started, true)).into_js_value();
        // An error (a cancelled reading) ends a block like its end.
        let reading = Arc::clone(reading);
        let on_end = Closure::<dyn Fn()>::new(move || {
            mark(&el, false);
            if i == last && reading.load(Relaxed) == this {
                state.try_set(IDLE);
            }
        })
        .into_js_value();
        utterance.set_onstart(Some(on_start.unchecked_ref()));
        utterance.set_onend(Some(on_end.unchecked_ref()));
        utterance.set_onerror(Some(on_end.unchecked_ref()));
        speech.speak(&utterance);
    }
    state.set(SPEAKING);
}

#[component]
pub fn Listen() -> impl IntoView {
    let Some(speech) = synthesis() else {
        return ().into_any();
    };
    let has_voice = RwSignal::new(vietnamese_voice(&speech).is_some());
    // Chrome loads its voices after the page asks for them.
    let on_voices = Closure::<dyn Fn()>::new(move || {
        if let Some(s) = synthesis() {
            has_voice.try_set(vietnamese_voice(&s).is_some());
        }
    })
    .into_js_value();
    speech.set_onvoiceschanged(Some(on_voices.unchecked_ref()));

    let state = RwSignal::new(IDLE);
    // Each reading's number: the end of a stopped one must not end the next.
    let reading = Arc::new(AtomicU8::new(0));
    let cancel = |reading: &AtomicU8| {
        reading.fetch_add(1, Relaxed);
        if let Some(s) = synthesis() {
            s.cancel();
        }
    };
    {
        let reading = Arc::clone(&reading);
        on_cleanup(move || {
            if let Some(s) = synthesis() {
                s.set_onvoiceschanged(None);
            }
            cancel(&reading);
        });
    }
    let reading = StoredValue::new(reading);
    let stop = move || {
        reading.with_value(|r| cancel(r));
        state.set(IDLE);
    };

    let on_main = move |e: MouseEvent| {
        let Some(s) = synthesis() else {
            return;
        };
        match state.get_untracked() {
            IDLE => {
                if let Some(article) = clicked(&e).and_then(|b| b.closest("article").ok().flatten())
                {
                    stop();
                    read(&article, state, &reading.get_value());
                }
            }
            SPEAKING => {
                s.pause();
                state.set(PAUSED);
            }
            _ => {
                s.resume();
                state.set(SPEAKING);
            }
        }
    };
    let on_stop = move |e: MouseEvent| {
        stop();
        // The stop button goes: focus stays on the control before it.
        let main = clicked(&e).and_then(|b| b.previous_element_sibling());
        if let Some(b) = main.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            let _ = b.focus();
        }
    };
    view! {
        <span class="listen">
            {move || has_voice.get().then(|| view! {
                <button type="button" class="tool-button" on:click=on_main>
                    {move || match state.get() {
                        IDLE => "Nghe bài viết",
                        SPEAKING => "Tạm dừng",
                        _ => "Tiếp tục",
                    }}
                </button>
                {move || (state.get() != IDLE).then(|| view! {
                    <button type="button" class="tool-button" on:click=on_stop>"Dừng đọc"</button>
                })}
            })}
        </span>
    }
    .into_any()
}
