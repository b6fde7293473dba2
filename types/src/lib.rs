//! The JSON contract between the front end and any backend, as Rust types.
//!
//! Both sides compile against these, and the OpenAPI document in `openapi/` is
//! generated from them, so the three cannot drift apart.

pub mod datetime;
pub mod member;
pub mod models;
pub mod number;
pub mod origin;
pub mod page;
pub mod poll;
pub mod rating;
pub mod sanitize_policy;

pub use member::*;
pub use models::*;
