//! The document title and description, set per page and ended with the
//! site's name once `/site` has given it.

use std::cell::RefCell;

use leptos::prelude::document;
use ntm_types::page::page_title;

thread_local! {
    /// The page's own title and description, as the page last set them.
    static PAGE: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
    /// The site's name and description, once known.
    static SITE: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// Sets `<title>` to "`title` - site name" (the site's name alone when
/// `title` is empty) and the description meta tag (the site's description
/// when `description` is empty).
pub fn set_page_meta(title: &str, description: &str) {
    PAGE.with(|p| *p.borrow_mut() = (title.to_owned(), description.to_owned()));
    apply();
}

/// The site's name and description have arrived: the title gets its end.
pub fn set_site(name: &str, description: &str) {
    SITE.with(|s| *s.borrow_mut() = (name.to_owned(), description.to_owned()));
    apply();
}

fn apply() {
    let doc = document();
    let (title, description) = PAGE.with(|p| p.borrow().clone());
    let (site, site_description) = SITE.with(|s| s.borrow().clone());
    doc.set_title(&page_title(&title, &site));
    let description = if description.is_empty() {
        site_description
    } else {
        description
    };
    if let Ok(Some(meta)) = doc.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", &description);
    }
}
