//! One way to show fetched data everywhere: a placeholder while it loads, the
//! content when it arrives, a message with a retry button when it fails.

use leptos::prelude::*;

use crate::api::{ApiResult, FetchError};
use crate::pages::NotFound;

/// Shows `view(data)` once `resource` has loaded, `placeholder` until then (again
/// on every reload), and an error message with a retry button on failure. A 404
/// shows the not-found view, since retrying cannot help.
#[component]
pub fn Loaded<T, F, V>(
    resource: LocalResource<ApiResult<T>>,
    #[prop(into)] placeholder: ViewFn,
    view: F,
    /// Heading of the page when loading fails, for pages whose heading comes
    /// with the data.
    #[prop(optional)]
    error_title: Option<&'static str>,
    /// Shown when the backend has no such thing; the not-found page otherwise.
    /// Blocks beside the page use it, so a missing block never looks like a
    /// missing page.
    #[prop(optional, into)]
    on_missing: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let fallback = placeholder.clone();
    view! {
        <Suspense fallback=move || fallback.run()>
            {move || {
                let view = view.clone();
                let on_missing = on_missing.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => view(data).into_any(),
                        Err(FetchError::NotFound(message)) => match &on_missing {
                            Some(missing) => missing.run(),
                            None => view! { <NotFound message/> }.into_any(),
                        },
                        Err(error) => {
                            if let Some(t) = error_title {
                                crate::meta::set_page_meta(t, "");
                            }
                            view! {
                                {error_title.map(|t| view! { <h1 class="page-title">{t}</h1> })}
                                <ErrorMessage error on_retry=move || resource.refetch()/>
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
#[component]
pub fn ErrorMessage(error: FetchError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>
                "Thử lại"
            </button>
        </div>
    }
}
