//! The document title and description, set per page.

use leptos::prelude::document;

/// The portal's name, appended to every page title.
pub const SITE_NAME: &str = "Nông thôn mới Hà Tĩnh";

/// Sets `<title>` to "`title` - SITE_NAME" (just the site name when `title` is
/// empty) and the description meta tag.
pub fn set_page_meta(title: &str, description: &str) {
    let doc = document();
    if title.is_empty() {
        doc.set_title(SITE_NAME);
    } else {
        doc.set_title(&format!("{title} - {SITE_NAME}"));
    }
    if let Ok(Some(meta)) = doc.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", description);
    }
}
