//! Reading JSON request bodies with JSON errors for every way they can be wrong.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::Json;
use serde::de::DeserializeOwned;

use crate::error::{AppError, ErrorCode};

/// Largest body a write endpoint accepts (`POST /visits` takes less, see
/// `stats::MAX_VISIT_BODY`): a rating or a vote is a few bytes.
pub const MAX_BODY: usize = 4 * 1024;

/// The body as a `T`, read only from a JSON object (serde would also read a
/// struct from an array). `invalid` is the error for a body of the wrong shape.
pub fn json_object<T: DeserializeOwned>(
    body: Result<Json<serde_json::Value>, JsonRejection>,
    invalid: impl FnOnce() -> AppError,
) -> Result<T, AppError> {
    match body {
        Ok(Json(v)) if v.is_object() => serde_json::from_value(v).map_err(|_| invalid()),
        Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::new(
            ErrorCode::UnsupportedMediaType,
            "Dữ liệu gửi lên phải ở dạng JSON.",
        )),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(AppError::too_large()),
        _ => Err(invalid()),
    }
}
