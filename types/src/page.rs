//! Words of the page that the front end and the backend's first view
//! (`server/src/first_view.rs`) must write the same way.

/// The portal's name, after every page title.
pub const SITE_NAME: &str = "Nông thôn mới Hà Tĩnh";

/// The home page's description (also in index.html).
pub const HOME_DESCRIPTION: &str =
    "Tin tức về xây dựng nông thôn mới, chương trình OCOP và học tập đạo đức Hồ Chí Minh.";

/// The issued-documents page's heading and description.
pub const DOCUMENTS_TITLE: &str = "Văn bản ban hành";
pub const DOCUMENTS_DESCRIPTION: &str =
    "Tra cứu văn bản chỉ đạo, điều hành về xây dựng nông thôn mới.";

/// The search page's title, heading and description.
pub const SEARCH_TITLE: &str = "Tìm kiếm";
pub const SEARCH_HEADING: &str = "Kết quả tìm kiếm";
pub const SEARCH_DESCRIPTION: &str = "Tìm bài viết trên cổng thông tin.";

/// "Công văn số 6748/UBND-NL5", the way the portal names a document.
pub fn document_name(kind: &str, number: &str) -> String {
    format!("{kind} số {number}")
}

/// Issued (`YYYY-MM-DD`) in the five days before `now`: shown with a "Mới" badge.
pub fn is_new_document(issued: &str, now: crate::Timestamp) -> bool {
    issued >= crate::datetime::day_key(now - 5 * 86_400).as_str()
}

/// The document title of a page: "`title` - SITE_NAME", or the site name alone.
pub fn page_title(title: &str) -> String {
    if title.is_empty() {
        SITE_NAME.to_owned()
    } else {
        format!("{title} - {SITE_NAME}")
    }
}

/// "Theo Tạ Quân/quangninh.gov.vn", the way the portal credits a story.
pub fn source_line(author: &str, source: &str) -> Option<String> {
    match (author.trim(), source.trim()) {
        ("", "") => None,
        (a, "") => Some(format!("Theo {a}")),
        ("", s) => Some(format!("Theo {s}")),
        (a, s) => Some(format!("Theo {a}/{s}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_named_and_new() {
        assert_eq!(
            document_name("Công văn", "6748/UBND-NL5"),
            "Công văn số 6748/UBND-NL5"
        );
        // 2024-05-20 12:00 in Vietnam.
        let now = 1_716_181_200;
        assert!(is_new_document("2024-05-20", now));
        assert!(is_new_document("2024-05-15", now));
        assert!(!is_new_document("2024-05-14", now));
    }

    #[test]
    fn titles_and_credits() {
        assert_eq!(page_title(""), SITE_NAME);
        assert_eq!(page_title("Văn bản"), "Văn bản - Nông thôn mới Hà Tĩnh");
        assert_eq!(source_line(" ", ""), None);
        assert_eq!(source_line("Tạ Quân", "").as_deref(), Some("Theo Tạ Quân"));
        assert_eq!(
            source_line("", "baohatinh.vn").as_deref(),
            Some("Theo baohatinh.vn")
        );
        assert_eq!(
            source_line("Tạ Quân", "quangninh.gov.vn").as_deref(),
            Some("Theo Tạ Quân/quangninh.gov.vn")
        );
    }
}
