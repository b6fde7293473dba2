//! Visitor statistics: reporting each page shown, and the "Thống kê" panel.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use ntm_types::datetime::format_day_month;
use ntm_types::{DailyVisits, Stats};

use super::block::Block;
use super::loaded::{render, ErrorMessage, Loaded, SlowNotice};
use crate::api::{self, Answer, ApiResult, Call, Endpoint};
use crate::format::number;

/// The latest figures, shared by the visit reporter and the panel, and why the
/// last fetch failed if it did. Both hold the action's own answer type: a
/// signal of another type would be one more kind compiled into the wasm.
#[derive(Clone, Copy)]
struct Figures {
    /// The last figures that came, as `Some(Ok(Answer::Stats(…)))`.
    stats: RwSignal<Option<ApiResult<Answer>>>,
    /// The last failure, as `Some(Err(…))`; `None` once figures come.
    error: RwSignal<Option<ApiResult<Answer>>>,
}

impl Figures {
    fn new() -> Self {
        Figures {
            stats: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    fn take(self, result: Option<ApiResult<Stats>>) {
        match result {
            Some(Ok(stats)) => {
                self.stats.set(Some(Ok(Answer::Stats(stats))));
                self.error.set(None);
            }
            Some(Err(e)) => self.error.set(Some(Err(e))),
            None => {}
        }
    }
}

/// The figures a kept answer holds.
fn figures_in(kept: &Option<ApiResult<Answer>>) -> Option<&Stats> {
    match kept {
        Some(Ok(Answer::Stats(s))) => Some(s),
        _ => None,
    }
}

/// Shares the figures between the visit reporter and the panel, which may be
/// built in either order; call once, at the top.
pub fn provide_figures() {
    provide_context(Figures::new());
}

/// How often the open panel refreshes itself.
const REFRESH: Duration = Duration::from_secs(60);

/// Reports the first page and every move inside the app to the backend, which
/// answers with fresh figures for the panel. Renders nothing.
#[component]
pub fn VisitReporter() -> impl IntoView {
    let figures = use_context::<Figures>().unwrap_or_else(Figures::new);
    let report = api::action();
    let path = use_location().pathname;
    Effect::new(move || {
        report.dispatch(Call::Visit(path.get()));
    });
    Effect::new(move || figures.take(api::last(report, Answer::stats)));
}

/// "Thống kê": online now (bots and guests), today, this month, in all; with a
/// chart of the last 30 days on demand.
#[component]
pub fn StatsBlock() -> impl IntoView {
    let shared = use_context::<Figures>().unwrap_or_else(Figures::new);
    let figures = shared.stats;
    // Refresh while the page is open, but not while the tab is hidden.
    let refresh = api::action();
    if let Ok(timer) = set_interval_with_handle(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                refresh.dispatch(Call::Stats);
            }
        },
        REFRESH,
    ) {
        on_cleanup(move || timer.clear());
    }
    Effect::new(move || shared.take(api::last(refresh, Answer::stats)));
    // Only when there is nothing to show: old figures beat an error message.
    let retry = move |()| {
        refresh.dispatch(Call::Stats);
    };
    let failure = move || {
        if figures.with(|f| figures_in(f).is_some()) {
            return None;
        }
        Some(match shared.error.get() {
            Some(Err(error)) => view! { <ErrorMessage error on_retry=retry/> }.into_any(),
            _ => view! { <SlowNotice on_retry=retry/> }.into_any(),
        })
    };

    let show = move |pick: fn(&Stats) -> u64| {
        move || figures.with(|f| figures_in(f).map_or_else(|| "…".to_owned(), |s| number(pick(s))))
    };
    let chart_open = RwSignal::new(false);
    view! {
        <Block id="block-stats" title="Thống kê">
            <dl class="stats">
                <div><dt>"Đang truy cập"</dt><dd>{show(|s| s.online.into())}</dd></div>
                <div class="stats-sub"><dt>"Máy chủ tìm kiếm"</dt><dd>{show(|s| s.bots.into())}</dd></div>
                <div class="stats-sub"><dt>"Khách viếng thăm"</dt><dd>{show(|s| s.guests.into())}</dd></div>
                <div><dt>"Hôm nay"</dt><dd>{show(|s| s.today)}</dd></div>
                <div><dt>"Tháng hiện tại"</dt><dd>{show(|s| s.month)}</dd></div>
                <div><dt>"Tổng lượt truy cập"</dt><dd>{show(|s| s.total)}</dd></div>
            </dl>
            {failure}
            <button
                type="button"
                class="button button-secondary"
                aria-expanded=move || chart_open.get().to_string()
                aria-controls="stats-chart"
                on:click=move |_| chart_open.update(|o| *o = !*o)
            >
                "Biểu đồ 30 ngày"
            </button>
            <div id="stats-chart">{move || chart_open.get().then(|| view! { <VisitsChart/> })}</div>
        </Block>
    }
}

/// Visits per day for 30 days: bars for the eye, a table for screen readers.
#[component]
fn VisitsChart() -> impl IntoView {
    let days = api::resource(|| Endpoint::DailyVisits(30));
    let chart = render(|days: Vec<DailyVisits>| {
        let max = days.iter().map(|d| d.visits).max().unwrap_or(0).max(1);
        // A date in another shape is shown as it came.
        let short = |date: &str| format_day_month(date);
        view! {
            <div class="chart" aria-hidden="true">
                {days
                    .iter()
                    .map(|d| {
                        // At most 100 (visits ≤ max); a count too large to
                        // multiply divides the maximum first instead.
                        let pct = d.visits.checked_mul(100).map_or_else(|| d.visits / (max / 100), |v| v / max);
                        let pct = u32::try_from(pct).unwrap_or(100);
                        view! {
                            <span
                                class="chart-bar"
                                title=format!("{}: {}", short(&d.date), number(d.visits))
                                style:height=format!("{pct}%")
                            ></span>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="chart-range" aria-hidden="true">
                {days.first().map(|d| short(&d.date))} " – " {days.last().map(|d| short(&d.date))}
            </p>
            <table class="visually-hidden">
                <caption>"Lượt truy cập 30 ngày gần nhất"</caption>
                <thead><tr><th scope="col">"Ngày"</th><th scope="col">"Lượt truy cập"</th></tr></thead>
                <tbody>
                    {days
                        .into_iter()
                        .map(|d| view! { <tr><td>{short(&d.date)}</td><td>{number(d.visits)}</td></tr> })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <Loaded
            resource=days
            placeholder=|| view! { <div class="chart"></div> }
            on_missing=|| view! { <p>"Chưa có số liệu."</p> }.into_any()
            view=chart
        />
    }
}
