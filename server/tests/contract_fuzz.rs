//! Property tests on the contract itself: random answers that
//! `openapi/openapi.json` allows, made from its schemas (any text, NFD
//! Vietnamese, 300-character titles, counts at the edges of their formats,
//! deep menus, missing optional fields), and near misses of them.
//!
//! Every allowed answer decodes into the shared types (the contract promises
//! nothing the front end cannot read), and everything the front end and the
//! first view compute from one (dates, counts, lines of text, URLs, an
//! article's body laid out) runs without a panic. A near miss either still
//! decodes or is refused as a value, never a panic: the front end then shows
//! its "invalid data" message.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use ntm_types::datetime::{format_date, format_datetime, format_day, format_day_month, format_iso};
use ntm_types::number::group_digits;
use ntm_types::origin::origin_of;
use ntm_types::page::{document_name, file_kind, is_new_document, page_title, source_line};
use ntm_types::poll::percentages;
use ntm_types::rating::{average_line, totals_line};
use ntm_types::sanitize_policy::{embed_link, is_safe_url, src_allowed};
use ntm_types::*;

const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");

/// Nested menus (and any other recursion) stop here: deeper arrays are empty.
const MAX_DEPTH: u32 = 8;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

fn document() -> Value {
    serde_json::from_str(&std::fs::read_to_string(DOC_PATH).unwrap()).unwrap()
}

/// Text as a backend may send it: anything, with the cases that broke
/// front ends before made likely.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => ".{0,24}",
        1 => Just(String::new()),
        // Vietnamese decomposed (NFD): a letter and its marks apart.
        1 => Just("Nông thôn mới".chars().flat_map(nfd).collect::<String>()),
        1 => Just("Xây dựng nông thôn mới ".repeat(14)),
        1 => Just("Khôngkhoảngtrắng".repeat(20)),
        1 => Just("2024-13-45".to_owned()),
        1 => Just("https://cdn.example.vn/anh/a.jpg".to_owned()),
        1 => Just("javascript:alert(1)".to_owned()),
        1 => Just("<h1>Tiêu đề</h1><table><tr><td>1</td></tr></table><iframe src=\"https://www.youtube.com/embed/x\"></iframe><video><source src=\"/v.mp4\">Không hỗ trợ</video><img src=x>".to_owned()),
    ]
    .boxed()
}

/// A few precomposed letters split into base and combining marks.
fn nfd(c: char) -> Vec<char> {
    match c {
        'ô' => vec!['o', '\u{302}'],
        'ớ' => vec!['o', '\u{31b}', '\u{301}'],
        c => vec![c],
    }
}

fn integer(schema: &Value) -> BoxedStrategy<Value> {
    let min = schema["minimum"].as_i64();
    let (lo, hi): (i128, i128) = match schema["format"].as_str() {
        Some("uint8") => (0, u8::MAX.into()),
        Some("uint16") => (0, u16::MAX.into()),
        Some("uint32") => (0, u32::MAX.into()),
        Some("uint64") => (0, u64::MAX.into()),
        Some("int32") => (i32::MIN.into(), i32::MAX.into()),
        _ => (i64::MIN.into(), i64::MAX.into()),
    };
    let lo = min.map_or(lo, |m| lo.max(m.into()));
    let hi = schema["maximum"].as_i64().map_or(hi, |m| hi.min(m.into()));
    let to_json = |n: i128| match u64::try_from(n) {
        Ok(u) => json!(u),
        Err(_) => json!(i64::try_from(n).unwrap()),
    };
    prop_oneof![
        Just(to_json(lo)),
        Just(to_json(hi)),
        Just(to_json(lo.max(9_999_999_999.min(hi)))),
        (lo..=hi).prop_map(to_json),
        (lo..=lo.saturating_add(100).min(hi)).prop_map(to_json),
    ]
    .boxed()
}

/// A strategy for values `schema` allows; `$ref`s are read from `doc`.
fn values(doc: &Value, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        let target = doc["components"]["schemas"][name].clone();
        return values(doc, &target, depth + 1);
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        let all: Vec<BoxedStrategy<Value>> =
            branches.iter().map(|b| values(doc, b, depth)).collect();
        return proptest::strategy::Union::new(all).boxed();
    }
    let types: Vec<String> = match &schema["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(ts) => ts
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        _ => vec![],
    };
    let all: Vec<BoxedStrategy<Value>> = types
        .iter()
        .map(|t| match t.as_str() {
            "null" => Just(Value::Null).boxed(),
            "boolean" => any::<bool>().prop_map(Value::Bool).boxed(),
            "integer" => integer(schema),
            "string" => text().prop_map(Value::String).boxed(),
            "array" if depth >= MAX_DEPTH => Just(json!([])).boxed(),
            "array" => proptest::collection::vec(values(doc, &schema["items"], depth + 1), 0..=4)
                .prop_map(Value::Array)
                .boxed(),
            "object" => object(doc, schema, depth),
            other => panic!("a schema type this test does not know: {other}"),
        })
        .collect();
    assert!(!all.is_empty(), "a schema without a type: {schema}");
    proptest::strategy::Union::new(all).boxed()
}

fn object(doc: &Value, schema: &Value, depth: u32) -> BoxedStrategy<Value> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut fields: Vec<BoxedStrategy<Option<(String, Value)>>> = Vec::new();
    for (name, property) in schema["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default()
    {
        let value = values(doc, &property, depth);
        let named = name.clone();
        let field = value.prop_map(move |v| Some((named.clone(), v)));
        fields.push(if required.contains(&name.as_str()) {
            field.boxed()
        } else {
            // An optional field is as often missing as present.
            prop_oneof![Just(None), field].boxed()
        });
    }
    fields
        .prop_map(|pairs| Value::Object(pairs.into_iter().flatten().collect::<Map<_, _>>()))
        .boxed()
}

/// `value` with one part spoiled: a wrong type, a number out of range, a
/// missing field, a null. `pick` chooses the part and the spoiling.
fn near_miss(mut value: Value, pick: usize) -> Value {
    let spoilers = [
        Value::Null,
        json!("x"),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(u64::MAX),
        json!([]),
        json!({}),
        json!(true),
    ];
    let mut paths = Vec::new();
    collect_paths(&value, &mut Vec::new(), &mut paths);
    if paths.is_empty() {
        return spoilers[pick % spoilers.len()].clone();
    }
    let path = &paths[pick % paths.len()];
    let spoiler = spoilers[(pick / paths.len().max(1)) % spoilers.len()].clone();
    let (last, parents) = path.split_last().unwrap();
    let mut node = &mut value;
    for key in parents {
        node = match key {
            Key::Field(k) => &mut node[k.as_str()],
            Key::Index(i) => &mut node[*i],
        };
    }
    match (last, node) {
        // Half the time a field goes missing instead.
        (Key::Field(k), Value::Object(map)) if pick.is_multiple_of(2) => {
            map.remove(k);
        }
        (Key::Field(k), node) => node[k.as_str()] = spoiler,
        (Key::Index(i), node) => node[*i] = spoiler,
    }
    value
}

#[derive(Clone)]
enum Key {
    Field(String),
    Index(usize),
}

fn collect_paths(value: &Value, here: &mut Vec<Key>, out: &mut Vec<Vec<Key>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                here.push(Key::Field(k.clone()));
                out.push(here.clone());
                collect_paths(v, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                here.push(Key::Index(i));
                out.push(here.clone());
                collect_paths(v, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

/// For random answers of schema `name`: each is valid by the contract (the
/// generator is checked against it), decodes into `T`, and `shown` (what the
/// front end computes from it) does not panic; near misses never panic.
fn check<T: DeserializeOwned>(name: &str, shown: impl Fn(&T)) {
    let doc = document();
    let schema = json!({ "$ref": format!("#/components/schemas/{name}") });
    let root = json!({ "components": doc["components"], "allOf": [schema] });
    let validator = jsonschema::draft202012::new(&root).unwrap();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (values(&doc, &schema, 0), any::<usize>());
    runner
        .run(&strategy, |(value, pick)| {
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            prop_assert!(
                errors.is_empty(),
                "{name}: made an invalid {value}: {errors:?}"
            );
            let decoded: T = serde_json::from_value(value.clone()).map_err(|e| {
                TestCaseError::fail(format!(
                    "{name}: the contract allows {value}, the types refuse it: {e}"
                ))
            })?;
            shown(&decoded);
            // Decoded or refused; either way no panic.
            let _ = serde_json::from_value::<T>(near_miss(value, pick));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

fn origins() -> Vec<String> {
    vec!["https://cdn.example.vn".to_owned()]
}

fn image(i: &Image) {
    let _ = src_allowed(&i.src, &origins());
    let _ = origin_of(&i.src);
}

fn summary(a: &ArticleSummary) {
    let _ = (format_date(a.published_at), format_iso(a.published_at));
    a.image.as_ref().map(image);
    let _ = page_title(&a.category.name, &a.title);
}

fn walk_menu(items: &[MenuItem]) {
    for item in items {
        let _ = is_safe_url(&item.href);
        walk_menu(&item.children);
    }
}

#[test]
fn articles() {
    check::<Article>("Article", |a| {
        let _ = (format_datetime(a.published_at), format_iso(a.published_at));
        let _ = source_line(&a.author, &a.source);
        let _ = (
            totals_line(a.rating.total, a.rating.count),
            average_line(a.rating.total, a.rating.count),
        );
        let _ = group_digits(a.views.into());
        a.image.as_ref().map(image);
        for l in a.newer.iter().chain(&a.older) {
            let _ = format_date(l.published_at);
        }
        let _ = ntm_server::article_body::for_page(&a.body_html, &origins());
        let _ = embed_link(&a.body_html, &a.title);
    });
    check::<ArticlePage>("ArticlePage", |p| {
        p.items.iter().for_each(summary);
        let _ = (
            group_digits(p.page.into()),
            group_digits(p.total_pages.into()),
        );
    });
}

#[test]
fn site_and_statistics() {
    check::<SiteInfo>("SiteInfo", |s| {
        walk_menu(&s.menu);
        let _ = page_title("", &s.name);
        for song in &s.songs {
            let _ = src_allowed(&song.src, &origins());
        }
        for p in &s.partners {
            let _ = is_safe_url(&p.url);
            image(&p.logo);
        }
        s.zalo_qr.as_ref().map(image);
    });
    check::<Stats>("Stats", |s| {
        for n in [
            s.online.into(),
            s.bots.into(),
            s.guests.into(),
            s.today,
            s.month,
            s.total,
        ] {
            let _ = group_digits(n);
        }
    });
    check::<DailyVisits>("DailyVisits", |d| {
        let _ = (format_day_month(&d.date), group_digits(d.visits));
        let _ = (u128::from(d.visits) * 100) / u128::from(d.visits.max(1));
    });
}

#[test]
fn polls_and_ratings() {
    check::<Poll>("Poll", |p| {
        let _ = (format_date(p.starts_at), p.ends_at.map(format_date));
        let _ = group_digits(p.max_choices.into());
    });
    check::<PollResults>("PollResults", |r| {
        let votes: Vec<u32> = r.options.iter().map(|o| o.votes).collect();
        assert_eq!(
            percentages(&votes).iter().sum::<u32>(),
            if votes.iter().any(|v| *v > 0) { 100 } else { 0 }
        );
        let _ = (
            r.voters.map(|n| group_digits(n.into())),
            group_digits(r.choices.into()),
            format_date(r.since),
        );
    });
    check::<RatingState>("RatingState", |r| {
        let _ = (
            totals_line(r.total, r.count),
            average_line(r.total, r.count),
        );
    });
    check::<SessionState>("SessionState", |_| {});
}

#[test]
fn documents() {
    check::<Document>("Document", |d| {
        let _ = document_name(&d.kind, &d.number);
        for day in std::iter::once(&d.issued)
            .chain(&d.effective)
            .chain(&d.expires)
        {
            let _ = (format_day(day), is_new_document(day, 1_716_181_200));
        }
        for a in &d.attachments {
            let _ = (
                file_kind(&a.media_type, &a.file_name),
                a.size.div_ceil(1024),
            );
            let _ = a.downloads.map(|n| group_digits(n.into()));
        }
    });
    check::<DocumentPage>("DocumentPage", |p| {
        for d in &p.items {
            let _ = (format_day(&d.issued), document_name(&d.kind, &d.number));
        }
    });
    check::<DocumentFacets>("DocumentFacets", |_| {});
}
