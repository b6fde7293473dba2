//! Property tests: random query strings, path segments, methods and bodies,
//! sent to every route of the API in-process. Whatever comes in, the answer is
//! never a 5xx nor a panic; every 4xx is an `ApiError` in JSON, and every 2xx
//! is JSON (an attachment excepted, which is its file).

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use common::*;
use ntm_server::error::ErrorCode;
use ntm_types::{ApiError, ArticlePage, DocumentPage, Poll};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

/// Cases per property: enough to find a careless unwrap, few enough for a
/// debug build to run the file in seconds. `FUZZ_CASES=5000` searches longer.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(96)
}

/// The demo site, with real targets to aim at, found through the API itself.
struct Site {
    rt: tokio::runtime::Runtime,
    app: Router,
    article: String,
    document: String,
    file: String,
    poll: i64,
    option: i64,
    /// A members-only poll and one of its options.
    members_poll: i64,
    members_option: i64,
    _dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (db, dir) = seeded_db();
        let app = api(db);
        let (article, document, file, poll) = rt.block_on(async {
            let page: ArticlePage =
                serde_json::from_slice(&get(&app, "/api/articles").await.body).unwrap();
            let docs: DocumentPage =
                serde_json::from_slice(&get(&app, "/api/documents?per_page=50").await.body)
                    .unwrap();
            let mut found = None;
            for d in &docs.items {
                let doc = get(&app, &format!("/api/documents/{}", d.slug))
                    .await
                    .json();
                if let Some(f) = doc["attachments"][0]["file_name"].as_str() {
                    found = Some((d.slug.clone(), f.to_owned()));
                    break;
                }
            }
            let (document, file) = found.expect("a document with an attachment");
            let poll: Poll =
                serde_json::from_slice(&get(&app, "/api/polls/current").await.body).unwrap();
            let polls: Vec<Poll> =
                serde_json::from_slice(&get(&app, "/api/polls").await.body).unwrap();
            let members = polls.into_iter().find(|p| p.members_only);
            let members = members.expect("a members-only poll");
            (page.items[0].slug.clone(), document, file, (poll, members))
        });
        let (poll, members) = poll;
        Site {
            rt,
            app,
            article,
            document,
            file,
            poll: poll.id,
            option: poll.options[0].id,
            members_poll: members.id,
            members_option: members.options[0].id,
            _dir: dir,
        }
    }

    /// Every route, its parameters filled with real values, and a well-formed
    /// body for a write: `(method, path, body)`.
    fn routes(&self) -> Vec<(Method, String, String)> {
        let (a, d, f, p) = (&self.article, &self.document, &self.file, self.poll);
        let get = |s: String| (Method::GET, s, String::new());
        let post = |s: String, body: String| (Method::POST, s, body);
        let delete = |s: String| (Method::DELETE, s, String::new());
        vec![
            get("/api/categories".into()),
            get("/api/articles".into()),
            get(format!("/api/articles/{a}")),
            get(format!("/api/articles/{a}/rating")),
            post(
                format!("/api/articles/{a}/rating"),
                r#"{"points":3}"#.into(),
            ),
            get("/api/documents".into()),
            get("/api/documents/facets".into()),
            get(format!("/api/documents/{d}")),
            get(format!("/api/documents/{d}/files/{f}")),
            get("/api/polls".into()),
            get("/api/polls/current".into()),
            get(format!("/api/polls/{p}")),
            get(format!("/api/polls/{p}/results")),
            post(
                format!("/api/polls/{p}/vote"),
                format!(r#"{{"options":[{}]}}"#, self.option),
            ),
            post(
                format!("/api/polls/{}/vote", self.members_poll),
                format!(r#"{{"options":[{}]}}"#, self.members_option),
            ),
            get("/api/session".into()),
            post(
                "/api/session".into(),
                r#"{"email":"ai@xa.vn","password":"mat-khau-1"}"#.into(),
            ),
            post("/api/session/extend".into(), "{}".into()),
            delete("/api/session".into()),
            post(
                "/api/members".into(),
                r#"{"name":"Nguyễn Văn A","email":"ai@xa.vn","password":"mat-khau-1"}"#.into(),
            ),
            get("/api/site".into()),
            get("/api/search".into()),
            get("/api/stats".into()),
            get("/api/stats/daily".into()),
            post("/api/visits".into(), r#"{"path":"/"}"#.into()),
            get("/api/openapi.json".into()),
        ]
    }

    /// The route templates, `{}` standing for each path parameter.
    const TEMPLATES: &'static [&'static str] = &[
        "/api/articles/{}",
        "/api/articles/{}/rating",
        "/api/documents/{}",
        "/api/documents/{}/files/{}",
        "/api/polls/{}",
        "/api/polls/{}/results",
        "/api/polls/{}/vote",
        "/api/{}",
        "/api/stats/{}",
        "/api/documents/facets/{}",
        "/api/session/{}",
        "/api/members/{}",
    ];

    fn send(&self, req: Request<Body>) -> Answer {
        self.rt.block_on(answer(&self.app, req))
    }

    /// Runs `property` on `CASES` values of `strategy`.
    fn check<S: Strategy>(
        &self,
        strategy: S,
        property: impl Fn(&Site, S::Value) -> Result<(), TestCaseError>,
    ) {
        let mut runner = TestRunner::new(Config {
            cases: cases(),
            // No regression files in the repository: a failure prints its case.
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, |v| property(self, v)) {
            panic!("{e}");
        }
    }
}

/// The answer is no server error, and its body is what its status promises.
fn well_formed(method: &Method, uri: &str, res: &Answer) -> Result<(), TestCaseError> {
    let what = format!("{method} {uri} → {}: {}", res.status, res.text());
    prop_assert!(!res.status.is_server_error(), "{}", what);
    prop_assert!(
        res.status.is_success() || res.status.is_client_error(),
        "{}",
        what
    );
    if method == Method::HEAD {
        // Headers only, whatever the status.
        prop_assert!(res.body.is_empty(), "{}", what);
        return Ok(());
    }
    let content_type = res.header("content-type");
    if res.status == StatusCode::NO_CONTENT {
        // Signing out: nothing to say.
        prop_assert!(res.body.is_empty(), "{}", what);
    } else if res.status.is_client_error() {
        prop_assert!(content_type.starts_with("application/json"), "{}", what);
        let err = serde_json::from_slice::<ApiError>(&res.body);
        prop_assert!(err.is_ok(), "not an ApiError: {}", what);
        let err = err.unwrap();
        prop_assert!(!err.message.is_empty(), "{}", what);
        // A code the contract lists, sent with the status the contract gives it.
        let code = ErrorCode::ALL.iter().find(|c| c.as_str() == err.code);
        prop_assert!(
            code.is_some(),
            "a code the contract does not list: {}",
            what
        );
        prop_assert_eq!(code.unwrap().status(), res.status, "{}", what);
    } else if uri.contains("/files/") {
        prop_assert_eq!(content_type, "application/pdf", "{}", what);
    } else {
        prop_assert!(content_type.starts_with("application/json"), "{}", what);
        let json = serde_json::from_slice::<Value>(&res.body);
        prop_assert!(json.is_ok(), "not JSON: {}", what);
    }
    Ok(())
}

/// Text of any characters, control ones and astral ones included.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// Numbers as a query or a path might carry them, well-formed or not.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..400).prop_map(|n| n.to_string()),
        any::<i128>().prop_map(|n| n.to_string()),
        "[0-9]{18,60}",
        "-[0-9]{1,40}",
        any::<f64>().prop_map(|f| f.to_string()),
        prop::sample::select(vec![
            "",
            "0",
            "-0",
            "+1",
            " 1",
            "1 ",
            "01",
            "0x1f",
            "1e3",
            "1e309",
            "NaN",
            "inf",
            "١٢",
            "2024-02-30",
            "2024-13-01",
            "9999-99-99",
            "2024-1-1",
            "in_force",
            "expired",
        ])
        .prop_map(str::to_owned),
    ]
}

/// `s` percent-encoded, spaces sometimes as `+`, so any text makes a valid URI.
fn encode(s: &str, plus: bool) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b' ' if plus => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A piece of a query string or a path, possibly malformed on purpose.
fn raw_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // Any text, correctly encoded.
        (any_text(24), any::<bool>()).prop_map(|(s, plus)| encode(&s, plus)),
        number_text().prop_map(|s| encode(&s, true)),
        // Broken escapes and bytes that decode to no UTF-8.
        prop::collection::vec(
            prop::sample::select(vec![
                "%",
                "%2",
                "%zz",
                "%FF",
                "%C3",
                "%C3%28",
                "%00",
                "%ED%A0%80",
                "%F4%90%80%80",
                "%E2%80%AE",
                "%25",
                "%26",
                "%3D",
                "+",
                "a",
                "..",
                ".",
            ]),
            0..6,
        )
        .prop_map(|v| v.concat()),
    ]
}

/// A query parameter's name: mostly ones some route knows, sometimes others.
fn param_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "q", "page", "per_page", "category", "kind", "issuing_body", "area", "year",
            "from", "to", "status", "days",
        ])
        .prop_map(str::to_owned),
        1 => raw_piece(),
    ]
}

/// Values a filter could well take, and the characters that mean something
/// to SQL's LIKE and to quoting.
fn plausible_value() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "1",
        "2",
        "5",
        "10",
        "50",
        "2021",
        "2024",
        "2024-01-01",
        "2021-12-31",
        "in_force",
        "expired",
        "nong thon",
        "nông thôn mới",
        "NÔNG THÔN",
        "ocop",
        "Công văn",
        "Quyết định",
        "tin-tuc-su-kien",
        "hoc-tap-dao-duc-hcm",
        "a",
        "%",
        "_",
        "\\",
        "a\\",
        "'",
        "\"",
        "*",
        "a%b_c",
        "\u{0301}",
        "Đ",
        "  ",
    ])
    .prop_map(str::to_owned)
}

/// A parameter's value, encoded for a query string.
fn query_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => plausible_value().prop_map(|s| encode(&s, true)),
        1 => number_text().prop_map(|s| encode(&s, true)),
        1 => any_text(250).prop_map(|s| encode(&s, false)),
        1 => raw_piece(),
    ]
}

/// A query string of random parameters, sometimes repeated or without `=`.
fn query_string() -> impl Strategy<Value = String> {
    let value = query_value();
    let pair = prop_oneof![
        4 => (param_name(), value).prop_map(|(k, v)| format!("{k}={v}")),
        1 => param_name(),
        1 => raw_piece(),
    ];
    prop::collection::vec(pair, 0..4).prop_map(|pairs| pairs.join("&"))
}

fn any_method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![
        Method::GET,
        Method::GET,
        Method::POST,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::OPTIONS,
    ])
}

/// Any JSON value, nested a few levels, with the request bodies' own keys
/// among the random ones.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-10i64..10).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any_text(16).prop_map(Value::String),
        "/[a-z/-]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            prop::sample::select(vec![
                "points", "options", "path", "name", "email", "password"
            ])
            .prop_map(str::to_owned),
            any_text(8),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A request body: random bytes, random JSON, the expected shape with random
/// values, or JSON cut short.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let field = prop::sample::select(vec![
        "points", "options", "path", "name", "email", "password",
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        prop::collection::vec(any::<u8>(), 900..6000),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        (field, json_value())
            .prop_map(|(k, v)| serde_json::json!({ k: v }).to_string().into_bytes()),
        (json_value(), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
            let text = v.to_string().into_bytes();
            let at = cut.index(text.len() + 1);
            text[..at].to_vec()
        }),
        // Valid bodies, so some writes go through (and then hit their limits).
        prop::sample::select(vec![
            r#"{"points":5}"#,
            r#"{"points":1}"#,
            r#"{"options":[1]}"#,
            r#"{"options":[1,2]}"#,
            r#"{"path":"/"}"#,
            r#"{"email":"ai@xa.vn","password":"mat-khau-1"}"#,
            r#"{"name":"Nguyễn Văn A","email":"ai@xa.vn","password":"mat-khau-1"}"#,
            "{}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(Some("application/json".to_owned())),
        1 => Just(Some("application/json; charset=utf-8".to_owned())),
        1 => Just(Some("text/plain;charset=UTF-8".to_owned())),
        1 => Just(Some("application/x-www-form-urlencoded".to_owned())),
        1 => Just(Some("application/problem+json".to_owned())),
        1 => Just(None),
        1 => "[ -~]{0,30}".prop_map(Some),
    ]
}

/// The visitor cookie: a valid one, a malformed one, or none.
fn cookie() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => (0u32..1000).prop_map(|n| Some(visitor(n))),
        1 => "[0-9a-f]{64}".prop_map(|t| Some(format!("ntm_sid={t}"))),
        1 => "[!#-+\\--:<-\\[\\]-~ ]{0,60}".prop_map(Some),
        1 => Just(None),
    ]
}

fn request(
    method: Method,
    uri: &str,
    content_type: Option<&str>,
    cookie: Option<&str>,
    body: Vec<u8>,
) -> Option<Request<Body>> {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(c) = content_type {
        req = req.header("content-type", c);
    }
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    // A string the HTTP layer would not accept as a URI never reaches the router.
    req.body(Body::from(body)).ok()
}

#[test]
fn random_query_strings_on_every_route() {
    let site = Site::new();
    let routes = site.routes();
    let n = routes.len();
    site.check(
        (0..n, query_string(), cookie()),
        |site, (i, query, cookie)| {
            let (method, path, body) = &routes[i];
            let uri = format!("{path}?{query}");
            let Some(req) = request(
                method.clone(),
                &uri,
                Some("application/json"),
                cookie.as_deref(),
                body.clone().into_bytes(),
            ) else {
                return Ok(());
            };
            well_formed(method, &uri, &site.send(req))
        },
    );
}

/// The lists, each with only its own parameters, each at most once: the
/// values alone are random, so most requests reach the database.
#[test]
fn random_filters_on_the_lists() {
    let site = Site::new();
    let lists: &[(&str, &[&str])] = &[
        ("/api/articles", &["category", "page", "per_page"]),
        ("/api/search", &["q", "page", "per_page"]),
        (
            "/api/documents",
            &[
                "q",
                "kind",
                "issuing_body",
                "area",
                "year",
                "from",
                "to",
                "status",
                "page",
                "per_page",
            ],
        ),
        ("/api/stats/daily", &["days"]),
    ];
    site.check(
        (
            0..lists.len(),
            prop::collection::vec((any::<prop::sample::Index>(), query_value()), 0..5),
        ),
        |site, (i, params)| {
            let (path, names) = lists[i];
            let mut seen = Vec::new();
            let mut pairs = Vec::new();
            for (name, value) in params {
                let name = *name.get(names);
                if !seen.contains(&name) {
                    seen.push(name);
                    pairs.push(format!("{name}={value}"));
                }
            }
            let uri = format!("{path}?{}", pairs.join("&"));
            let Some(req) = request(Method::GET, &uri, None, None, Vec::new()) else {
                return Ok(());
            };
            let res = site.send(req);
            well_formed(&Method::GET, &uri, &res)?;
            // A list refuses a value, never a parameter of its own.
            if res.status == StatusCode::BAD_REQUEST {
                let err: ApiError = serde_json::from_slice(&res.body).unwrap();
                prop_assert!(
                    !err.message.starts_with("Địa chỉ có tham số"),
                    "{} refused as unknown: {}",
                    uri,
                    err.message
                );
            }
            Ok(())
        },
    );
}

#[test]
fn random_path_segments_and_methods() {
    let site = Site::new();
    let templates = Site::TEMPLATES;
    let real = vec![
        site.article.clone(),
        site.document.clone(),
        site.file.clone(),
        site.poll.to_string(),
    ];
    let segment = prop_oneof![
        3 => raw_piece(),
        1 => number_text().prop_map(|s| encode(&s, false)),
        1 => prop::sample::select(real),
    ];
    site.check(
        (
            0..templates.len(),
            prop::collection::vec(segment, 2),
            prop::collection::vec(raw_piece(), 0..3),
            any_method(),
            body(),
            cookie(),
        ),
        |site, (t, segments, extra, method, body, cookie)| {
            let mut path = templates[t].to_owned();
            for s in &segments {
                path = path.replacen("{}", s, 1);
            }
            for e in &extra {
                path = format!("{path}/{e}");
            }
            let Some(req) = request(
                method.clone(),
                &path,
                Some("application/json"),
                cookie.as_deref(),
                body,
            ) else {
                return Ok(());
            };
            well_formed(&method, &path, &site.send(req))
        },
    );
}

#[test]
fn random_bodies_to_every_write() {
    let site = Site::new();
    let writes: Vec<String> = site
        .routes()
        .into_iter()
        .filter(|(m, _, _)| m == Method::POST)
        .map(|(_, p, _)| p)
        .collect();
    let n = writes.len();
    site.check(
        (0..n, body(), content_type(), cookie()),
        |site, (i, body, content_type, cookie)| {
            let uri = &writes[i];
            let Some(req) = request(
                Method::POST,
                uri,
                content_type.as_deref(),
                cookie.as_deref(),
                body,
            ) else {
                return Ok(());
            };
            well_formed(&Method::POST, uri, &site.send(req))
        },
    );
}

#[test]
fn random_bodies_to_reads_are_ignored() {
    let site = Site::new();
    // Each read with the status it has without a body.
    let reads: Vec<(String, StatusCode)> = site
        .routes()
        .into_iter()
        .filter(|(m, _, _)| m == Method::GET)
        .map(|(_, p, _)| {
            let plain = request(Method::GET, &p, None, None, Vec::new()).unwrap();
            let status = site.send(plain).status;
            (p, status)
        })
        .collect();
    let n = reads.len();
    site.check((0..n, body(), content_type()), |site, (i, body, ct)| {
        let (uri, plain) = &reads[i];
        let Some(req) = request(Method::GET, uri, ct.as_deref(), None, body) else {
            return Ok(());
        };
        let res = site.send(req);
        well_formed(&Method::GET, uri, &res)?;
        // A body on a read is ignored: the plain read answers the same.
        prop_assert_eq!(res.status, *plain, "GET {}", uri);
        Ok(())
    });
}
