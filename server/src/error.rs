use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use ntm_types::ApiError;

/// An error answer: a status and a Vietnamese message, sent as JSON.
#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn bad_request_code(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        AppError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        AppError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: message.into(),
        }
    }

    /// A request body over the endpoint's limit.
    pub fn too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "Dữ liệu gửi lên quá lớn.",
        )
    }

    pub fn internal() -> Self {
        AppError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: "Máy chủ gặp sự cố, vui lòng thử lại sau.".into(),
        }
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        eprintln!("database error: {e}");
        AppError::internal()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = ApiError {
            code: self.code.into(),
            message: self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

pub async fn not_found_fallback() -> AppError {
    AppError::not_found("Không tìm thấy địa chỉ này.")
}

/// A known path asked with a method it does not take (the router adds `Allow`).
pub async fn method_not_allowed_fallback() -> AppError {
    AppError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Địa chỉ này không hỗ trợ phương thức yêu cầu này.",
    )
}
