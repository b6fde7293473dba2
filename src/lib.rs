//! Front end of the Nông thôn mới portal: client-side Leptos, talking JSON to any
//! backend that honours `openapi/openapi.json`.

pub mod api;
pub mod components;
pub mod first_view;
pub mod format;
pub mod meta;
pub mod pages;
pub mod sanitize;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::idle_dialog::IdleDialog;
use components::later::Later;
use components::not_found::NotFound;
use components::offline::OfflineNotice;
use components::prefetch::LinkPrefetch;
use components::route_focus::{RouteFocus, SkipLink};
use components::shell::{SiteFooter, SiteHeader};
use components::sidebar::Sidebar;
use components::stats::VisitReporter;
use pages::{
    ArticlePage, CategoryPage, DocumentDetailPage, DocumentsPage, HomePage, PollsPage,
    RegisterPage, SearchPage, SignInPage, StaticPage,
};

/// The whole app: the site shell around the routed page.
#[component]
pub fn App() -> impl IntoView {
    ntm_views::set_media_origins(api::media_origins().to_vec());
    components::shared::provide_shared::<(i64, Option<i64>), components::poll::PollState>();
    components::shared::provide_shared::<String, ntm_types::RatingState>();
    components::shell::provide_site();
    components::member::provide_membership();
    components::stats::provide_figures();
    view! {
        <Router>
            <RouteFocus/>
            <SkipLink/>
            <Later><SiteHeader/></Later>
            <OfflineNotice/>
            <div class="layout">
                <main id="noi-dung" class="main" tabindex="-1">
                    // The page is built in a task after the frame's: two
                    // shorter tasks for a slow phone instead of one long one.
                    <Later><Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/chuyen-muc/:slug") view=CategoryPage/>
                        <Route path=path!("/tin-tuc/:slug") view=ArticlePage/>
                        <Route path=path!("/tham-do-y-kien") view=PollsPage/>
                        <Route path=path!("/van-ban") view=DocumentsPage/>
                        <Route path=path!("/van-ban/:slug") view=DocumentDetailPage/>
                        <Route path=path!("/trang/:slug") view=StaticPage/>
                        <Route path=path!("/tim-kiem") view=SearchPage/>
                        <Route path=path!("/dang-nhap") view=SignInPage/>
                        <Route path=path!("/dang-ky") view=RegisterPage/>
                    </Routes></Later>
                </main>
                <Later><Sidebar/></Later>
            </div>
            // What no one sees at first waits for a quiet moment.
            <Later last=true>
                <SiteFooter/>
                <VisitReporter/>
                <LinkPrefetch/>
                <IdleDialog/>
            </Later>
        </Router>
    }
}

/// Entry point of the wasm binary.
pub fn start() {
    sanitize::install_default_policy();
    first_view::drop_if_elsewhere();
    // Instantiating the wasm is one task, building the page the next: two
    // shorter waits for a slow phone's main thread instead of one long one.
    leptos::prelude::set_timeout(
        || {
            leptos::mount::mount_to_body(App);
            first_view::hand_over();
        },
        std::time::Duration::ZERO,
    );
    components::offline::register_service_worker();
}
