//! Sharing an article: copy its link, send it to Zalo or Facebook by a plain
//! link to their share pages (none of their scripts is loaded, so the CSP
//! stays as it is), and the phone's own share sheet where the browser has one.

use js_sys::{Object, Reflect, JSON};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ntm_views::links::{encode_component, new_tab_note};
use wasm_bindgen_futures::JsFuture;

/// Zalo's share page takes the link as base64 of `{"url": …}` (what its own
/// share button sends).
const ZALO: &str = "https://button-share.zalo.me/share_external?layout=1&d=";
const FACEBOOK: &str = "https://www.facebook.com/sharer/sharer.php?u=";

/// The article's address without query or fragment.
fn page_url() -> String {
    let location = window().location();
    location.origin().unwrap_or_default() + &location.pathname().unwrap_or_default()
}

fn zalo_href(url: &str) -> Option<String> {
    let payload = Object::new();
    Reflect::set(&payload, &"url".into(), &url.into()).ok()?;
    let json = JSON::stringify(&payload).ok()?;
    // btoa takes Latin-1 only; the address is ASCII (the browser has
    // percent-encoded it), and a failure only leaves the Zalo link out.
    let base64 = window().btoa(&String::from(json)).ok()?;
    Some(ZALO.to_owned() + &encode_component(&base64))
}

/// `navigator[name]`, where the browser has it (the clipboard needs a secure
/// page; the share sheet is mostly on phones).
fn navigator_has(name: &str) -> bool {
    Reflect::get(&window().navigator(), &name.into()).is_ok_and(|v| !v.is_undefined())
}

#[component]
pub fn Share(title: String) -> impl IntoView {
    let url = page_url();
    let facebook = FACEBOOK.to_owned() + &encode_component(&url);
    let zalo = zalo_href(&url);
    // A String, as every other message the app sets: a signal of `&str`
    // would be one more kind of signal compiled into the wasm.
    let notice = RwSignal::new(String::new());
    let copy =
        {
            let url = url.clone();
            move |_| {
                let url = url.clone();
                spawn_local(async move {
                    let copied = if navigator_has("clipboard") {
                        let promise = window().navigator().clipboard().write_text(&url);
                        JsFuture::from(promise).await.is_ok()
                    } else {
                        false
                    };
                    notice.set(if copied {
                    "Đã chép liên kết bài viết."
                } else {
                    "Trình duyệt không cho chép tự động: hãy chép địa chỉ trên thanh địa chỉ."
                }
                .to_owned());
                });
            }
        };
    let native = navigator_has("share").then(|| {
        let data = web_sys::ShareData::new();
        data.set_title(&title);
        data.set_url(&url);
        let share = move |_| {
            let promise = window().navigator().share_with_data(&data);
            // Closing the sheet rejects the promise: nothing to tell.
            spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        };
        view! { <button type="button" class="tool-button" on:click=share>"Chia sẻ khác…"</button> }
    });
    view! {
        <div class="share" role="group" aria-labelledby="chia-se">
            <span id="chia-se" class="share-label">"Chia sẻ bài viết:"</span>
            <button type="button" class="tool-button" on:click=copy>"Chép liên kết"</button>
            {zalo.map(|href| view! {
                <a class="share-link" href=href target="_blank" rel="noopener noreferrer">"Zalo" {new_tab_note()}</a>
            })}
            <a class="share-link" href=facebook target="_blank" rel="noopener noreferrer">"Facebook" {new_tab_note()}</a>
            {native}
            <p class="share-notice" role="status">{move || notice.get()}</p>
        </div>
    }
}
