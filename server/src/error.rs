//! The API's one error type. Every refusal names an [`ErrorCode`]: the code
//! fixes the HTTP status, and the contract's `ApiError` lists every code with
//! its status and meaning (`openapi.rs` writes that list from this enum).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use ntm_types::ApiError;

/// Every error code the reference backend sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    BadRequest,
    NotFound,
    MethodNotAllowed,
    UnsupportedMediaType,
    TooLarge,
    Internal,
    Unavailable,
    NoVisitor,
    InvalidVisit,
    TooManyVisitors,
    InvalidRating,
    RatingDisabled,
    AlreadyRated,
    TooManyRatings,
    InvalidVote,
    PollClosed,
    AlreadyVoted,
    TooManyVotes,
    SignInRequired,
    Csrf,
    InvalidSignIn,
    BadCredentials,
    TooManyAttempts,
    SignedOut,
    InvalidRegistration,
    InvalidName,
    InvalidEmail,
    InvalidPassword,
    TwoStepSignIn,
    RegistrationClosed,
}

impl ErrorCode {
    /// Every code, in the order the contract lists them.
    pub const ALL: [ErrorCode; 30] = [
        ErrorCode::BadRequest,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::TooLarge,
        ErrorCode::Internal,
        ErrorCode::Unavailable,
        ErrorCode::NoVisitor,
        ErrorCode::InvalidVisit,
        ErrorCode::TooManyVisitors,
        ErrorCode::InvalidRating,
        ErrorCode::RatingDisabled,
        ErrorCode::AlreadyRated,
        ErrorCode::TooManyRatings,
        ErrorCode::InvalidVote,
        ErrorCode::PollClosed,
        ErrorCode::AlreadyVoted,
        ErrorCode::TooManyVotes,
        ErrorCode::SignInRequired,
        ErrorCode::Csrf,
        ErrorCode::InvalidSignIn,
        ErrorCode::BadCredentials,
        ErrorCode::TooManyAttempts,
        ErrorCode::SignedOut,
        ErrorCode::InvalidRegistration,
        ErrorCode::InvalidName,
        ErrorCode::InvalidEmail,
        ErrorCode::InvalidPassword,
        ErrorCode::TwoStepSignIn,
        ErrorCode::RegistrationClosed,
    ];

    /// The code as the JSON carries it, the status it is sent with, and what it
    /// means, for the contract.
    const fn spec(self) -> (&'static str, StatusCode, &'static str) {
        use ErrorCode::*;
        match self {
            BadRequest => (
                "bad_request",
                StatusCode::BAD_REQUEST,
                "a query parameter that is unknown, repeated or out of bounds",
            ),
            NotFound => ("not_found", StatusCode::NOT_FOUND, "no such path or item"),
            MethodNotAllowed => (
                "method_not_allowed",
                StatusCode::METHOD_NOT_ALLOWED,
                "a known path with a method it does not take",
            ),
            UnsupportedMediaType => (
                "unsupported_media_type",
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "a write whose body is not JSON",
            ),
            TooLarge => (
                "too_large",
                StatusCode::PAYLOAD_TOO_LARGE,
                "a body over the endpoint's limit",
            ),
            Internal => (
                "internal",
                StatusCode::INTERNAL_SERVER_ERROR,
                "a fault of the backend",
            ),
            Unavailable => (
                "unavailable",
                StatusCode::SERVICE_UNAVAILABLE,
                "a database cannot answer or take a write for now (down, disk full, read-only); nothing was done, try again shortly",
            ),
            NoVisitor => (
                "no_visitor",
                StatusCode::BAD_REQUEST,
                "a visitor's write without the visitor cookie",
            ),
            InvalidVisit => (
                "invalid_visit",
                StatusCode::BAD_REQUEST,
                "a malformed visit",
            ),
            TooManyVisitors => (
                "too_many_visitors",
                StatusCode::TOO_MANY_REQUESTS,
                "too many new visitors from one address",
            ),
            InvalidRating => (
                "invalid_rating",
                StatusCode::BAD_REQUEST,
                "points outside 1–5 or a malformed rating",
            ),
            RatingDisabled => (
                "rating_disabled",
                StatusCode::FORBIDDEN,
                "rating is switched off for this article",
            ),
            AlreadyRated => (
                "already_rated",
                StatusCode::CONFLICT,
                "this visitor has rated this article already",
            ),
            TooManyRatings => (
                "too_many_ratings",
                StatusCode::TOO_MANY_REQUESTS,
                "too many ratings of one article from one address",
            ),
            InvalidVote => (
                "invalid_vote",
                StatusCode::BAD_REQUEST,
                "no option, too many, repeated or of another poll",
            ),
            PollClosed => (
                "poll_closed",
                StatusCode::FORBIDDEN,
                "the poll is closed or not open yet",
            ),
            AlreadyVoted => (
                "already_voted",
                StatusCode::CONFLICT,
                "this visitor (or member) has voted in this poll already",
            ),
            TooManyVotes => (
                "too_many_votes",
                StatusCode::TOO_MANY_REQUESTS,
                "too many votes in one poll from one address",
            ),
            SignInRequired => (
                "sign_in_required",
                StatusCode::UNAUTHORIZED,
                "a members-only action without a live session",
            ),
            Csrf => (
                "csrf",
                StatusCode::FORBIDDEN,
                "a member's write without the session's token, or from another site",
            ),
            InvalidSignIn => (
                "invalid_sign_in",
                StatusCode::BAD_REQUEST,
                "a malformed sign-in",
            ),
            BadCredentials => (
                "bad_credentials",
                StatusCode::UNAUTHORIZED,
                "a wrong e-mail address or password",
            ),
            TooManyAttempts => (
                "too_many_attempts",
                StatusCode::TOO_MANY_REQUESTS,
                "too many sign-ins or registrations; try again later",
            ),
            SignedOut => (
                "signed_out",
                StatusCode::UNAUTHORIZED,
                "the session ended (left idle, or signed out elsewhere)",
            ),
            InvalidRegistration => (
                "invalid_registration",
                StatusCode::BAD_REQUEST,
                "a malformed registration",
            ),
            InvalidName => (
                "invalid_name",
                StatusCode::BAD_REQUEST,
                "a display name out of bounds",
            ),
            InvalidEmail => (
                "invalid_email",
                StatusCode::BAD_REQUEST,
                "not an e-mail address",
            ),
            InvalidPassword => (
                "invalid_password",
                StatusCode::BAD_REQUEST,
                "a password out of bounds",
            ),
            TwoStepSignIn => (
                "two_step_sign_in",
                StatusCode::FORBIDDEN,
                "the right password of an account that signs in with a second step, which this site does not offer",
            ),
            RegistrationClosed => (
                "registration_closed",
                StatusCode::FORBIDDEN,
                "this site takes no registrations; the message says whom to ask",
            ),
        }
    }

    pub const fn as_str(self) -> &'static str {
        self.spec().0
    }

    pub const fn status(self) -> StatusCode {
        self.spec().1
    }

    /// What the code means, in a few words, for the contract.
    pub const fn meaning(self) -> &'static str {
        self.spec().2
    }
}

/// An error answer: a code (which fixes the status) and a Vietnamese message,
/// sent as JSON.
#[derive(Debug)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }

    /// A request body over the endpoint's limit.
    pub fn too_large() -> Self {
        Self::new(ErrorCode::TooLarge, "Dữ liệu gửi lên quá lớn.")
    }

    pub fn internal() -> Self {
        Self::new(
            ErrorCode::Internal,
            "Máy chủ gặp sự cố, vui lòng thử lại sau.",
        )
    }

    pub fn status(&self) -> StatusCode {
        self.code.status()
    }
}

impl AppError {
    /// The content database does not answer (a NukeViet site's MySQL gone
    /// away): nothing was done, asking again later may work.
    pub fn unavailable() -> Self {
        Self::new(
            ErrorCode::Unavailable,
            "Tạm thời không đọc được dữ liệu, vui lòng thử lại sau ít phút.",
        )
    }
}

impl From<mysql::Error> for AppError {
    fn from(e: mysql::Error) -> Self {
        tracing::error!(cause = %e, "the NukeViet database failed");
        AppError::unavailable()
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        tracing::error!(cause = %e, "the database failed");
        if cannot_write(&e) {
            // Nothing was written (the transaction rolled back); the same
            // request works again once there is room.
            return Self::new(
                ErrorCode::Unavailable,
                "Tạm thời không lưu được dữ liệu, vui lòng thử lại sau ít phút.",
            );
        }
        AppError::internal()
    }
}

/// The database cannot take a write just now: the disk is full, the file
/// read-only, or another process holds the lock too long.
pub fn cannot_write(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode as Code;
    matches!(
        e.sqlite_error_code(),
        Some(
            Code::DiskFull
                | Code::ReadOnly
                | Code::SystemIoFailure
                | Code::DatabaseBusy
                | Code::DatabaseLocked
        )
    )
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = ApiError {
            code: self.code.as_str().into(),
            message: self.message,
        };
        (self.code.status(), Json(body)).into_response()
    }
}

pub async fn not_found_fallback() -> AppError {
    AppError::not_found("Không tìm thấy địa chỉ này.")
}

/// A known path asked with a method it does not take (the router adds `Allow`).
pub async fn method_not_allowed_fallback() -> AppError {
    AppError::new(
        ErrorCode::MethodNotAllowed,
        "Địa chỉ này không hỗ trợ phương thức yêu cầu này.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_snake_case_and_statuses_are_errors() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{s}"
            );
            assert!(
                code.status().is_client_error() || code.status().is_server_error(),
                "{s}"
            );
        }
    }
}
