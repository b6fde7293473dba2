//! The one policy for article HTML. The backend cleans what it stores with it
//! (ammonia) and the front end cleans what it receives with it (the browser's own
//! parser), so a body that passes one passes the other. Both then show a body
//! the same way ([`body_heading_level`], [`embed_link`], [`media_link_text`],
//! [`table_label`]): the front end in the page, the backend in its first view.

/// Elements kept with their content. Anything else is dropped; its text is kept
/// unless it is in [`DROP_WITH_CONTENT`]. Headings are shown re-levelled under
/// the page's own `h1` ([`body_heading_level`]); an `iframe` is shown as a
/// link to what it embeds ([`embed_link`]); `video` and `audio` keep only
/// sources this page may load, with the browser's controls, and a link to the
/// file when none is left.
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "audio",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "source",
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
    "track",
    "u",
    "ul",
    "video",
];

/// Elements removed together with everything inside them.
pub const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
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
    ("abbr", &["title"]),
    ("img", &["src", "alt", "width", "height"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start"]),
    ("video", &["src", "width", "height"]),
    ("audio", &["src"]),
    ("source", &["src", "type"]),
    ("track", &["src", "kind", "srclang", "label"]),
    ("iframe", &["src", "title"]),
];

/// Attributes whose value is a URL and must pass [`url_allowed`].
pub const URL_ATTRS: &[&str] = &["href", "src"];

/// Elements that play media: they keep their `source` and `track` children only.
pub const MEDIA_TAGS: &[&str] = &["video", "audio"];

/// Whether `value` may stay in URL attribute `attr`: links may lead anywhere
/// safe ([`is_safe_url`]), but what the page loads by itself (`src`) must come
/// from this site or from one of `media_origins` ([`src_allowed`]), so a body
/// cannot plant a tracking pixel.
pub fn url_allowed(attr: &str, value: &str, media_origins: &[String]) -> bool {
    match attr {
        "src" => src_allowed(value, media_origins),
        _ => is_safe_url(value),
    }
}

/// What a page may load by itself (photos, logos, songs, videos): a relative
/// URL, which is this site's, or an `http(s)` URL on one of `media_origins`:
/// the API's own origin and those the deployment names beside the API base
/// (`<meta name="ntm-media-origins">`, the backend's `--media-origin`).
pub fn src_allowed(url: &str, media_origins: &[String]) -> bool {
    is_local_url(url) || crate::origin::origin_of(url).is_some_and(|o| media_origins.contains(&o))
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

/// The level a body heading of `level` (1–6) is shown at, after a heading
/// shown at `previous` (1, the page's own `h1`, before the first): never 1,
/// and never more than one below the heading before, so the page's outline
/// has no holes (axe `heading-order`).
pub fn body_heading_level(level: u8, previous: u8) -> u8 {
    level.clamp(2, 6).min(previous.saturating_add(1)).max(2)
}

/// What an embedded frame (`iframe`) is shown as: a link to what it embeds,
/// loaded only if the reader follows it, as (href, text). A YouTube player
/// links to the video's own page. `None` when there is nothing safe to link to.
pub fn embed_link(src: &str, title: &str) -> Option<(String, String)> {
    let src = src.trim();
    if src.is_empty() || !is_safe_url(src) {
        return None;
    }
    let absolute = match src.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => src.to_owned(),
    };
    let title = title.trim();
    let named = |what: &str| match title {
        "" => what.to_owned(),
        t => format!("{what}: {t}"),
    };
    if let Some(id) = youtube_id(&absolute) {
        return Some((
            format!("https://www.youtube.com/watch?v={id}"),
            named("Xem video trên YouTube"),
        ));
    }
    let text = match crate::origin::origin_of(&absolute) {
        Some(origin) => {
            let host = origin.split_once("://").map_or("", |(_, h)| h);
            named(&format!("Mở nội dung nhúng từ {host}"))
        }
        None => named("Mở nội dung nhúng"),
    };
    Some((absolute, text))
}

/// The video id of a YouTube player's address (`…/embed/{id}`).
fn youtube_id(url: &str) -> Option<&str> {
    let origin = crate::origin::origin_of(url)?;
    let host = origin
        .strip_prefix("https://")
        .or(origin.strip_prefix("http://"))?;
    let known = matches!(
        host,
        "www.youtube.com"
            | "youtube.com"
            | "m.youtube.com"
            | "www.youtube-nocookie.com"
            | "youtube-nocookie.com"
    );
    let (_, path) = url.split_once("://")?;
    let id = path
        .split_once("/embed/")?
        .1
        .split(['?', '#', '/'])
        .next()?;
    let plain = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (known && plain && (1..=64).contains(&id.len())).then_some(id)
}

/// The text of the link shown beside (or instead of) a player of `tag`.
pub fn media_link_text(tag: &str) -> &'static str {
    if tag == "audio" {
        "Mở tệp âm thanh"
    } else {
        "Mở tệp video"
    }
}

/// The accessible name of the scrolling box around the `n`th table (1-based)
/// of a body, with its caption when it has one.
pub fn table_label(n: usize, caption: &str) -> String {
    match caption.trim() {
        "" => format!("Bảng {n}"),
        c => format!("Bảng {n}: {c}"),
    }
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
    fn sources_stay_on_this_site_or_an_allowed_origin() {
        let none: &[String] = &[];
        for ok in ["/anh/a.jpg", "anh/a.jpg", "?x=1", "/a:b.png"] {
            assert!(url_allowed("src", ok, none), "{ok}");
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
            assert!(!url_allowed("src", bad, none), "{bad:?}");
        }
        assert!(url_allowed("href", "https://mae.gov.vn", none));
        assert!(url_allowed("href", "//mae.gov.vn", none));

        let cdn = [
            "https://cdn.example.vn".to_owned(),
            "http://127.0.0.1:9".to_owned(),
        ];
        for ok in [
            "https://cdn.example.vn/anh/a.jpg",
            "HTTPS://CDN.EXAMPLE.VN:443/a.jpg",
            "http://127.0.0.1:9/media/a.wav",
            "/anh/a.jpg",
        ] {
            assert!(src_allowed(ok, &cdn), "{ok}");
        }
        for bad in [
            "https://evil.test/a.jpg",
            "http://cdn.example.vn/a.jpg",
            "https://cdn.example.vn.evil.test/a.jpg",
            "https://cdn.example.vn@evil.test/a.jpg",
            "//cdn.example.vn/a.jpg",
            "http://127.0.0.1:10/a.jpg",
        ] {
            assert!(!src_allowed(bad, &cdn), "{bad}");
        }
    }

    #[test]
    fn body_headings_never_skip_a_level() {
        // h1 h3 h6 h2 h5 after the page's h1.
        let mut previous = 1;
        let shown: Vec<u8> = [1, 3, 6, 2, 5]
            .into_iter()
            .map(|l| {
                previous = body_heading_level(l, previous);
                previous
            })
            .collect();
        assert_eq!(shown, [2, 3, 4, 2, 3]);
        assert_eq!(body_heading_level(0, 1), 2);
        assert_eq!(body_heading_level(200, 255), 6);
    }

    #[test]
    fn embedded_frames_become_links() {
        assert_eq!(
            embed_link("https://www.youtube.com/embed/abc_D-1?rel=0", ""),
            Some((
                "https://www.youtube.com/watch?v=abc_D-1".to_owned(),
                "Xem video trên YouTube".to_owned()
            ))
        );
        assert_eq!(
            embed_link("//www.youtube-nocookie.com/embed/xyz", "Lễ ra mắt"),
            Some((
                "https://www.youtube.com/watch?v=xyz".to_owned(),
                "Xem video trên YouTube: Lễ ra mắt".to_owned()
            ))
        );
        assert_eq!(
            embed_link("https://maps.example.vn/x?a=1", ""),
            Some((
                "https://maps.example.vn/x?a=1".to_owned(),
                "Mở nội dung nhúng từ maps.example.vn".to_owned()
            ))
        );
        // Not YouTube's, whatever the path says.
        assert_eq!(
            embed_link("https://evil.test/embed/abc", "").map(|l| l.0),
            Some("https://evil.test/embed/abc".to_owned())
        );
        assert_eq!(embed_link("javascript:alert(1)", "x"), None);
        assert_eq!(embed_link("  ", "x"), None);
        assert_eq!(table_label(2, " Chỉ tiêu "), "Bảng 2: Chỉ tiêu");
        assert_eq!(table_label(1, ""), "Bảng 1");
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
