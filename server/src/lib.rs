//! The reference backend: implements the JSON contract in `openapi/openapi.json`
//! on SQLite and serves the built front end.

pub mod api;
pub mod db;
pub mod error;
pub mod openapi;
pub mod sanitize;
pub mod seed;
pub mod web;

use std::path::PathBuf;

use axum::Router;
use tower_http::compression::CompressionLayer;

pub use db::Db;

/// What the router needs to know besides the database.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Folder of the built front end (trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// API base written into the served index.html; `None` keeps the built-in `/api`.
    pub api_base: Option<String>,
}

/// The whole application: `/api/…` and, when a folder is given, the front end.
pub fn app(db: Db, options: Options) -> Router {
    let router = Router::new().nest("/api", api::router(db));
    let router = match options.dist {
        Some(dist) => router.merge(web::router(dist, options.api_base)),
        None => router.fallback(error::not_found_fallback),
    };
    // Compresses API answers and anything not already precompressed on disk.
    router.layer(CompressionLayer::new().br(true).gzip(true))
}
