//! One log line per request: method, route, status, time taken. The route is
//! the router's pattern (`/api/articles/{slug}`), never the address asked
//! for, and no client address, cookie or header is logged, so the logs hold
//! no personal data (a search's words, a member's e-mail).

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;

/// Middleware (`axum::middleware::from_fn`), on the whole application.
pub async fn log(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    // Pages of the front end and its files have no route of their own.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(front end)", |p| p.as_str())
        .to_owned();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let ms = format!("{:.2}", started.elapsed().as_secs_f64() * 1000.0);
    if response.status().is_server_error() {
        tracing::warn!(target: "request", %method, %route, status, %ms);
    } else {
        tracing::info!(target: "request", %method, %route, status, %ms);
    }
    response
}
