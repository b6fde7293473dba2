//! Reusable pieces. Pages (`crate::pages`) put them together.

pub mod article_reader;
pub mod block;
pub mod display_prefs;
pub mod form_field;
pub mod html_body;
pub mod idle_dialog;
pub mod later;
pub mod listen;
pub mod loaded;
pub mod member;
pub mod not_found;
pub mod offline;
pub mod placeholder;
pub mod poll;
pub mod prefetch;
pub mod route_focus;
pub mod share;
pub mod shared;
pub mod shell;
pub mod sidebar;
pub mod star_rating;
pub mod stats;
