//! Issued documents ("Văn bản ban hành"): search, one document, its files.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, Document, DocumentFacets, DocumentPage};
use serde::Deserialize;

use super::paging::Paging;
use super::params::{invalid_query, NoQuery, Params, Refusal, Target};
use crate::db::documents::Filter;
use crate::error::AppError;
use crate::store::{FileSource, Sendable};
use crate::AppState;

/// The documents: search, filters, one document and its files.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list_documents))
        .route("/documents/facets", get(document_facets))
        .route("/documents/{slug}", get(get_document))
        .route(
            "/documents/{slug}/files/{file_name}",
            get(get_document_file),
        )
}

/// Query of `GET /documents`. Unknown parameters are refused.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    /// Words to find in the number or summary; diacritics and case are ignored
    /// ("nong thon moi" finds "nông thôn mới"). At most 200 characters.
    pub q: Option<String>,
    /// Type, e.g. `Công văn`.
    pub kind: Option<String>,
    pub issuing_body: Option<String>,
    pub area: Option<String>,
    /// Year of issue.
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// Issued on or after this day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Issued on or before this day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `in_force` or `expired`.
    pub status: Option<String>,
    /// 1-based page number.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Items per page, 1 to 50 (default 10).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    pub per_page: Option<String>,
}

impl Refusal for DocumentQuery {
    fn refusal() -> AppError {
        invalid_query()
    }
}

/// A refused filter, said in the reader's terms (the page's labels).
fn bad(message: &str) -> AppError {
    AppError::bad_request(message)
}

fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.split('-').all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        && matches!(s[5..7].parse::<u32>(), Ok(1..=12))
        && matches!(s[8..10].parse::<u32>(), Ok(1..=31))
}

/// Empty strings count as absent: a search form sends every field.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

impl DocumentQuery {
    fn filter(self) -> Result<(Filter, Paging), AppError> {
        let paging = Paging::parse(self.page.as_deref(), self.per_page.as_deref())?;
        let text = given(self.q);
        if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
            return Err(bad("Từ khóa tìm kiếm quá dài (tối đa 200 ký tự)."));
        }
        let year = match given(self.year) {
            None => None,
            Some(y) => Some(
                y.parse()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
                    .ok_or_else(|| bad("Năm ban hành không hợp lệ."))?,
            ),
        };
        let date = |v: Option<String>, name: &str| match given(v) {
            Some(d) if !valid_date(&d) => Err(bad(name)),
            d => Ok(d),
        };
        let in_force = match given(self.status).as_deref() {
            None => None,
            Some("in_force") => Some(true),
            Some("expired") => Some(false),
            Some(_) => return Err(bad("Trạng thái hiệu lực không hợp lệ.")),
        };
        Ok((
            Filter {
                text,
                kind: given(self.kind),
                issuing_body: given(self.issuing_body),
                area: given(self.area),
                year,
                from: date(self.from, "Ngày bắt đầu không hợp lệ.")?,
                to: date(self.to, "Ngày kết thúc không hợp lệ.")?,
                in_force,
            },
            paging,
        ))
    }
}

/// Newest first, filtered and paged.
#[utoipa::path(get, path = "/documents", tag = "documents", params(DocumentQuery),
    responses(
        (status = 200, description = "One page of documents", body = DocumentPage),
        (status = 400, description = "A parameter is not valid", body = ApiError)))]
pub async fn list_documents(
    State(state): State<AppState>,
    Params(q): Params<DocumentQuery>,
) -> Result<Json<DocumentPage>, AppError> {
    let (filter, paging) = q.filter()?;
    let (items, total_items) = state
        .store
        .documents(filter, paging.per_page, paging.offset(), (state.clock)())
        .await?;
    Ok(Json(DocumentPage {
        items,
        page: paging.page,
        per_page: paging.per_page,
        total_items,
        total_pages: paging.pages(total_items),
    }))
}

/// The values each search filter can take.
#[utoipa::path(get, path = "/documents/facets", tag = "documents",
    responses(
        (status = 200, description = "Types, issuing bodies, areas and years", body = DocumentFacets),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError)))]
pub async fn document_facets(
    State(state): State<AppState>,
    _: NoQuery,
) -> Result<Json<DocumentFacets>, AppError> {
    Ok(Json(state.store.document_facets().await?))
}

fn document_not_found() -> AppError {
    AppError::not_found("Không tìm thấy văn bản này.")
}

/// The document a path names, by its slug.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct DocumentSlug(pub String);

impl Refusal for DocumentSlug {
    fn refusal() -> AppError {
        document_not_found()
    }
}

fn file_not_found() -> AppError {
    AppError::not_found("Không tìm thấy tệp đính kèm này.")
}

/// An attachment a path names: its document's slug and its file name.
#[derive(Deserialize)]
pub struct DocumentFile {
    slug: String,
    file_name: String,
}

impl Refusal for DocumentFile {
    fn refusal() -> AppError {
        file_not_found()
    }
}

/// One document with its attachments and related documents.
#[utoipa::path(get, path = "/documents/{slug}", tag = "documents",
    params(("slug" = String, Path, description = "The document's slug, e.g. 6748-ubnd-nl5")),
    responses(
        (status = 200, description = "The document", body = Document),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such document", body = ApiError)))]
pub async fn get_document(
    State(state): State<AppState>,
    Target(DocumentSlug(slug)): Target<DocumentSlug>,
    _: NoQuery,
) -> Result<Json<Document>, AppError> {
    let doc = state.store.document(slug, (state.clock)()).await?;
    Ok(Json(doc.ok_or_else(document_not_found)?))
}

/// An attachment's bytes, as a download of its own media type; counts it.
#[utoipa::path(get, path = "/documents/{slug}/files/{file_name}", tag = "documents",
    params(
        ("slug" = String, Path, description = "The document's slug"),
        ("file_name" = String, Path, description = "The attachment's file name")),
    responses(
        (status = 200, description = "The file, with the attachment's `media_type` as its Content-Type (PDF, Word, Excel, an archive, a scan…) and its name in Content-Disposition", content_type = "application/octet-stream"),
        (status = 307, description = "A file kept on another site: its address in Location"),
        (status = 400, description = "A query parameter: this endpoint takes none", body = ApiError),
        (status = 404, description = "No such file", body = ApiError)))]
pub async fn get_document_file(
    State(state): State<AppState>,
    Target(DocumentFile { slug, file_name }): Target<DocumentFile>,
    _: NoQuery,
) -> Result<Response, AppError> {
    let found = state
        .store
        .document_file(slug, file_name.clone())
        .await?
        .ok_or_else(file_not_found)?;
    let (body, media_type) = match found {
        Sendable::Bytes(data, media_type) => (Body::from(data), media_type),
        Sendable::At(FileSource::Local(path, media_type)) => {
            let file = tokio::fs::File::open(&path).await.map_err(|e| {
                tracing::error!(file = %path.display(), cause = %e, "an attachment cannot be read");
                file_not_found()
            })?;
            (
                Body::from_stream(tokio_util::io::ReaderStream::new(file)),
                media_type,
            )
        }
        // Kept on another site (a NukeViet editor may link one): sent there.
        Sendable::At(FileSource::Remote(url)) => {
            return Ok(Redirect::temporary(&url).into_response());
        }
    };
    // A plain ASCII name for every browser, and the name as written (it may
    // be Vietnamese) for those that read RFC 6266's `filename*`.
    let safe: String = file_name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    const ATTR_CHAR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let encoded = percent_encoding::utf8_percent_encode(&file_name, ATTR_CHAR).to_string();
    let mut res = body.into_response();
    let headers = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&media_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{safe}\"; filename*=UTF-8''{encoded}"
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}
