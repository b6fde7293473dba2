//! Every request the front end makes. Pages name an [`Endpoint`] or call these
//! functions, and never build a URL themselves.
//!
//! JSON is parsed by the browser (`JSON.parse`, every string composed to NFC)
//! and mapped onto the shared types with serde-wasm-bindgen, which keeps a
//! JSON parser out of the wasm.

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{on_cleanup, set_timeout_with_handle, Action, Get, LocalResource};
use ntm_types::origin::{origin_of, parse_origins};
use ntm_types::{ApiError, Notice, PollResults, RatingState, SessionState, Stats};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::{wasm_bindgen, Closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::RequestCredentials;

/// A request slower than this is given up, so a reader on a bad line gets a
/// message and a retry button instead of an endless placeholder.
const TIMEOUT_MS: u64 = 20_000;

/// No answer of the contract comes near this; a bigger one is refused rather
/// than parsed, so a broken or hostile backend cannot freeze a cheap phone.
const MAX_ANSWER_BYTES: u32 = 1 << 20;

/// Why a request gave no data. Each has a message a reader can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No answer: offline, DNS, the backend is down, or CORS refused it.
    Network,
    /// No answer within [`TIMEOUT_MS`].
    Timeout,
    /// The backend has no such thing (404).
    NotFound(String),
    /// Any other non-2xx status, with the backend's message when it sent one.
    Status(u16, Option<String>),
    /// The body was not JSON, or not of the expected shape.
    Invalid,
    /// The body was larger than [`MAX_ANSWER_BYTES`].
    TooLarge,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network => f.write_str(
                "Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
            ),
            FetchError::Timeout => f.write_str("Máy chủ phản hồi quá chậm. Vui lòng thử lại."),
            FetchError::NotFound(m) => f.write_str(m),
            FetchError::Status(_, Some(m)) => f.write_str(m),
            FetchError::Status(code, None) => {
                write!(f, "Máy chủ gặp sự cố (mã {code}). Vui lòng thử lại sau.")
            }
            FetchError::Invalid => {
                f.write_str("Dữ liệu nhận được không hợp lệ. Vui lòng thử lại sau.")
            }
            FetchError::TooLarge => f.write_str("Dữ liệu nhận được quá lớn. Vui lòng thử lại sau."),
        }
    }
}

pub type ApiResult<T> = Result<T, FetchError>;

/// The content of `<meta name="{name}">` in index.html, trimmed.
pub fn meta_content(name: &str) -> Option<String> {
    leptos::prelude::document()
        .query_selector(&format!(r#"meta[name="{name}"]"#))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|s| s.trim().to_owned())
}

/// The API base, read once from `<meta name="ntm-api-base">` in index.html so one
/// build can be pointed at any backend. Defaults to `/api` on the same origin.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        meta_content("ntm-api-base")
            .map(|s| s.trim_end_matches('/').to_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "/api".to_owned())
    })
}

/// Where photos, logos, songs and media in articles may load from besides
/// this site: the API's own origin when it is elsewhere, and the origins
/// listed in `<meta name="ntm-media-origins">` (read once, like the API base).
pub fn media_origins() -> &'static [String] {
    static ORIGINS: OnceLock<Vec<String>> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        let mut origins = meta_content("ntm-media-origins")
            .map(|list| parse_origins(&list))
            .unwrap_or_default();
        origins.extend(origin_of(base()));
        origins
    })
}

fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}

/// Something to read from the backend. Pages name what they want; only this
/// module turns it into a URL.
#[derive(Clone, Debug, PartialEq)]
pub enum Endpoint {
    /// One page of the newest articles, of one category when given.
    Articles {
        category: Option<String>,
        page: u32,
    },
    Article(String),
    /// An article's rating as this visitor sees it.
    Rating(String),
    CurrentPoll,
    Polls,
    PollResults(i64),
    Stats,
    /// Visits on each of the last N days.
    DailyVisits(u32),
    /// A search of the issued documents.
    Documents(DocumentSearch),
    DocumentFacets,
    Document(String),
    /// Name, menu, footer, songs and partners.
    Site,
    /// Articles holding every word of `text`.
    Search {
        text: String,
        page: u32,
    },
    /// Who is signed in.
    Session,
}

/// A search of the issued documents, as the reader sets it in the page's URL
/// (Vietnamese parameter names) and as the API takes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentSearch {
    pub text: String,
    pub kind: String,
    pub issuing_body: String,
    pub area: String,
    pub year: String,
    pub from: String,
    pub to: String,
    /// `in_force`, `expired` or empty.
    pub status: String,
    pub page: u32,
    pub per_page: u32,
}

impl DocumentSearch {
    /// (URL parameter of the page, API parameter), in the order both are written.
    const PARAMS: [(&'static str, &'static str); 8] = [
        ("tu-khoa", "q"),
        ("loai", "kind"),
        ("co-quan", "issuing_body"),
        ("linh-vuc", "area"),
        ("nam", "year"),
        ("tu-ngay", "from"),
        ("den-ngay", "to"),
        ("hieu-luc", "status"),
    ];

    fn fields(&self) -> [&String; 8] {
        [
            &self.text,
            &self.kind,
            &self.issuing_body,
            &self.area,
            &self.year,
            &self.from,
            &self.to,
            &self.status,
        ]
    }

    /// Reads the page's URL parameters; `get` looks one up by name.
    pub fn from_page_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut values = Self::PARAMS.map(|(name, _)| get(name).unwrap_or_default());
        let [text, kind, issuing_body, area, year, from, to, status] = std::mem::take(&mut values);
        let page = get("trang")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let status = match status.as_str() {
            "con-hieu-luc" => "in_force".to_owned(),
            "het-hieu-luc" => "expired".to_owned(),
            _ => String::new(),
        };
        DocumentSearch {
            text,
            kind,
            issuing_body,
            area,
            year,
            from,
            to,
            status,
            page,
            per_page: 10,
        }
    }

    fn query(&self, page_names: bool) -> String {
        let mut parts = Vec::new();
        for ((page_name, api_name), value) in Self::PARAMS.iter().zip(self.fields()) {
            if value.is_empty() {
                continue;
            }
            let value = match (page_names, value.as_str()) {
                (true, "in_force") => "con-hieu-luc",
                (true, "expired") => "het-hieu-luc",
                (_, v) => v,
            };
            let name = if page_names { page_name } else { api_name };
            parts.push(format!("{name}={}", encode(value)));
        }
        parts.join("&")
    }

    /// The page's query string (without the page number), for links and the URL.
    pub fn page_query(&self) -> String {
        self.query(true)
    }
}

impl Endpoint {
    pub fn url(&self) -> String {
        let base = base();
        match self {
            Endpoint::Articles { category, page } => match category {
                Some(c) => format!("{base}/articles?page={page}&category={}", encode(c)),
                None => format!("{base}/articles?page={page}"),
            },
            Endpoint::Article(slug) => format!("{base}/articles/{}", encode(slug)),
            Endpoint::Rating(slug) => format!("{base}/articles/{}/rating", encode(slug)),
            Endpoint::CurrentPoll => format!("{base}/polls/current"),
            Endpoint::Polls => format!("{base}/polls"),
            Endpoint::PollResults(id) => format!("{base}/polls/{id}/results"),
            Endpoint::Stats => format!("{base}/stats"),
            Endpoint::DailyVisits(days) => format!("{base}/stats/daily?days={days}"),
            Endpoint::Documents(s) => {
                let filters = s.query(false);
                let sep = if filters.is_empty() { "" } else { "&" };
                format!(
                    "{base}/documents?page={}&per_page={}{sep}{filters}",
                    s.page, s.per_page
                )
            }
            Endpoint::DocumentFacets => format!("{base}/documents/facets"),
            Endpoint::Document(slug) => format!("{base}/documents/{}", encode(slug)),
            Endpoint::Site => format!("{base}/site"),
            Endpoint::Search { text, page } => {
                format!("{base}/search?q={}&page={page}", encode(text))
            }
            Endpoint::Session => format!("{base}/session"),
        }
    }
}

impl Endpoint {
    /// Whether the answer is the same for every reader and may be kept in
    /// memory: news, documents and the site's frame. What depends on the
    /// visitor (ratings, polls, session) or changes by the minute (statistics)
    /// is always asked for.
    fn shared(&self) -> bool {
        matches!(
            self,
            Endpoint::Articles { .. }
                | Endpoint::Article(_)
                | Endpoint::Documents(_)
                | Endpoint::DocumentFacets
                | Endpoint::Document(_)
                | Endpoint::Site
                | Endpoint::Search { .. }
        )
    }
}

/// How long a shared answer is reused: going back and forth between pages
/// shows them at once, and a reader still sees news within minutes.
const KEEP_MS: f64 = 5.0 * 60_000.0;

/// At most this many answers are kept; the oldest goes first.
const KEEP_COUNT: usize = 40;

thread_local! {
    /// Shared answers: URL, when it arrived, the JSON. A short list, searched
    /// in order (smaller in the wasm than a hash map).
    static ANSWERS: RefCell<Vec<(String, f64, JsValue)>> = const { RefCell::new(Vec::new()) };
    /// Prefetches under way: a page that needs one waits for it rather than
    /// asking a second time.
    static PREFETCHING: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

fn kept(url: &str) -> Option<JsValue> {
    let now = js_sys::Date::now();
    ANSWERS.with(|a| {
        a.borrow()
            .iter()
            .find(|(u, at, _)| u == url && now - at < KEEP_MS)
            .map(|(_, _, json)| json.clone())
    })
}

fn keep(url: String, json: &JsValue) {
    ANSWERS.with(|a| {
        let mut a = a.borrow_mut();
        a.retain(|(u, _, _)| *u != url);
        if a.len() >= KEEP_COUNT {
            a.remove(0);
        }
        a.push((url, js_sys::Date::now(), json.clone()));
    });
}

/// Drops a kept answer (the same JavaScript value).
fn forget(json: &JsValue) {
    ANSWERS.with(|a| a.borrow_mut().retain(|(_, _, kept)| kept != json));
}

fn prefetching(url: &str) -> Option<js_sys::Promise> {
    PREFETCHING.with(|p| {
        p.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, promise)| promise.clone())
    })
}

/// GET `endpoint`, from memory when a shared answer is fresh.
async fn fetch_endpoint(endpoint: &Endpoint) -> ApiResult<JsValue> {
    let url = endpoint.url();
    if !endpoint.shared() {
        return fetch_json(&url, Method::GET, None).await;
    }
    if let Some(json) = kept(&url) {
        return Ok(json);
    }
    if let Some(promise) = prefetching(&url) {
        // A failed prefetch (undefined) says nothing about this request: ask again below.
        if let Ok(json) = JsFuture::from(promise).await {
            if !json.is_undefined() {
                return Ok(json);
            }
        }
    }
    fetch_kept(url).await
}

async fn fetch_kept(url: String) -> ApiResult<JsValue> {
    let json = fetch_json(&url, Method::GET, None).await?;
    keep(url, &json);
    Ok(json)
}

/// Fetches a shared answer ahead of need (a link under the pointer), so the
/// page opens at once when the link is followed.
pub fn prefetch(endpoint: Endpoint) {
    let url = endpoint.url();
    if !endpoint.shared() || prefetching(&url).is_some() || kept(&url).is_some() {
        return;
    }
    let key = url.clone();
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        let result = fetch_kept(url.clone()).await;
        PREFETCHING.with(|p| p.borrow_mut().retain(|(u, _)| *u != url));
        // Never rejected: nobody may be waiting, and the console would say so.
        Ok(result.unwrap_or(JsValue::UNDEFINED))
    });
    PREFETCHING.with(|p| p.borrow_mut().push((key, promise)));
}

/// Fetched JSON, not yet decoded into a type.
pub type JsonResource = LocalResource<ApiResult<JsValue>>;
type JsonFuture = Pin<Box<dyn Future<Output = ApiResult<JsValue>>>>;

/// A resource holding the JSON of `endpoint()`, fetched again whenever the
/// signals `endpoint` reads change. Every resource of the app has this one
/// concrete type, so the reactive machinery behind it is compiled once rather
/// than once per data type: the wasm stays smaller.
///
/// Fetching the same URL again is a retry (the reader pressed "Thử lại"): it
/// goes to the network, since the kept answer may be what failed to show.
pub fn resource(endpoint: impl Fn() -> Endpoint + 'static) -> JsonResource {
    let last_url = std::cell::Cell::new(String::new());
    let fetch: Box<dyn Fn() -> JsonFuture> = Box::new(move || {
        let endpoint = endpoint();
        let url = endpoint.url();
        let retry = last_url.replace(url.clone()) == url;
        Box::pin(async move {
            match (retry, endpoint.shared()) {
                (true, true) => fetch_kept(url).await,
                _ => fetch_endpoint(&endpoint).await,
            }
        })
    });
    LocalResource::new(fetch)
}

/// A request sent on demand: a write, or a read the page starts itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Call {
    /// Reports that the browser shows this path.
    Visit(String),
    Stats,
    PollResults(i64),
    /// Poll id and the chosen options.
    Vote(i64, Vec<i64>),
    /// Article slug and 1 to 5 points.
    Rate(String, u8),
    Session,
    ExtendSession,
    /// E-mail and password.
    SignIn(String, String),
    /// Name, e-mail and password.
    Register(String, String, String),
    SignOut,
}

/// What a [`Call`] answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Stats(Stats),
    PollResults(PollResults),
    Rating(RatingState),
    Session(SessionState),
    Notice(Notice),
    Done,
}

impl Answer {
    pub fn stats(self) -> Option<Stats> {
        match self {
            Answer::Stats(s) => Some(s),
            _ => None,
        }
    }
    pub fn poll_results(self) -> Option<PollResults> {
        match self {
            Answer::PollResults(r) => Some(r),
            _ => None,
        }
    }
    pub fn rating(self) -> Option<RatingState> {
        match self {
            Answer::Rating(r) => Some(r),
            _ => None,
        }
    }
    pub fn session(self) -> Option<SessionState> {
        match self {
            Answer::Session(s) => Some(s),
            _ => None,
        }
    }
    pub fn notice(self) -> Option<Notice> {
        match self {
            Answer::Notice(n) => Some(n),
            _ => None,
        }
    }
}

/// Every action of the app has this one concrete type, so the reactive
/// machinery behind actions is compiled once rather than once per request
/// and answer type (as with [`JsonResource`]).
pub type ApiAction = Action<Call, ApiResult<Answer>>;

/// An action sending whatever [`Call`] it is dispatched with.
pub fn action() -> ApiAction {
    Action::new_unsync(|call: &Call| send(call.clone()))
}

/// The last answer of `action` as a `T`, read reactively (`None` before one).
pub fn last<T>(action: ApiAction, pick: fn(Answer) -> Option<T>) -> Option<ApiResult<T>> {
    action
        .value()
        .get()
        .map(|r| r.and_then(|a| pick(a).ok_or(FetchError::Invalid)))
}

async fn send(call: Call) -> ApiResult<Answer> {
    Ok(match call {
        Call::Visit(path) => Answer::Stats(visit(path).await?),
        Call::Stats => Answer::Stats(get(Endpoint::Stats).await?),
        Call::PollResults(id) => Answer::PollResults(get(Endpoint::PollResults(id)).await?),
        Call::Vote(id, options) => Answer::PollResults(vote(id, options).await?),
        Call::Rate(slug, points) => Answer::Rating(rate(slug, points).await?),
        Call::Session => Answer::Session(session().await?),
        Call::ExtendSession => Answer::Session(extend_session().await?),
        Call::SignIn(email, password) => Answer::Session(sign_in(email, password).await?),
        Call::Register(name, email, password) => {
            Answer::Notice(register(name, email, password).await?)
        }
        Call::SignOut => {
            crate::components::member::sign_out_everywhere().await;
            Answer::Done
        }
    })
}

/// GET an endpoint once and decode it.
pub async fn get<T: DeserializeOwned>(endpoint: Endpoint) -> ApiResult<T> {
    decode(fetch_endpoint(&endpoint).await?)
}

/// POSTs `body` (JSON text) to `path` under the API base and decodes the answer.
async fn post<T: DeserializeOwned>(path: &str, body: String) -> ApiResult<T> {
    decode(fetch_json(&format!("{}{path}", base()), Method::POST, Some(body)).await?)
}

/// Rates the article with 1 to 5 points.
pub async fn rate(slug: String, points: u8) -> ApiResult<RatingState> {
    // The body is one small integer: no JSON serializer needed.
    let body = format!(r#"{{"points":{points}}}"#);
    decode(fetch_json(&Endpoint::Rating(slug).url(), Method::POST, Some(body)).await?)
}

/// Votes for `options` of poll `id`; answers with the new results.
pub async fn vote(id: i64, options: Vec<i64>) -> ApiResult<PollResults> {
    let ids: Vec<String> = options.iter().map(i64::to_string).collect();
    post(
        &format!("/polls/{id}/vote"),
        format!(r#"{{"options":[{}]}}"#, ids.join(",")),
    )
    .await
}

/// Reports that the browser shows `path`; answers with the statistics.
pub async fn visit(path: String) -> ApiResult<Stats> {
    post("/visits", format!(r#"{{"path":{}}}"#, quote(&path))).await
}

/// `text` as a JSON string: the browser's JSON quotes whatever it holds.
fn quote(text: &str) -> String {
    js_sys::JSON::stringify(&JsValue::from_str(text))
        .map(String::from)
        .unwrap_or_else(|_| "\"\"".to_owned())
}

thread_local! {
    /// The signed-in member's anti-forgery token, sent with every write.
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps the session's token for later writes; returns the state.
fn remember(state: SessionState) -> SessionState {
    CSRF.with(|c| *c.borrow_mut() = state.csrf_token.clone());
    state
}

/// Who is signed in (nobody when `member` is empty).
pub async fn session() -> ApiResult<SessionState> {
    get(Endpoint::Session).await.map(remember)
}

pub async fn sign_in(email: String, password: String) -> ApiResult<SessionState> {
    let body = format!(
        r#"{{"email":{},"password":{}}}"#,
        quote(&email),
        quote(&password)
    );
    post("/session", body).await.map(remember)
}

pub async fn register(name: String, email: String, password: String) -> ApiResult<Notice> {
    let body = format!(
        r#"{{"name":{},"email":{},"password":{}}}"#,
        quote(&name),
        quote(&email),
        quote(&password)
    );
    post("/members", body).await
}

/// Tells the server the member is still there: the idle time starts again.
pub async fn extend_session() -> ApiResult<SessionState> {
    post("/session/extend", "{}".to_owned()).await.map(remember)
}

pub async fn sign_out() -> ApiResult<()> {
    let url = format!("{}/session", base());
    let result = fetch_json(&url, Method::DELETE, None).await.map(|_| ());
    CSRF.with(|c| *c.borrow_mut() = None);
    result
}

/// JSON into `T`; the wrong shape is [`FetchError::Invalid`].
pub fn decode<T: DeserializeOwned>(json: JsValue) -> ApiResult<T> {
    serde_wasm_bindgen::from_value(json.clone()).map_err(|_| {
        // An answer kept in memory that does not fit is not shown again.
        forget(&json);
        FetchError::Invalid
    })
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a string that stays in JavaScript: js-sys's takes a
    /// Rust `&str`, which would copy the answer into the wasm and back.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString, reviver: &js_sys::Function) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Every string of an answer composed (NFC): the contract lets text come
    /// decomposed, as many Vietnamese keyboards and PHP's `\uXXXX` escapes
    /// give it, and fonts draw decomposed marks apart (worst in monospace).
    /// The browser's own `normalize`, so the wasm carries no tables.
    static COMPOSED: Closure<dyn Fn(JsValue, JsValue) -> JsValue> =
        Closure::new(|_key, value: JsValue| match value.dyn_ref::<js_sys::JsString>() {
            Some(text) => text.normalize("NFC").into(),
            None => value,
        });
}

/// GET `url` (or POST `body` to it as JSON) and parse the answer as JSON. Cookies
/// go along, since ratings and votes are tied to the visitor's cookie, also when
/// the backend is on another origin. The request is aborted when the calling
/// reactive scope is cleaned up (the reader navigated away) or on timeout.
async fn fetch_json(url: &str, method: Method, body: Option<String>) -> ApiResult<JsValue> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller.clone().and_then(|c| {
        set_timeout_with_handle(
            move || c.abort(),
            std::time::Duration::from_millis(TIMEOUT_MS),
        )
        .ok()
    });
    if let Some(c) = controller.clone() {
        on_cleanup(move || c.abort());
    }
    let write = method != Method::GET;
    // gloo-net appends "&" to a URL that already has a query, which would make
    // the request miss the page's preload of it: the query goes in as pairs.
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let pairs = query.split('&').filter_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        let value = js_sys::decode_uri_component(value).ok()?;
        Some((name, String::from(value)))
    });
    let mut builder = RequestBuilder::new(path)
        .query(pairs)
        .method(method)
        .header("Accept", "application/json")
        .credentials(RequestCredentials::Include)
        .abort_signal(signal.as_ref());
    if write {
        if let Some(token) = CSRF.with(|c| c.borrow().clone()) {
            builder = builder.header("X-CSRF-Token", &token);
        }
    }
    let request = match body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    };
    let sent = match request {
        Ok(r) => r.send().await,
        Err(e) => Err(e),
    };
    let timed_out = signal.as_ref().is_some_and(|s| s.aborted());
    if let Some(t) = timer {
        t.clear();
    }
    let response = match sent {
        Ok(r) => r,
        Err(_) if timed_out => return Err(FetchError::Timeout),
        Err(_) => return Err(FetchError::Network),
    };
    let (ok, status) = (response.ok(), response.status());
    if status == 204 {
        return Ok(JsValue::NULL);
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|l| l > u64::from(MAX_ANSWER_BYTES)) {
        return Err(FetchError::TooLarge);
    }
    // Read as text first, so an answer without a length is measured too.
    let raw = web_sys::Response::from(response);
    let text = match raw.text() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    };
    let text = text.and_then(|t| t.dyn_into::<js_sys::JsString>().ok());
    if text.as_ref().is_some_and(|t| t.length() > MAX_ANSWER_BYTES) {
        return Err(FetchError::TooLarge);
    }
    let json =
        text.and_then(|t| COMPOSED.with(|c| parse_json(&t, c.as_ref().unchecked_ref()).ok()));
    if !ok {
        // Keep the backend's own message when it sent an ApiError.
        let message = json
            .and_then(|j| serde_wasm_bindgen::from_value::<ApiError>(j).ok())
            .map(|e| e.message);
        return Err(match status {
            404 => FetchError::NotFound(
                message.unwrap_or_else(|| "Không tìm thấy nội dung bạn yêu cầu.".to_owned()),
            ),
            code => FetchError::Status(code, message),
        });
    }
    json.ok_or(FetchError::Invalid)
}
