//! The least an app on the design card's crates carries: routing, a fetch, a
//! decode into a type, a Suspense. Its wasm size is the floor under the
//! product's (scripts/bench-size.sh).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
use serde::Deserialize;

#[derive(Clone, Deserialize)]
struct Site {
    name: String,
    address: String,
    phone: String,
}

async fn fetch_site(url: String) -> Result<Site, String> {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let raw = web_sys::Response::from(response);
    let promise = raw.json().map_err(|_| "JSON".to_owned())?;
    let json = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| "JSON".to_owned())?;
    serde_wasm_bindgen::from_value(json).map_err(|_| "shape".to_owned())
}

#[component]
fn SitePage() -> impl IntoView {
    let params = use_params_map();
    let site = LocalResource::new(move || {
        fetch_site(format!(
            "/api/{}",
            params.read().get("slug").unwrap_or_default()
        ))
    });
    view! {
        <Suspense fallback=|| view! { <p>"…"</p> }>
            {move || Suspend::new(async move {
                match site.await {
                    Ok(s) => view! { <h1>{s.name}</h1><p>{s.address}</p><p>{s.phone}</p> }.into_any(),
                    Err(e) => view! { <p role="alert">{e}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router>
            <nav><A href="/">"Trang chủ"</A> <A href="/p/site">"Trang"</A></nav>
            <main>
                <Routes fallback=|| "Không tìm thấy">
                    <Route path=path!("/") view=|| view! { <p>"Trang chủ"</p> }/>
                    <Route path=path!("/p/:slug") view=SitePage/>
                </Routes>
            </main>
        </Router>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
