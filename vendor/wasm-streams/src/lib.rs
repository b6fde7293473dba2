//! A stand-in for wasm-streams 0.5, with only what server_fn's browser client
//! names (`ReadableStream::{from_stream, from_raw, into_raw, into_stream}`).
//!
//! Why: leptos's `csr` feature brings server_fn, and server_fn brings
//! wasm-streams for streaming server functions. This app has no server
//! functions, yet wasm-streams' `#[wasm_bindgen]` classes (a source, a byte
//! source and a sink, ten exports) are roots of the link: they and their
//! JS glue stayed in the release build, unused. Here nothing is exported.
//! A streaming server function would get an empty body, and an error for
//! every chunk of an answer: none is ever called.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self(raw)
    }

    /// An empty stream: `stream` is not read.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self(web_sys::ReadableStream::new().unwrap_or_else(|_| JsValue::UNDEFINED.into()))
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }

    /// One error, whatever the stream holds.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin + 'static {
        stream::iter([Err(JsValue::from_str("streams are not supported in this build"))])
    }
}
