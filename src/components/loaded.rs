//! One way to show fetched data everywhere: a placeholder while it loads, the
//! content when it arrives, a message with a retry button when it fails.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::not_found::NotFound;
use crate::api::{decode, ApiResult, FetchError, JsonResource};

/// Turns fetched JSON into a view; see [`render`].
pub type Render = Arc<dyn Fn(wasm_bindgen::JsValue) -> ApiResult<AnyView> + Send + Sync>;

/// Decodes the JSON as a `T` and shows it with `f`. Only this small step is
/// generic; [`Loaded`] itself is compiled once for every page.
pub fn render<T, V>(f: impl Fn(T) -> V + Send + Sync + 'static) -> Render
where
    T: DeserializeOwned,
    V: IntoView + 'static,
{
    Arc::new(move |json| decode::<T>(json).map(|data| f(data).into_any()))
}

/// Shows `view` of the data once `resource` has loaded, `placeholder` until then
/// (again on every reload), and an error message with a retry button on
/// failure. A 404 shows the not-found view, since retrying cannot help.
#[component]
pub fn Loaded(
    resource: JsonResource,
    #[prop(into)] placeholder: ViewFn,
    view: Render,
    /// Heading of the page when loading fails, for pages whose heading comes
    /// with the data.
    #[prop(optional)]
    error_title: Option<&'static str>,
    /// Shown when the backend has no such thing; the not-found page otherwise.
    /// Blocks beside the page use it, so a missing block never looks like a
    /// missing page.
    #[prop(optional, into)]
    on_missing: Option<ViewFn>,
) -> impl IntoView {
    let fallback = placeholder.clone();
    view! {
        <Suspense fallback=move || view! { {fallback.run()} <SlowNotice on_retry=move |()| resource.refetch()/> }>
            {move || {
                let view = view.clone();
                let on_missing = on_missing.clone();
                Suspend::new(async move {
                    match resource.await.and_then(|json| view(json)) {
                        Ok(shown) => shown,
                        Err(FetchError::NotFound(message)) => match &on_missing {
                            Some(missing) => missing.run(),
                            // The answer may come from a proxy that is being
                            // restarted, so a retry is still offered.
                            None => view! {
                                <NotFound message/>
                                <RetryButton on_retry=move |()| resource.refetch()/>
                            }
                            .into_any(),
                        },
                        Err(error) => {
                            if let Some(t) = error_title {
                                crate::meta::set_page_meta(t, "");
                            }
                            view! {
                                {error_title.map(|t| view! { <h1 class="page-title">{t}</h1> })}
                                <ErrorMessage error on_retry=move |()| resource.refetch()/>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// A failed request: what went wrong, in Vietnamese, and a way to try again.
/// The retry is a [`Callback`], not a generic closure: these components are
/// compiled once, not once per caller.
#[component]
pub fn ErrorMessage(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            <p>{error.to_string()}</p>
            <RetryButton on_retry/>
        </div>
    }
}

#[component]
fn RetryButton(#[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| on_retry.run(())>
            "Thử lại"
        </button>
    }
}

/// After this long without an answer the reader is told, and offered a retry.
const SLOW_AFTER: Duration = Duration::from_secs(5);

/// Joins a placeholder once loading takes longer than [`SLOW_AFTER`]. The
/// request goes on meanwhile (a slow line may still deliver); the button starts
/// it again.
#[component]
pub fn SlowNotice(#[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let slow = RwSignal::new(false);
    if let Ok(timer) = set_timeout_with_handle(move || slow.set(true), SLOW_AFTER) {
        // The placeholder goes when the data comes: the timer must not outlive it.
        on_cleanup(move || timer.clear());
    }
    move || {
        slow.get().then(|| {
            view! {
                <div class="slow-notice" role="status">
                    <p>"Máy chủ đang phản hồi chậm, nội dung sẽ hiện ra khi tải xong."</p>
                    <RetryButton on_retry/>
                </div>
            }
        })
    }
}
