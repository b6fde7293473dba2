//! Article HTML is cleaned before it is stored, with the allowlist the front end
//! also applies (`ntm_types::sanitize_policy`), by ammonia (html5ever's parser).
//! What loads by itself (`src`) is kept when it is this site's or any plainly
//! written http(s) URL: which origins may load is the deployment's to say,
//! when the body is shown (`crate::article_body`, the front end's sanitizer).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::{Builder, UrlRelative};
use ntm_types::origin::origin_of;
use ntm_types::sanitize_policy::{
    is_local_url, is_safe_url, ALLOWED_ATTRS, ALLOWED_TAGS, DROP_WITH_CONTENT,
};

fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = Builder::empty();
        b.tags(ALLOWED_TAGS.iter().copied().collect::<HashSet<_>>())
            .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
            .tag_attributes(
                ALLOWED_ATTRS
                    .iter()
                    .map(|(t, a)| (*t, a.iter().copied().collect()))
                    .collect::<HashMap<_, HashSet<_>>>(),
            )
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .url_relative(UrlRelative::PassThrough)
            .attribute_filter(|element, attr, value| {
                let keep = match (element, attr) {
                    // A frame is only ever shown as a link to it.
                    ("iframe", "src") | (_, "href") => is_safe_url(value),
                    (_, "src") => is_local_url(value) || origin_of(value).is_some(),
                    _ => true,
                };
                keep.then(|| value.into())
            })
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true);
        b
    })
}

/// The body with everything outside the allowlist removed.
pub fn clean_html(html: &str) -> String {
    builder().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean_html;

    /// (input, what must not survive)
    const HOSTILE: &[(&str, &str)] = &[
        ("<script>alert(1)</script><p>x</p>", "alert"),
        ("<p>a<script src=//x.vn/a.js></script></p>", "x.vn"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<p onclick=\"alert(1)\">x</p>", "onclick"),
        ("<body onload=alert(1)>", "onload"),
        ("<a href=\"javascript:alert(1)\">x</a>", "javascript"),
        ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert"),
        ("<a href=\"java&#x09;script:alert(1)\">x</a>", "alert"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "alert"),
        ("<a href=\" javascript:alert(1)\">x</a>", "alert"),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "data:"),
        (
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "data:",
        ),
        ("<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript"),
        ("<svg><script>alert(1)</script></svg>", "alert"),
        ("<svg onload=alert(1)>", "onload"),
        (
            "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "javascript",
        ),
        (
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "onerror",
        ),
        ("<math href=\"javascript:alert(1)\">x</math>", "javascript"),
        (
            "<style>p{background:url(javascript:alert(1))}</style>",
            "background",
        ),
        (
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "style",
        ),
        ("<div style=\"behavior:url(x.htc)\">x</div>", "behavior"),
        (
            "<iframe src=\"https://x.vn\" onload=\"alert(1)\"></iframe>",
            "onload",
        ),
        (
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "javascript",
        ),
        (
            "<video src=\"https://x.vn/v.mp4\" autoplay onerror=\"alert(1)\"></video>",
            "autoplay",
        ),
        (
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "script",
        ),
        ("<object data=\"x.swf\"></object>", "object"),
        ("<embed src=\"x.swf\">", "embed"),
        (
            "<form action=\"https://x.vn\"><input name=p></form>",
            "form",
        ),
        (
            "<button formaction=javascript:alert(1)>x</button>",
            "formaction",
        ),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "refresh",
        ),
        ("<base href=\"https://x.vn/\">", "base"),
        ("<link rel=stylesheet href=\"https://x.vn/a.css\">", "x.vn"),
        (
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "onerror",
        ),
        (
            "<template><img src=x onerror=alert(1)></template>",
            "onerror",
        ),
        (
            "<img src=\"x\" srcset=\"javascript:alert(1) 1x\">",
            "srcset",
        ),
        ("<a href=\"https://x.vn\" target=\"_blank\">x</a>", "_blank"),
        ("<!--<img src=x onerror=alert(1)>-->", "onerror"),
        ("<p>1</p><![CDATA[<img src=x onerror=alert(1)>]]>", "<img"),
        ("<xmp><img src=x onerror=alert(1)></xmp>", "onerror"),
        // Inside a quoted URL the text is harmless; only an attribute would run.
        ("<img src=`x`onerror=alert(1)>", " onerror"),
        ("<table background=\"javascript:alert(1)\">", "background"),
        ("<p id=\"x\" class=\"y\" name=\"z\">x</p>", "id="),
    ];

    #[test]
    fn hostile_samples_are_defused() {
        for (input, banned) in HOSTILE {
            let out = clean_html(input);
            assert!(
                !out.to_ascii_lowercase()
                    .contains(&banned.to_ascii_lowercase()),
                "{input:?} gave {out:?}, which still holds {banned:?}"
            );
        }
    }

    #[test]
    fn good_markup_survives() {
        let body = "<p>Đoạn <strong>đậm</strong> và <em>nghiêng</em>.</p>\
            <figure><img src=\"/anh/a.jpg\" alt=\"Ảnh\" width=\"800\" height=\"450\">\
            <figcaption>Chú thích</figcaption></figure>\
            <table><thead><tr><th scope=\"col\">Năm</th></tr></thead>\
            <tbody><tr><td colspan=\"2\">2019</td></tr></tbody></table>";
        assert_eq!(clean_html(body), body);
        assert_eq!(
            clean_html("<a href=\"https://quangninh.gov.vn\">Nguồn</a>"),
            "<a href=\"https://quangninh.gov.vn\" rel=\"noopener noreferrer\">Nguồn</a>"
        );
    }

    #[test]
    fn media_are_kept_for_display_to_decide() {
        assert_eq!(
            clean_html("<img src=\"https://cdn.example.vn/a.jpg\"><img src=\"https://a.vn\\@evil.test/p.gif\">"),
            "<img src=\"https://cdn.example.vn/a.jpg\"><img>"
        );
        assert_eq!(
            clean_html("<iframe src=\"https://www.youtube.com/embed/x\" title=\"T\" width=\"560\"></iframe>"),
            "<iframe src=\"https://www.youtube.com/embed/x\" title=\"T\"></iframe>"
        );
        assert_eq!(clean_html("<h1>A</h1><h6>B</h6>"), "<h1>A</h1><h6>B</h6>");
    }

    #[test]
    fn text_of_dropped_wrappers_is_kept() {
        assert_eq!(clean_html("<div><span>Chữ</span></div>"), "Chữ");
        assert_eq!(clean_html("<font color=red>đỏ</font>"), "đỏ");
    }
}
