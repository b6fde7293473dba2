//! Cleans untrusted article HTML in the browser before it reaches the page.
//!
//! The browser's own parser reads the HTML into an inert `<template>` (nothing in
//! it runs or loads), then a walk keeps only what `ntm_types::sanitize_policy`
//! allows. The cleaned nodes are moved into the page as nodes, never written back
//! as a string, so the markup is not parsed a second time (no mutation XSS).
//! A sanitizer crate would carry its own HTML parser into the wasm.

use js_sys::{Function, Object, Reflect};
use leptos::prelude::{document, window};
use ntm_types::sanitize_policy::{
    attr_allowed, drops_content, tag_allowed, url_allowed, URL_ATTRS,
};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element, HtmlTemplateElement, Node};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// `url` when the policy lets attribute `attr` hold it (see
/// `ntm_types::sanitize_policy::url_allowed`), else an empty string, which
/// neither loads nor leads anywhere. For every URL the backend sends outside
/// article bodies: menu links, partner links, logos, photos, songs.
pub fn checked_url(attr: &str, url: String) -> String {
    if url_allowed(attr, &url) {
        url
    } else {
        String::new()
    }
}

/// The cleaned content of `html`, as a fragment ready to append.
pub fn sanitize(html: &str) -> DocumentFragment {
    let template: HtmlTemplateElement = document()
        .create_element("template")
        .expect("template element")
        .unchecked_into();
    set_inert_html(&template, html);
    let fragment = template.content();
    clean_children(&fragment);
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
    if foreign || drops_content(&tag) {
        let _ = parent.remove_child(&el);
        return;
    }
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
    for name in names {
        let keep = attr_allowed(&tag, &name)
            && (!URL_ATTRS.contains(&name.as_str())
                || el
                    .get_attribute(&name)
                    .is_some_and(|v| url_allowed(&name, &v)));
        if !keep {
            let _ = el.remove_attribute(&name);
        }
    }
    match tag.as_str() {
        "a" => {
            let _ = el.set_attribute("rel", "noopener noreferrer");
        }
        // Photos below the fold wait until the reader scrolls near them.
        "img" => {
            let _ = el.set_attribute("loading", "lazy");
            let _ = el.set_attribute("decoding", "async");
        }
        _ => {}
    }
}
