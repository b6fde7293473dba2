//! The reference backend: implements the JSON contract in `openapi/openapi.json`
//! on SQLite and serves the built front end.

pub mod api;
pub mod article_body;
pub mod db;
pub mod error;
pub mod first_view;
pub mod nukeviet;
pub mod openapi;
pub mod origins;
pub mod pdf;
pub mod request_log;
pub mod sanitize;
pub mod security;
pub mod seed;
pub mod store;
pub mod text;
pub mod visitor;
pub mod web;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;
use axum::Router;
use tower_http::compression::CompressionLayer;

pub use db::Db;
pub use origins::Origins;
pub use store::Store;

/// Caps that keep one source from stuffing the counts.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Ratings one IP address may give one article in 24 hours. Generous, so a
    /// household or a village behind one address can all rate.
    pub ratings_per_ip_per_day: u32,
    /// Votes one IP address may cast in one poll in 24 hours.
    pub votes_per_ip_per_day: u32,
    /// Take the client's address from X-Forwarded-For (only behind a proxy
    /// that sets it; otherwise anyone could claim any address).
    pub trust_forwarded_for: bool,
    /// Seconds a member's session may sit unused before it ends.
    pub session_idle_seconds: u32,
    /// Failed sign-ins one IP address may make in 15 minutes (guessing
    /// passwords of many accounts).
    pub failed_sign_ins_per_ip: u32,
    /// Failed sign-ins to one e-mail address in 15 minutes, from anywhere
    /// (guessing one account's password).
    pub failed_sign_ins_per_email: u32,
    /// Registrations one IP address may send in an hour.
    pub registrations_per_ip_per_hour: u32,
    /// New visitor ids one IP address may bring in an hour: every visit
    /// without a known cookie is a new visitor, so this caps stuffing the
    /// counts by dropping cookies. Generous for a school or a village behind
    /// one address.
    pub new_visitors_per_ip_per_hour: u32,
    /// Seconds a shared cache (a CDN, a proxy) may keep a public answer of
    /// the API (lists, articles, documents, site; statistics at most 10).
    /// Behind one, an article's views are counted once per time it fetches.
    pub shared_cache_seconds: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            ratings_per_ip_per_day: 50,
            votes_per_ip_per_day: 50,
            trust_forwarded_for: false,
            session_idle_seconds: 1200,
            failed_sign_ins_per_ip: 10,
            failed_sign_ins_per_email: 5,
            registrations_per_ip_per_hour: 20,
            new_visitors_per_ip_per_hour: 500,
            shared_cache_seconds: 30,
        }
    }
}

/// Seconds since the Unix epoch; a function so tests can move time.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

pub fn system_clock() -> Clock {
    Arc::new(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    })
}

/// What the API handlers share.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    /// Where the news comes from (`db`, or a NukeViet site's).
    pub store: Store,
    pub limits: Limits,
    pub clock: Clock,
    pub origins: Origins,
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}

impl FromRef<AppState> for Store {
    fn from_ref(state: &AppState) -> Store {
        state.store.clone()
    }
}

/// What the router needs to know besides the database.
#[derive(Clone, Default)]
pub struct Options {
    /// Folder of the built front end (trunk's `dist/`); `None` serves the API only.
    pub dist: Option<PathBuf>,
    /// API base written into the served index.html; `None` keeps the built-in `/api`.
    pub api_base: Option<String>,
    pub limits: Limits,
    /// The clock; the system's when `None`.
    pub clock: Option<Clock>,
    /// Front ends and media on other origins, and cookies across sites.
    pub origins: Origins,
    /// The contract served from a NukeViet site instead of the database (the
    /// NukeViet mode; the database is then its side store).
    pub nukeviet: Option<nukeviet::Site>,
    /// That site's folder, whose `uploads/` and `assets/` are served at the
    /// same paths (with a front end folder only).
    pub nukeviet_root: Option<PathBuf>,
}

/// The whole application: `/api/…` and, when a folder is given, the front end.
pub fn app(db: Db, options: Options) -> Router {
    let headers_state = (options.limits.clone(), options.origins.clone());
    let clock = options.clock.unwrap_or_else(system_clock);
    let store = match options.nukeviet {
        Some(site) => Store::NukeViet {
            site,
            side: db.clone(),
        },
        None => Store::Own(db.clone()),
    };
    let state = AppState {
        db: db.clone(),
        store: store.clone(),
        limits: options.limits,
        clock: clock.clone(),
        origins: options.origins.clone(),
    };
    let api = match options.origins.cors() {
        Some(cors) => api::router(state, openapi::routes()).layer(cors),
        None => api::router(state, openapi::routes()),
    };
    let router = Router::new().nest("/api", api);
    let router = match options.dist {
        Some(dist) => router.merge(web::router(web::Site {
            dist,
            api_base: options.api_base,
            db,
            store,
            nukeviet_root: options.nukeviet_root,
            clock,
            origins: options.origins,
        })),
        None => router.fallback(error::not_found_fallback),
    };
    // Compresses API answers and anything not already precompressed on disk.
    router
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::from_fn_with_state(
            headers_state,
            security::headers,
        ))
        .layer(axum::middleware::from_fn(request_log::log))
}
