//! Query strings and path segments, refused with JSON errors in one place.

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use crate::error::AppError;

/// The refusal of a query parameter the endpoint does not know.
pub fn unknown_parameter() -> AppError {
    AppError::bad_request("Địa chỉ có tham số không được hỗ trợ.")
}

/// Extractor for endpoints that take no query parameters: any parameter is
/// refused, so a typo is an error rather than silently ignored. An empty query
/// (`?` or `?&`) is no parameter.
pub struct NoQuery;

impl<S: Send + Sync> FromRequestParts<S> for NoQuery {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        let given = parts
            .uri
            .query()
            .is_some_and(|q| q.split('&').any(|pair| !pair.is_empty()));
        if given {
            return Err(unknown_parameter());
        }
        Ok(NoQuery)
    }
}

/// The refusal of a query string that did not read as the endpoint's
/// parameters: unknown or repeated parameters are said as such, anything else
/// (a value of the wrong type, a required one missing) is `invalid`.
pub fn query_refusal(rejection: QueryRejection, invalid: impl FnOnce() -> AppError) -> AppError {
    // serde's wording for `deny_unknown_fields` and for a repeated key.
    let text = rejection.body_text();
    if text.contains("unknown field") {
        unknown_parameter()
    } else if text.contains("duplicate field") {
        AppError::bad_request("Địa chỉ có tham số bị lặp lại.")
    } else {
        invalid()
    }
}

/// The path's parameters, or `not_found` when they do not read (a segment that
/// is not UTF-8 once decoded, a poll id that is not a number).
pub fn path_or<T>(
    path: Result<Path<T>, PathRejection>,
    not_found: impl FnOnce() -> AppError,
) -> Result<T, AppError> {
    path.map(|Path(v)| v).map_err(|_| not_found())
}
