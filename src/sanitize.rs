//! Cleans untrusted article HTML in the browser before it reaches the page.
//!
//! The browser's own parser reads the HTML into an inert `<template>` (nothing in
//! it runs or loads), then a walk keeps only what `ntm_types::sanitize_policy`
//! allows. The cleaned nodes are moved into the page as nodes, never written back
//! as a string, so the markup is not parsed a second time (no mutation XSS).
//! A sanitizer crate would carry its own HTML parser into the wasm. Then the
//! body is laid out as the policy says a body is shown: headings re-levelled,
//! tables in a box that scrolls sideways, frames as links, players with their
//! controls (the backend's first view does the same, `server/src/body.rs`).

use js_sys::{Function, Object, Reflect};
use leptos::prelude::{document, window};
use ntm_types::sanitize_policy::{
    attr_allowed, body_heading_level, drops_content, embed_link, is_safe_url, media_link_text,
    table_label, tag_allowed, url_allowed, MEDIA_TAGS, URL_ATTRS,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element, HtmlTemplateElement, Node};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The cleaned content of `html`, as a fragment ready to append.
pub fn sanitize(html: &str) -> DocumentFragment {
    let template: HtmlTemplateElement = document()
        .create_element("template")
        .expect("template element")
        .unchecked_into();
    set_inert_html(&template, html);
    let fragment = template.content();
    clean_children(&fragment);
    lay_out(&fragment);
    fragment
}

thread_local! {
    static POLICY: Option<JsValue> = create_policy("ntm-html", pass_through, None);
}

fn pass_through(html: String) -> Result<String, JsValue> {
    Ok(html)
}

/// Leptos builds static parts of views from HTML strings of our own code (its
/// `<template>` cache). Under Trusted Types those go through the page's
/// default policy, which refuses anything that could run script: the views
/// never hold any, so a string that does came from somewhere else.
fn refuse_script(html: String) -> Result<String, JsValue> {
    let lower = html.to_ascii_lowercase();
    let risky = lower.contains("<script")
        || lower.contains("javascript:")
        || lower.contains("<iframe")
        || lower.contains("<object")
        || lower.contains("<embed")
        || lower.match_indices(" on").any(|(i, _)| {
            lower[i + 3..]
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .starts_with('=')
        });
    if risky {
        Err(JsValue::from_str(
            "Trusted Types: HTML refused by the default policy",
        ))
    } else {
        Ok(html)
    }
}

/// The one script URL the app hands the browser: its service worker.
fn service_worker_only(url: String) -> Result<String, JsValue> {
    if url.starts_with("/sw.js?") {
        Ok(url)
    } else {
        Err(JsValue::from_str(
            "Trusted Types: script URL refused by the default policy",
        ))
    }
}

/// Installs the default Trusted Types policy; call once, before anything renders.
pub fn install_default_policy() {
    // Kept alive by the browser for the life of the page.
    let _ = create_policy("default", refuse_script, Some(service_worker_only));
}

/// The page requires Trusted Types (see the backend's Content-Security-Policy):
/// HTML may enter the DOM only through a named policy. Ours lets text into the
/// inert template alone, and the walk below cleans it before anything reaches
/// the page.
fn create_policy(
    name: &str,
    create_html: fn(String) -> Result<String, JsValue>,
    create_script_url: Option<fn(String) -> Result<String, JsValue>>,
) -> Option<JsValue> {
    let tt = Reflect::get(&window(), &"trustedTypes".into())
        .ok()
        .filter(|v| !v.is_undefined())?;
    let create: Function = Reflect::get(&tt, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    let hooks = [
        ("createHTML", Some(create_html)),
        ("createScriptURL", create_script_url),
    ];
    for (hook, f) in hooks {
        if let Some(f) = f {
            let callback = Closure::<dyn Fn(String) -> Result<String, JsValue>>::new(f);
            Reflect::set(&options, &hook.into(), callback.as_ref()).ok()?;
            // Lives as long as the page, like the policy.
            callback.forget();
        }
    }
    create.call2(&tt, &name.into(), &options).ok()
}

fn set_inert_html(template: &HtmlTemplateElement, html: &str) {
    let trusted = POLICY.with(|policy| {
        let policy = policy.as_ref()?;
        let create: Function = Reflect::get(policy, &"createHTML".into())
            .ok()?
            .dyn_into()
            .ok()?;
        create.call1(policy, &html.into()).ok()
    });
    match trusted {
        Some(value) => {
            let _ = Reflect::set(template, &"innerHTML".into(), &value);
        }
        // A browser without Trusted Types.
        None => template.set_inner_html(html),
    }
}

/// The cleaned HTML as a string; for tests and for callers that need text.
pub fn sanitize_to_string(html: &str) -> String {
    let holder = document().create_element("div").expect("div element");
    let _ = holder.append_child(&sanitize(html));
    holder.inner_html()
}

fn clean_children(parent: &Node) {
    let mut child = parent.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        match node.node_type() {
            Node::TEXT_NODE => {}
            Node::ELEMENT_NODE => clean_element(parent, node.unchecked_into()),
            // Comments, CDATA, processing instructions.
            _ => {
                let _ = parent.remove_child(&node);
            }
        }
    }
}

fn clean_element(parent: &Node, el: Element) {
    let tag = el.local_name();
    // SVG and MathML elements live in other namespaces: never keep them.
    let foreign = el.namespace_uri().as_deref() != Some(HTML_NS);
    // Sources and tracks mean something only inside a player.
    let stray = matches!(tag.as_str(), "source" | "track")
        && !parent
            .dyn_ref::<Element>()
            .is_some_and(|p| MEDIA_TAGS.contains(&p.local_name().as_str()));
    if foreign || stray || drops_content(&tag) {
        let _ = parent.remove_child(&el);
        return;
    }
    if tag == "iframe" {
        replace_frame(parent, &el);
        return;
    }
    // A player's file, read before its sources are cleaned: the link shown
    // when none of them may load.
    let media_url = MEDIA_TAGS
        .contains(&tag.as_str())
        .then(|| first_media_url(&el))
        .flatten();
    clean_children(&el);
    if !tag_allowed(&tag) {
        // Keep the (already cleaned) content, drop the wrapper.
        while let Some(inner) = el.first_child() {
            let _ = parent.insert_before(&inner, Some(&el));
        }
        let _ = parent.remove_child(&el);
        return;
    }
    let attrs = el.attributes();
    let names: Vec<String> = (0..attrs.length())
        .filter_map(|i| attrs.item(i))
        .map(|a| a.name())
        .collect();
    let origins = crate::api::media_origins();
    for name in names {
        let keep = attr_allowed(&tag, &name)
            && (!URL_ATTRS.contains(&name.as_str())
                || el
                    .get_attribute(&name)
                    .is_some_and(|v| url_allowed(&name, &v, origins)));
        if !keep {
            let _ = el.remove_attribute(&name);
        }
    }
    match tag.as_str() {
        "a" => {
            let _ = el.set_attribute("rel", "noopener noreferrer");
        }
        // Photos below the fold wait until the reader scrolls near them; one
        // without a description is decoration, its caption saying the rest.
        "img" => {
            let _ = el.set_attribute("loading", "lazy");
            let _ = el.set_attribute("decoding", "async");
            if !el.has_attribute("alt") {
                let _ = el.set_attribute("alt", "");
            }
        }
        "video" | "audio" => show_player(parent, &el, &tag, media_url),
        "source" | "track" if !el.has_attribute("src") => {
            let _ = parent.remove_child(&el);
        }
        _ => {}
    }
}

/// The address of a player's file: its own `src`, or its first source's.
fn first_media_url(el: &Element) -> Option<String> {
    el.get_attribute("src").or_else(|| {
        el.query_selector("source[src]")
            .ok()
            .flatten()
            .and_then(|s| s.get_attribute("src"))
    })
}

/// A player keeps its sources and tracks, nothing else (its fallback text
/// would blame the reader's browser), and the browser's controls; without a
/// source that may load, it gives way to a link to its file.
fn show_player(parent: &Node, el: &Element, tag: &str, url: Option<String>) {
    let mut child = el.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        let keep = node
            .dyn_ref::<Element>()
            .is_some_and(|e| matches!(e.local_name().as_str(), "source" | "track"));
        if !keep {
            let _ = el.remove_child(&node);
        }
    }
    let playable = el.has_attribute("src") || el.query_selector("source").ok().flatten().is_some();
    if playable {
        let _ = el.set_attribute("controls", "");
        let _ = el.set_attribute("preload", "none");
        return;
    }
    match url.filter(|u| is_safe_url(u)) {
        Some(href) => {
            let _ = parent.replace_child(
                &link_paragraph("media-link", &href, media_link_text(tag)),
                el,
            );
        }
        None => {
            let _ = parent.remove_child(el);
        }
    }
}

/// An embedded frame is never loaded in the page: a link to what it embeds
/// takes its place.
fn replace_frame(parent: &Node, el: &Element) {
    let src = el.get_attribute("src").unwrap_or_default();
    let title = el.get_attribute("title").unwrap_or_default();
    match embed_link(&src, &title) {
        Some((href, text)) => {
            let _ = parent.replace_child(&link_paragraph("embed-link", &href, &text), el);
        }
        None => {
            let _ = parent.remove_child(el);
        }
    }
}

/// `<p class="{class}"><a href="{href}" rel="noopener noreferrer">{text}</a></p>`.
fn link_paragraph(class: &str, href: &str, text: &str) -> Node {
    let doc = document();
    let p = doc.create_element("p").expect("p element");
    p.set_class_name(class);
    let a = doc.create_element("a").expect("a element");
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("rel", "noopener noreferrer");
    a.set_text_content(Some(text));
    let _ = p.append_child(&a);
    p.into()
}

/// Lays out the cleaned body as the policy shows one: headings under the
/// page's own `h1` with no level skipped, and each table in a box that
/// scrolls sideways, reachable by keyboard and named after the table.
fn lay_out(fragment: &DocumentFragment) {
    let doc = document();
    let mut previous = 1;
    for heading in elements(fragment, "h1,h2,h3,h4,h5,h6") {
        let level = heading
            .local_name()
            .strip_prefix('h')
            .and_then(|n| n.parse().ok())
            .unwrap_or(2);
        previous = body_heading_level(level, previous);
        if previous != level {
            let Ok(renamed) = doc.create_element(&format!("h{previous}")) else {
                continue;
            };
            while let Some(inner) = heading.first_child() {
                let _ = renamed.append_child(&inner);
            }
            let _ = heading.replace_with_with_node_1(&renamed);
        }
    }
    for (i, table) in elements(fragment, "table").into_iter().enumerate() {
        let caption = table
            .query_selector(":scope > caption")
            .ok()
            .flatten()
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        let Ok(scroller) = doc.create_element("div") else {
            continue;
        };
        scroller.set_class_name("table-scroll");
        let _ = scroller.set_attribute("tabindex", "0");
        let _ = scroller.set_attribute("role", "group");
        let _ = scroller.set_attribute("aria-label", &table_label(i + 1, &caption));
        let _ = table.replace_with_with_node_1(&scroller);
        let _ = scroller.append_child(&table);
    }
}

/// The elements under `root` matching `selector`, in document order.
fn elements(root: &DocumentFragment, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}
