//! Writes that only this site's own pages may make: signing in and out,
//! keeping a session alive, registering.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, ErrorCode};
use crate::AppState;

/// The refusal of a member's write without the session's token, or from
/// another site.
pub fn csrf_refused() -> AppError {
    AppError::new(
        ErrorCode::Csrf,
        "Yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.",
    )
}

/// Middleware (`axum::middleware::from_fn_with_state`): a write whose `Origin`
/// is another site is refused, so no page elsewhere can sign a reader in to an
/// account of its choosing (or out) behind their back. Reads pass.
pub async fn same_origin_writes(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    if !read && !crate::security::same_origin(&state.limits, &state.origins, req.headers()) {
        return csrf_refused().into_response();
    }
    next.run(req).await
}
