//! Words of the page that the front end and the backend's first view
//! (`server/src/first_view.rs`) must write the same way.

/// The tab's title before the site's own name is known (also in index.html):
/// neutral, since one build serves any office's backend, whose name comes
/// from `/site`.
pub const NEUTRAL_TITLE: &str = "Cổng thông tin điện tử";

/// The issued-documents page's heading and description.
pub const DOCUMENTS_TITLE: &str = "Văn bản ban hành";
pub const DOCUMENTS_DESCRIPTION: &str = "Tra cứu văn bản chỉ đạo, điều hành.";

/// The search page's title, heading and description.
pub const SEARCH_TITLE: &str = "Tìm kiếm";
pub const SEARCH_HEADING: &str = "Kết quả tìm kiếm";
pub const SEARCH_DESCRIPTION: &str = "Tìm bài viết trên cổng thông tin.";

/// `lang` when it is a language tag a browser takes for `lang` (BCP 47's
/// form: a 2 to 8 letter language, then subtags of 1 to 8 letters or digits,
/// each after `-`), trimmed; `None` for anything else.
pub fn language_tag(lang: &str) -> Option<&str> {
    let lang = lang.trim();
    let mut subtags = lang.split('-');
    let first = subtags.next()?;
    let sized = |s: &str| (1..=8).contains(&s.len());
    let language =
        sized(first) && first.len() >= 2 && first.bytes().all(|b| b.is_ascii_alphabetic());
    let rest = subtags.all(|s| sized(s) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (language && rest).then_some(lang)
}

/// "Công văn số 6748/UBND-NL5", the way the portal names a document.
pub fn document_name(kind: &str, number: &str) -> String {
    format!("{kind} số {number}")
}

/// Issued (`YYYY-MM-DD`) in the five days before `now`: shown with a "Mới" badge.
pub fn is_new_document(issued: &str, now: crate::Timestamp) -> bool {
    issued >= crate::datetime::day_key(now - 5 * 86_400).as_str()
}

/// The document title of a page: "`title` - `site_name`", or either alone
/// when the other is empty ([`NEUTRAL_TITLE`] when both are).
pub fn page_title(title: &str, site_name: &str) -> String {
    match (title.trim(), site_name.trim()) {
        ("", "") => NEUTRAL_TITLE.to_owned(),
        ("", s) => s.to_owned(),
        (t, "") => t.to_owned(),
        (t, s) => format!("{t} - {s}"),
    }
}

/// What a reader calls a file ("PDF", "Word", "Excel", …), from its media type
/// or else the extension of its name; "Tệp" when neither says.
pub fn file_kind(media_type: &str, file_name: &str) -> String {
    let media_type = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| (1..=5).contains(&e.len()) && e.bytes().all(|b| b.is_ascii_alphanumeric()))
        .unwrap_or_default();
    let known = match (media_type.as_str(), ext.as_str()) {
        ("application/pdf", _) | (_, "pdf") => "PDF",
        ("application/msword", _)
        | ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _)
        | (_, "doc" | "docx") => "Word",
        ("application/vnd.ms-excel", _)
        | ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _)
        | (_, "xls" | "xlsx") => "Excel",
        ("application/vnd.ms-powerpoint", _)
        | ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _)
        | (_, "ppt" | "pptx") => "PowerPoint",
        ("application/zip", _) | (_, "zip") => "ZIP",
        ("application/vnd.rar" | "application/x-rar-compressed", _) | (_, "rar") => "RAR",
        (t, _) if t.starts_with("image/") => "Ảnh",
        (t, _) if t.starts_with("audio/") => "Âm thanh",
        (t, _) if t.starts_with("video/") => "Video",
        _ => "",
    };
    match (known, ext.as_str()) {
        ("", "") => "Tệp".to_owned(),
        ("", e) => e.to_ascii_uppercase(),
        (k, _) => k.to_owned(),
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
    fn language_tags_parsed() {
        for ok in ["en", "vi", " en ", "en-GB", "zh-Hant-TW", "fil", "es-419"] {
            assert_eq!(language_tag(ok), Some(ok.trim()), "{ok:?}");
        }
        for bad in [
            "",
            "e",
            "-",
            "en-",
            "en--GB",
            "e n",
            "en_GB",
            "tiếng-anh",
            "12",
            "\"x\" onload",
        ] {
            assert_eq!(language_tag(bad), None, "{bad:?}");
        }
    }

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
    fn file_kinds() {
        for (media_type, name, kind) in [
            ("application/pdf", "a.bin", "PDF"),
            ("application/octet-stream", "QĐ 15.PDF", "PDF"),
            (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "x",
                "Word",
            ),
            ("", "bao-cao.doc", "Word"),
            ("application/vnd.ms-excel; charset=binary", "", "Excel"),
            ("", "so-lieu.xlsx", "Excel"),
            ("application/zip", "ho-so", "ZIP"),
            ("image/jpeg", "scan.jpg", "Ảnh"),
            (
                "application/vnd.oasis.opendocument.text",
                "ke-hoach.odt",
                "ODT",
            ),
            ("", "không đuôi", "Tệp"),
            ("", "a.quá-dài", "Tệp"),
            ("", "", "Tệp"),
        ] {
            assert_eq!(file_kind(media_type, name), kind, "{media_type} {name}");
        }
    }

    #[test]
    fn titles_and_credits() {
        assert_eq!(page_title("", ""), NEUTRAL_TITLE);
        assert_eq!(
            page_title(" ", "Nông thôn mới Hà Tĩnh"),
            "Nông thôn mới Hà Tĩnh"
        );
        assert_eq!(page_title("Văn bản", ""), "Văn bản");
        assert_eq!(
            page_title("Văn bản", "Nông thôn mới Hà Tĩnh"),
            "Văn bản - Nông thôn mới Hà Tĩnh"
        );
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
