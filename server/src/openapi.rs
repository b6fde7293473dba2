//! The OpenAPI 3.1 document, generated from the shared types and the handlers'
//! annotations. `openapi/openapi.json` at the top of the repository is this
//! output; a test fails when the two differ.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use utoipa::OpenApi;

use crate::error::ErrorCode;
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cổng thông tin Nông thôn mới — API",
        version = "0.1.0",
        description = "JSON contract between the front end and any backend. All text is \
            Vietnamese, in any Unicode normalization form (clients show it composed, NFC). \
            Times are Unix seconds; clients show them in Asia/Ho_Chi_Minh (UTC+7). \
            HTML fields are untrusted: clients sanitize them. Errors are `ApiError` objects. \
            Caching: public reads (the same for everyone) carry a weak `ETag` and \
            `Cache-Control: public, max-age=0, s-maxage=N` (a shared cache may keep them N \
            seconds, a browser revalidates; `If-None-Match` gets a 304); answers that depend \
            on the visitor (their rating, their poll choices, their session) are \
            `private, no-cache`; writes, attachments and /health are `no-store`."
    ),
    servers((url = "/api", description = "The reference backend, same origin as the front end. \
        Another backend may serve the same paths under any base URL.")),
    paths(
        crate::api::articles::list_categories,
        crate::api::articles::list_articles,
        crate::api::articles::get_article,
        crate::api::rating::get_rating,
        crate::api::rating::post_rating,
        crate::api::documents::list_documents,
        crate::api::documents::document_facets,
        crate::api::documents::get_document,
        crate::api::documents::get_document_file,
        crate::api::polls::list_polls,
        crate::api::polls::current_poll,
        crate::api::polls::get_poll,
        crate::api::polls::poll_results,
        crate::api::polls::vote,
        crate::api::session::get_session,
        crate::api::session::sign_in,
        crate::api::session::extend_session,
        crate::api::session::sign_out,
        crate::api::members::register,
        crate::api::site::get_site,
        crate::api::site::search,
        crate::api::pages::get_page,
        crate::api::stats::get_stats,
        crate::api::stats::get_daily,
        crate::api::stats::post_visit,
        crate::api::health::health
    ),
    tags(
        (name = "news", description = "Categories and articles"),
        (name = "rating", description = "Star ratings of articles, one per visitor"),
        (name = "documents", description = "Issued documents: search, details, attachments"),
        (name = "polls", description = "Polls, one vote per visitor (per member in a members-only poll)"),
        (name = "members", description = "Registration, sign-in, and the session that ends when left idle"),
        (name = "stats", description = "Visitor statistics"),
        (name = "site", description = "The frame of every page, and the site search"),
        (name = "health", description = "For load balancers and monitors")
    )
)]
pub struct ApiDoc;

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// Pretty-printed, newline-terminated: the exact bytes of `openapi/openapi.json`.
pub fn document_json() -> String {
    let mut doc = serde_json::to_value(document()).expect("the document serialises");
    name_unsigned_ranges(&mut doc);
    list_error_codes(&mut doc);
    may_be_unavailable(&mut doc);
    let mut s = serde_json::to_string_pretty(&doc).expect("the document serialises");
    s.push('\n');
    s
}

/// utoipa writes an unsigned field's format as `u-int32` (and so on) with no
/// upper bound: the contract names it `uint32` and says how large it may be,
/// so a backend knows a count of ten digits fits and what does not.
fn name_unsigned_ranges(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            let range = match map.get("format").and_then(|f| f.as_str()) {
                Some("u-int8") => Some(("uint8", u64::from(u8::MAX))),
                Some("u-int16") => Some(("uint16", u64::from(u16::MAX))),
                Some("u-int32") => Some(("uint32", u64::from(u32::MAX))),
                Some("u-int64") => Some(("uint64", u64::MAX)),
                _ => None,
            };
            if let Some((format, max)) = range {
                map.insert("format".into(), format.into());
                map.entry("maximum").or_insert(max.into());
            }
            map.values_mut().for_each(name_unsigned_ranges);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(name_unsigned_ranges),
        _ => {}
    }
}

/// Any operation may meet a database that cannot answer or take a write
/// (down, disk full, read-only): a 503 `unavailable`, where the operation's
/// own documentation does not already name one.
fn may_be_unavailable(doc: &mut serde_json::Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for operation in paths.values_mut().filter_map(|p| p.as_object_mut()) {
        for (_, op) in operation.iter_mut() {
            let Some(responses) = op["responses"].as_object_mut() else {
                continue;
            };
            responses.entry("503").or_insert_with(|| {
                serde_json::json!({
                    "description": "A database cannot answer or take a write for now (`unavailable`): nothing was done, asking again later may work",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
                })
            });
        }
    }
}

/// `ApiError.code` lists the codes the reference backend sends, each with its
/// status, from the one error type (`error::ErrorCode`).
fn list_error_codes(doc: &mut serde_json::Value) {
    let codes: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| {
            format!(
                "`{}` ({}): {}",
                c.as_str(),
                c.status().as_u16(),
                c.meaning()
            )
        })
        .collect();
    let description = format!(
        "Stable machine-readable code. The reference backend sends these: {}. \
         Another backend may send others; a client treats a code it does not know \
         by the answer's HTTP status.",
        codes.join("; ")
    );
    let code = &mut doc["components"]["schemas"]["ApiError"]["properties"]["code"];
    assert!(code.is_object(), "ApiError has a code");
    code["description"] = description.into();
}

/// `/openapi.json`, served beside the endpoints it describes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/openapi.json", get(serve))
}

/// This contract, as OpenAPI 3.1.
async fn serve(_: crate::api::NoQuery) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        document_json(),
    )
}
