//! The document title and description, set per page.

use leptos::prelude::document;

use ntm_types::page::page_title;
pub use ntm_types::page::SITE_NAME;

/// Sets `<title>` to "`title` - SITE_NAME" (just the site name when `title` is
/// empty) and the description meta tag.
pub fn set_page_meta(title: &str, description: &str) {
    let doc = document();
    doc.set_title(&page_title(title));
    if let Ok(Some(meta)) = doc.query_selector(r#"meta[name="description"]"#) {
        let _ = meta.set_attribute("content", description);
    }
}
