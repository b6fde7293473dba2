//! The signed-in member's anti-forgery token: kept from the session's
//! answers, sent with every write.

use std::cell::RefCell;

thread_local! {
    static TOKEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

pub(super) fn set(token: Option<String>) {
    TOKEN.with(|t| *t.borrow_mut() = token);
}

pub(super) fn token() -> Option<String> {
    TOKEN.with(|t| t.borrow().clone())
}
