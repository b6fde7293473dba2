//! Extractors for a request's path, query string and JSON body that refuse
//! with the API's JSON errors: handlers take what they need already read, and
//! each parameter type says once how it is refused.

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::Json;
use serde::de::DeserializeOwned;

use super::body::json_object;
use crate::error::AppError;

/// How a path, query or body that does not read as this type is refused.
pub trait Refusal {
    fn refusal() -> AppError;
}

/// The refusal of a query string whose values do not read (a list's or a
/// search's filters).
pub fn invalid_query() -> AppError {
    AppError::bad_request("Tham số truy vấn không hợp lệ.")
}

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

/// The query string read as `T`: unknown or repeated parameters are said as
/// such, anything else (a value of the wrong type, a required one missing) is
/// `T`'s refusal.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Refusal> FromRequestParts<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(params)) => Ok(Params(params)),
            Err(rejection) => Err(query_refusal(rejection, T::refusal)),
        }
    }
}

fn query_refusal(rejection: QueryRejection, invalid: impl FnOnce() -> AppError) -> AppError {
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

/// The path's parameters read as `T`, or `T`'s refusal (a "not found") when
/// they do not read: a segment that is not UTF-8 once decoded, a poll id that
/// is not a number.
pub struct Target<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Refusal + Send> FromRequestParts<S> for Target<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(target)) => Ok(Target(target)),
            Err(_) => Err(T::refusal()),
        }
    }
}

/// A JSON object body read as `T`; see [`json_object`] for the refusals.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Refusal> FromRequest<S> for Body<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let body = Json::<serde_json::Value>::from_request(req, state).await;
        json_object(body, T::refusal).map(Body)
    }
}
