//! Cleans untrusted article HTML in the browser before it reaches the page.
//!
//! The browser's own parser reads the HTML into an inert `<template>` (nothing in
//! it runs or loads), then a walk keeps only what `ntm_types::sanitize_policy`
//! allows. The cleaned nodes are moved into the page as nodes, never written back
//! as a string, so the markup is not parsed a second time (no mutation XSS).
//! A sanitizer crate would carry its own HTML parser into the wasm.

use leptos::prelude::document;
use ntm_types::sanitize_policy::{
    attr_allowed, drops_content, is_safe_url, tag_allowed, URL_ATTRS,
};
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlTemplateElement, Node};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The cleaned content of `html`, as a fragment ready to append.
pub fn sanitize(html: &str) -> DocumentFragment {
    let template: HtmlTemplateElement = document()
        .create_element("template")
        .expect("template element")
        .unchecked_into();
    template.set_inner_html(html);
    let fragment = template.content();
    clean_children(&fragment);
    fragment
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
                || el.get_attribute(&name).is_some_and(|v| is_safe_url(&v)));
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
