//! Every request the front end makes. Pages name an [`Endpoint`] or a
//! [`Call`], and never build a URL themselves.
//!
//! JSON is parsed by the browser (`JSON.parse`, every string composed to NFC)
//! and mapped onto the shared types with serde-wasm-bindgen, which keeps a
//! JSON parser out of the wasm.

mod action;
mod cache;
mod config;
mod csrf;
mod endpoint;
mod error;
mod resource;
mod session;
mod transport;
mod writes;

pub use action::{action, last, Answer, ApiAction, Call};
pub use cache::{decode, get, prefetch};
pub use config::{base, media_origins, meta_content};
pub use endpoint::{DocumentSearch, Endpoint};
pub use error::{ApiResult, FetchError};
pub use resource::{resource, JsonResource};
pub use session::sign_out;

/// Forgets what this layer keeps in memory between pages: the shared answers,
/// the prefetches under way and a member's anti-forgery token. For tests,
/// which start each from nothing; the app never needs it.
pub fn forget_everything() {
    cache::clear();
    csrf::set(None);
}
