//! Offline reading: the service worker (public/sw.js) keeps the app and what
//! was read; this registers it, and tells the reader when the page is offline.

use std::time::Duration;

use js_sys::{Function, Object, Reflect};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The browser's `navigator`, read without a web-sys feature for it.
fn navigator() -> wasm_bindgen::JsValue {
    Reflect::get(&window(), &"navigator".into()).unwrap_or_default()
}

/// Registers the service worker a little after start, so it does not compete
/// with the first view for the network.
pub fn register_service_worker() {
    set_timeout(
        || {
            let Ok(container) = Reflect::get(&navigator(), &"serviceWorker".into()) else {
                return;
            };
            let Ok(register) = Reflect::get(&container, &"register".into()) else {
                return;
            };
            let Ok(register) = register.dyn_into::<Function>() else {
                return;
            };
            // The worker needs the API base to know which answers to keep.
            let url = format!(
                "/sw.js?api={}",
                String::from(js_sys::encode_uri_component(crate::api::base()))
            );
            let options = Object::new();
            let _ = Reflect::set(&options, &"scope".into(), &"/".into());
            if let Ok(promise) = register.call2(&container, &url.into(), &options) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    // A refusal (private mode, an old browser) changes nothing.
                    leptos::task::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                    });
                }
            }
        },
        Duration::from_secs(2),
    );
}

/// "You are offline" while the browser has no network.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let on_line = Reflect::get(&navigator(), &"onLine".into()).ok();
    let online = RwSignal::new(on_line.and_then(|v| v.as_bool()).unwrap_or(true));
    let listeners = [
        window_event_listener(ev::online, move |_| online.set(true)),
        window_event_listener(ev::offline, move |_| online.set(false)),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    view! {
        <p class="offline-notice" role="status" hidden=move || online.get()>
            "Bạn đang ngoại tuyến. Các bài đã đọc vẫn mở được; nội dung có thể chưa phải bản mới nhất."
        </p>
    }
}
