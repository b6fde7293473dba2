//! An article's body as the first view shows it: cleaned again by the shared
//! policy (`crate::sanitize`), then laid out the way the front end lays it
//! out in the browser (`src/sanitize.rs`), so the app takes over without a
//! change: headings re-levelled, tables in a box that scrolls sideways,
//! frames as links, players with their controls or, without a source that
//! may load, a link to their file; photos waiting until scrolled to.
//!
//! The layout is two streaming passes of lol_html over the cleaned body
//! (clean markup, every element closed): the first notes what the second
//! needs to know before an element's end (a player's sources, a table's
//! caption), by the order elements come in.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, end_tag, rewrite_str, text, RewriteStrSettings};
use ntm_types::sanitize_policy::{
    body_heading_level, embed_link, is_safe_url, media_link_text, src_allowed, table_label,
};

use crate::sanitize::clean_html;
use crate::text::escape_html;

/// A player, as the first pass finds it.
#[derive(Default)]
struct Player {
    /// Its own `src`, or its first source's: the file the link leads to.
    url: Option<String>,
    /// Some source may load here.
    playable: bool,
}

/// What the first pass notes, by order of appearance.
#[derive(Default)]
struct Notes {
    players: Vec<Player>,
    /// For each `source` and `track`: inside a player.
    in_player: Vec<bool>,
    /// Each table's caption text.
    captions: Vec<String>,
    /// Inside a player now (the first pass's own state).
    inside: bool,
    /// Inside a table's caption now.
    in_caption: bool,
}

/// `html` cleaned and laid out for the page; `media_origins` are the
/// origins besides this site that media may load from.
pub fn for_page(html: &str, media_origins: &[String]) -> String {
    let clean = clean_html(html);
    let notes = match take_notes(&clean, media_origins) {
        Ok(n) => n,
        Err(_) => return clean,
    };
    lay_out(&clean, notes, media_origins).unwrap_or(clean)
}

type Shared<T> = Rc<RefCell<T>>;

fn take_notes(html: &str, origins: &[String]) -> Result<Notes, lol_html::errors::RewritingError> {
    let notes: Shared<Notes> = Rc::default();
    let (n1, n2, n3, n4, n5) = (
        notes.clone(),
        notes.clone(),
        notes.clone(),
        notes.clone(),
        notes.clone(),
    );
    let origins_of_player = origins.to_vec();
    let origins_of_source = origins.to_vec();
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("video, audio", move |el| {
                    let src = el.get_attribute("src");
                    let playable = src
                        .as_deref()
                        .is_some_and(|s| src_allowed(s, &origins_of_player));
                    let mut n = n1.borrow_mut();
                    n.players.push(Player { url: src, playable });
                    n.inside = true;
                    let after = n1.clone();
                    drop(n);
                    el.on_end_tag(end_tag!(move |_| {
                        after.borrow_mut().inside = false;
                        Ok(())
                    }))
                }),
                element!("source, track", move |el| {
                    let mut n = n2.borrow_mut();
                    let inside = n.inside;
                    n.in_player.push(inside);
                    if inside && el.tag_name() == "source" {
                        if let (Some(player), Some(src)) =
                            (n.players.last_mut(), el.get_attribute("src"))
                        {
                            player.playable |= src_allowed(&src, &origins_of_source);
                            player.url.get_or_insert(src);
                        }
                    }
                    Ok(())
                }),
                element!("table", move |_| {
                    n3.borrow_mut().captions.push(String::new());
                    Ok(())
                }),
                element!("caption", move |el| {
                    n4.borrow_mut().in_caption = true;
                    let after = n4.clone();
                    el.on_end_tag(end_tag!(move |_| {
                        after.borrow_mut().in_caption = false;
                        Ok(())
                    }))
                }),
                text!("caption", move |t| {
                    let mut n = n5.borrow_mut();
                    if n.in_caption {
                        let chunk = unescape_text(t.as_str());
                        if let Some(c) = n.captions.last_mut() {
                            c.push_str(&chunk);
                        }
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )?;
    Ok(notes.take())
}

/// Counters of the second pass, by kind of element.
#[derive(Default)]
struct Seen {
    /// The level the last heading was shown at (the page's h1 before any).
    heading: u8,
    tables: usize,
    players: usize,
    sources: usize,
}

fn lay_out(
    html: &str,
    notes: Notes,
    origins: &[String],
) -> Result<String, lol_html::errors::RewritingError> {
    let seen: Shared<Seen> = Rc::new(RefCell::new(Seen {
        heading: 1,
        ..Seen::default()
    }));
    let notes = Rc::new(notes);
    let (s1, s2, s3, s4) = (seen.clone(), seen.clone(), seen.clone(), seen.clone());
    let (t1, t2, t3) = (notes.clone(), notes.clone(), notes.clone());
    let (o1, o2, o3) = (origins.to_vec(), origins.to_vec(), origins.to_vec());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("h1, h2, h3, h4, h5, h6", move |el| {
                    let level = el
                        .tag_name()
                        .strip_prefix('h')
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(2);
                    let mut s = s1.borrow_mut();
                    s.heading = body_heading_level(level, s.heading);
                    if s.heading != level {
                        el.set_tag_name(&format!("h{}", s.heading))?;
                    }
                    Ok(())
                }),
                element!("table", move |el| {
                    let mut s = s2.borrow_mut();
                    let caption = t1.captions.get(s.tables).map_or("", String::as_str);
                    s.tables += 1;
                    el.before(
                        &format!(
                            r#"<div class="table-scroll" tabindex="0" role="group" aria-label="{}">"#,
                            escape_html(&table_label(s.tables, caption))
                        ),
                        ContentType::Html,
                    );
                    el.after("</div>", ContentType::Html);
                    Ok(())
                }),
                element!("img", move |el| {
                    drop_src_unless_allowed(el, &o1);
                    if !el.has_attribute("alt") {
                        el.set_attribute("alt", "")?;
                    }
                    el.set_attribute("loading", "lazy")?;
                    el.set_attribute("decoding", "async")?;
                    Ok(())
                }),
                element!("iframe", |el| {
                    let src = el.get_attribute("src").unwrap_or_default();
                    let title = el.get_attribute("title").unwrap_or_default();
                    match embed_link(&src, &title) {
                        Some((href, text)) => el.replace(
                            &link_paragraph("embed-link", &href, &text),
                            ContentType::Html,
                        ),
                        None => el.remove(),
                    }
                    Ok(())
                }),
                element!("video, audio", move |el| {
                    let mut s = s3.borrow_mut();
                    let player = t2.players.get(s.players);
                    s.players += 1;
                    match player {
                        Some(p) if p.playable => {
                            drop_src_unless_allowed(el, &o2);
                            el.set_attribute("controls", "")?;
                            el.set_attribute("preload", "none")?;
                        }
                        p => {
                            let tag = el.tag_name();
                            match p.and_then(|p| p.url.as_deref()).filter(|u| is_safe_url(u)) {
                                Some(url) => el.replace(
                                    &link_paragraph("media-link", url, media_link_text(&tag)),
                                    ContentType::Html,
                                ),
                                None => el.remove(),
                            }
                        }
                    }
                    Ok(())
                }),
                // A player keeps its sources and tracks, nothing else: its
                // fallback text would blame the reader's browser.
                element!(
                    "video *:not(source):not(track), audio *:not(source):not(track)",
                    |el| {
                        el.remove();
                        Ok(())
                    }
                ),
                text!("video, audio", |t| {
                    t.remove();
                    Ok(())
                }),
                element!("source, track", move |el| {
                    let mut s = s4.borrow_mut();
                    let inside = t3.in_player.get(s.sources).copied().unwrap_or(false);
                    s.sources += 1;
                    let loads = el
                        .get_attribute("src")
                        .is_some_and(|v| src_allowed(&v, &o3));
                    if !inside || !loads {
                        el.remove();
                    }
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )
}

/// Text as html5ever writes it (only `&`, `<`, `>` and no-break spaces are
/// escaped), as the browser's `textContent` reads it.
fn unescape_text(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn drop_src_unless_allowed(el: &mut Element, origins: &[String]) {
    if el
        .get_attribute("src")
        .is_some_and(|v| !src_allowed(&v, origins))
    {
        el.remove_attribute("src");
    }
}

/// `<p class="{class}"><a href="{href}" rel="noopener noreferrer">{text}</a></p>`,
/// as the front end builds it.
fn link_paragraph(class: &str, href: &str, text: &str) -> String {
    format!(
        r#"<p class="{class}"><a href="{}" rel="noopener noreferrer">{}</a></p>"#,
        escape_html(href),
        escape_html(text)
    )
}

#[cfg(test)]
mod tests {
    use super::for_page;

    fn shown(html: &str) -> String {
        for_page(html, &["https://cdn.example.vn".to_owned()])
    }

    #[test]
    fn headings_follow_the_page_title() {
        assert_eq!(
            shown("<h1>A</h1><h4>B</h4><h6>C</h6><h2>D</h2>"),
            "<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2>"
        );
    }

    #[test]
    fn tables_scroll_in_a_named_box() {
        assert_eq!(
            shown("<table><caption>Chỉ tiêu &amp; kết quả</caption><tbody><tr><td>1</td></tr></tbody></table><table><tbody><tr><td>2</td></tr></tbody></table>"),
            concat!(
                r#"<div class="table-scroll" tabindex="0" role="group" aria-label="Bảng 1: Chỉ tiêu &amp; kết quả">"#,
                "<table><caption>Chỉ tiêu &amp; kết quả</caption><tbody><tr><td>1</td></tr></tbody></table></div>",
                r#"<div class="table-scroll" tabindex="0" role="group" aria-label="Bảng 2">"#,
                "<table><tbody><tr><td>2</td></tr></tbody></table></div>"
            )
        );
    }

    #[test]
    fn images_lazy_described_or_decorative() {
        assert_eq!(
            shown(
                r#"<img src="/anh/a.jpg"><img src="https://evil.test/p.gif" alt="x"><img src="https://cdn.example.vn/b.jpg" alt="B">"#
            ),
            concat!(
                r#"<img src="/anh/a.jpg" alt="" loading="lazy" decoding="async">"#,
                r#"<img alt="x" loading="lazy" decoding="async">"#,
                r#"<img src="https://cdn.example.vn/b.jpg" alt="B" loading="lazy" decoding="async">"#
            )
        );
    }

    #[test]
    fn frames_become_links() {
        assert_eq!(
            shown(
                r#"<p>x</p><iframe src="https://www.youtube.com/embed/abc" title="Lễ ra mắt">fallback</iframe>"#
            ),
            r#"<p>x</p><p class="embed-link"><a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer">Xem video trên YouTube: Lễ ra mắt</a></p>"#
        );
        assert_eq!(shown(r#"<iframe src="javascript:alert(1)"></iframe>"#), "");
    }

    #[test]
    fn players_keep_their_sources_or_give_way_to_a_link() {
        assert_eq!(
            shown(
                r#"<video autoplay><source src="https://cdn.example.vn/v.mp4" type="video/mp4"><source src="https://evil.test/v.webm">Your browser does not support video.<p>Tải <a href="/v.mp4">về</a></p></video>"#
            ),
            r#"<video controls="" preload="none"><source src="https://cdn.example.vn/v.mp4" type="video/mp4"></video>"#
        );
        assert_eq!(
            shown(r#"<audio src="https://evil.test/a.mp3">Không hỗ trợ</audio>"#),
            r#"<p class="media-link"><a href="https://evil.test/a.mp3" rel="noopener noreferrer">Mở tệp âm thanh</a></p>"#
        );
        assert_eq!(shown("<video>Không hỗ trợ</video>"), "");
        // A source outside a player means nothing.
        assert_eq!(shown(r#"<p><source src="/a.mp4">x</p>"#), "<p>x</p>");
    }
}
