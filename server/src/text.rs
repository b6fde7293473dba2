//! Text folding for search and slugs (Vietnamese without its marks), and
//! escaping for HTML.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Text or attribute value, escaped for HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` composed (NFC), as the front end shows every string it is given
/// (`src/api/transport.rs`): text may be stored decomposed, which fonts draw badly.
pub fn composed(s: &str) -> String {
    s.nfc().collect()
}

/// `s` without diacritics, case kept: "Nông thôn mới" → "Nong thon moi".
pub fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// What search compares: no diacritics, lower case, single spaces.
pub fn fold(s: &str) -> String {
    strip_marks(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `LIKE … ESCAPE '\\'` patterns, one per word of the folded query: a row
/// matches when its folded text holds every word.
pub fn like_patterns(query: &str) -> Vec<String> {
    fold(query)
        .split_whitespace()
        .map(|w| {
            format!(
                "%{}%",
                w.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        })
        .collect()
}

/// The text of an HTML fragment: tags dropped (each leaves a space, so
/// `a<br />b` reads "a b"), character references decoded once.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

/// The paragraphs of an HTML fragment as plain text: a block element (a
/// paragraph, a heading, a list item, a table row, a `<br>`) ends one; other
/// tags drop out, references are decoded and spaces made single. For bodies
/// shown as plain paragraphs (a document's text).
pub fn html_paragraphs(html: &str) -> Vec<String> {
    const BREAKS: &[&str] = &[
        "p",
        "br",
        "div",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "table",
        "blockquote",
        "section",
        "article",
    ];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        let Some(close) = tag.find('>') else {
            // A lone `<` is text.
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let name: String = tag[..close]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        text.push(if BREAKS.contains(&name.as_str()) {
            '\n'
        } else {
            ' '
        });
        rest = &tag[close + 1..];
    }
    text.push_str(rest);
    decode_entities(&text)
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect()
}

/// `s` with its character references (`&amp;`, `&#x002F;`, `&#40;`, any named
/// one) decoded, in one pass: `&amp;lt;` becomes `&lt;`, not `<`. NukeViet
/// stores text encoded this way (docs/nukeviet-schema-notes.md, section 3).
pub fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

/// A URL slug: folded, with every run of other characters made one hyphen.
pub fn slug(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs() {
        assert_eq!(
            html_paragraphs(
                "<p>Kính gửi: <b>UBND</b>  các&nbsp;huyện.</p><ul><li>Một &#91;a&#93;;</li>\
                 <li>Hai</li></ul>Dòng 1<br />Dòng 2 &lt;x&gt; a < b"
            ),
            [
                "Kính gửi: UBND các huyện.",
                "Một [a];",
                "Hai",
                "Dòng 1",
                "Dòng 2 <x> a < b"
            ]
        );
        assert!(html_paragraphs("<p> </p><br/>").is_empty());
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Nông thôn MỚI"), "nong thon moi");
        assert_eq!(fold("  Đẩy   nhanh tiến độ "), "day nhanh tien do");
        assert_eq!(fold("Ưu tiên ở Bình Liêu"), "uu tien o binh lieu");
        assert_eq!(fold("nong thon moi"), "nong thon moi");
        // Precomposed and decomposed forms fold alike.
        assert_eq!(fold("m\u{1edb}i"), fold("mo\u{31b}\u{301}i"));
        assert_eq!(strip_marks("Quyết định"), "Quyet dinh");
    }

    #[test]
    fn patterns_and_text() {
        assert_eq!(like_patterns("Nông  100%"), ["%nong%", "%100\\%%"]);
        assert!(like_patterns("   ").is_empty());
        assert_eq!(
            html_text("<p>Tôm &amp; cá</p><p>x</p>")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Tôm", "&", "cá", "x"]
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("6748/UBND-NL5"), "6748-ubnd-nl5");
        assert_eq!(slug("15/2024/QĐ-UBND"), "15-2024-qd-ubnd");
    }

    #[test]
    fn decodes_what_nukeviet_encodes_once() {
        assert_eq!(
            decode_entities("6748&#x002F;UBND-NL5 &#40;b&#41;&#33; &quot;x&quot; &#039;y&#039; &#91;1&#93; a&#x3A;b"),
            "6748/UBND-NL5 (b)! \"x\" 'y' [1] a:b"
        );
        assert_eq!(decode_entities("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
        assert_eq!(decode_entities("Hà Tĩnh &amp; Kỳ Anh"), "Hà Tĩnh & Kỳ Anh");
        // What is not a reference stays as it is.
        assert_eq!(decode_entities("a & b &x; &#;"), "a & b &x; &#;");
        assert_eq!(
            html_text("Kẹo cu đơ<br />được &#40;4&#41; sao"),
            "Kẹo cu đơ được (4) sao"
        );
    }
}
