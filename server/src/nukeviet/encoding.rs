//! Text as NukeViet writes it into its tables, for matching what readers type
//! against what is stored (docs/nukeviet-schema-notes.md, section 3).

/// What NukeViet writes as a reference in a title (`nv_htmlspecialchars`).
const IN_TITLES: &[(char, &str)] = &[
    ('&', "&amp;"),
    ('\'', "&#039;"),
    ('"', "&quot;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
    ('\\', "&#x005C;"),
    ('/', "&#x002F;"),
    ('(', "&#40;"),
    (')', "&#41;"),
    ('*', "&#42;"),
    ('[', "&#91;"),
    (']', "&#93;"),
    ('!', "&#33;"),
    ('=', "&#x3D;"),
    ('%', "&#x25;"),
    ('^', "&#x5E;"),
    (':', "&#x3A;"),
    ('{', "&#x7B;"),
    ('}', "&#x7D;"),
    ('`', "&#x60;"),
    ('~', "&#x7E;"),
    ('#', "&#x23;"),
];

/// What its request filter writes as a reference in the text of HTML fields
/// (a lead, a body).
const IN_HTML_TEXT: &[(char, &str)] = &[
    ('\'', "&#039;"),
    ('"', "&quot;"),
    ('<', "&lt;"),
    ('>', "&gt;"),
    ('[', "&#91;"),
    (']', "&#93;"),
];

fn encode(s: &str, table: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// `s` as NukeViet stores a title.
pub fn as_title(s: &str) -> String {
    encode(s, IN_TITLES)
}

/// `s` as NukeViet leaves text in HTML fields.
pub fn as_html_text(s: &str) -> String {
    encode(s, IN_HTML_TEXT)
}

/// A `LIKE … ESCAPE '\\'` pattern holding `s` anywhere.
pub fn contains_pattern(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::decode_entities;

    #[test]
    fn encodes_as_nukeviet_and_decodes_back() {
        let typed = r#"6748/UBND-NL5 (a)! "b" 'c' [1] x:y #2 50% a&b"#;
        assert_eq!(
            as_title("6748/UBND-NL5 a:b"),
            "6748&#x002F;UBND-NL5 a&#x3A;b"
        );
        assert_eq!(decode_entities(&as_title(typed)), typed);
        assert_eq!(decode_entities(&as_html_text(typed)), typed);
        assert_eq!(as_html_text("Kẹo \"cu đơ\""), "Kẹo &quot;cu đơ&quot;");
        assert_eq!(contains_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
