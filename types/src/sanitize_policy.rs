//! The one allowlist for article HTML. The backend cleans what it stores with it
//! (ammonia) and the front end cleans what it receives with it (the browser's own
//! parser), so a body that passes one passes the other.

/// Elements kept with their content. Anything else is dropped; its text is kept
/// unless it is in [`DROP_WITH_CONTENT`].
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "b",
    "blockquote",
    "br",
    "caption",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Elements removed together with everything inside them.
pub const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "form",
    "textarea",
    "select",
    "button",
    "input",
    "title",
    "head",
    "meta",
    "link",
    "base",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

/// Attributes kept, per element. No element keeps any other attribute.
pub const ALLOWED_ATTRS: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "width", "height"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
];

/// Attributes whose value is a URL and must pass [`url_allowed`].
pub const URL_ATTRS: &[&str] = &["href", "src"];

/// Whether `value` may stay in URL attribute `attr`: links may lead anywhere
/// safe ([`is_safe_url`]), but what the page loads by itself (`src`) must come
/// from this site, so a body cannot plant a tracking pixel. The page's CSP would
/// block those anyway; dropping them keeps the console clean.
pub fn url_allowed(attr: &str, value: &str) -> bool {
    match attr {
        "src" => is_local_url(value),
        _ => is_safe_url(value),
    }
}

/// A relative URL: no scheme, and not protocol-relative (`//host/…`).
pub fn is_local_url(url: &str) -> bool {
    // As a browser reads it: leading spaces and controls go, tabs and newlines
    // anywhere are removed, and a backslash counts as a slash.
    let url: String = url
        .trim_start_matches(|c: char| c == ' ' || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    is_safe_url(&url)
        && !url.starts_with("//")
        && !url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'))
}

pub fn tag_allowed(tag: &str) -> bool {
    ALLOWED_TAGS.contains(&tag)
}

pub fn drops_content(tag: &str) -> bool {
    DROP_WITH_CONTENT.contains(&tag)
}

pub fn attr_allowed(tag: &str, attr: &str) -> bool {
    ALLOWED_ATTRS
        .iter()
        .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// True for relative URLs and for http, https, mailto and tel. Everything else,
/// `javascript:` and `data:` above all, is refused, however it is disguised with
/// case, entities already decoded by the parser, or control characters.
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme,
    // so "java\tscript:" must count as "javascript:".
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    match compact.find(':') {
        None => true,
        Some(colon) => {
            // A colon after '/', '?' or '#' is part of a relative path, not a scheme.
            let before = &compact[..colon];
            if before.contains(['/', '?', '#']) {
                return true;
            }
            matches!(before, "http" | "https" | "mailto" | "tel")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for ok in [
            "/anh/ocop.webp",
            "anh.png",
            "https://quangninh.gov.vn/a",
            "HTTP://x.vn",
            "mailto:a@b.vn",
            "tel:02393892689",
            "#muc-1",
            "?trang=2",
            "/a:b",
            "",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://x/1",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn sources_stay_on_this_site() {
        for ok in ["/anh/a.jpg", "anh/a.jpg", "?x=1", "/a:b.png"] {
            assert!(url_allowed("src", ok), "{ok}");
        }
        for bad in [
            "http://evil.test/p.gif",
            "HTTPS://evil.test/p.gif",
            "//evil.test/p.gif",
            " //evil.test/p.gif",
            "/\t/evil.test/p.gif",
            "\\\\evil.test/p.gif",
            "/\\evil.test/p.gif",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
        ] {
            assert!(!url_allowed("src", bad), "{bad:?}");
        }
        assert!(url_allowed("href", "https://mae.gov.vn"));
        assert!(url_allowed("href", "//mae.gov.vn"));
    }

    #[test]
    fn lists_do_not_overlap() {
        for t in ALLOWED_TAGS {
            assert!(!drops_content(t), "{t}");
        }
        for (t, _) in ALLOWED_ATTRS {
            assert!(tag_allowed(t), "{t}");
        }
        assert!(attr_allowed("a", "href"));
        assert!(!attr_allowed("a", "onclick"));
        assert!(!attr_allowed("p", "style"));
    }
}
