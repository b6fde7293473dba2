//! Registration, and the password hashing that sign-in shares.
//!
//! No answer may tell whether an e-mail address is registered: registering a
//! taken one answers exactly like a new one (and leaves the account as it
//! was), and a wrong password answers like an unknown address. Both paths
//! hash a password, so they take about as long too.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Json;
use axum::Router;
use ntm_types::{ApiError, Notice, RegisterRequest};
use unicode_normalization::UnicodeNormalization;

use super::params::{Body, NoQuery, Refusal};
use crate::db::members::{self, Attempt};
use crate::error::{AppError, ErrorCode};
use crate::visitor::ClientIp;
use crate::AppState;

/// Registration, refused to another site's pages as sign-in is.
pub fn routes(state: &AppState) -> Router<AppState> {
    let same_origin =
        axum::middleware::from_fn_with_state(state.clone(), super::same_origin::same_origin_writes);
    Router::new().route("/members", post(register).layer(same_origin))
}

/// Window of the registration limit, in seconds.
const REGISTRATION_WINDOW: i64 = 3600;

const REGISTERED: &str =
    "Đăng ký đã được ghi nhận. Bạn có thể đăng nhập bằng e-mail và mật khẩu vừa đăng ký.";

/// An Argon2id hash (the crate's default parameters) as a PHC string, with a
/// random salt.
pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the OS has randomness");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("default parameters hash any password")
        .to_string()
}

/// A hash of nothing anyone knows, to check against when the e-mail is
/// unknown so that the answer takes as long as for a known one.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let mut secret = [0u8; 16];
    getrandom::fill(&mut secret).expect("the OS has randomness");
    hash_password(&format!("{secret:?}"))
});

/// Whether `password` matches `hash`; with no hash, checks against a dummy
/// one all the same and answers no.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let (stored, real) = match hash {
        Some(h) => (h, true),
        None => (DUMMY_HASH.as_str(), false),
    };
    let matches = PasswordHash::new(stored)
        .and_then(|h| Argon2::default().verify_password(password.as_bytes(), &h))
        .is_ok();
    real && matches
}

/// An e-mail address as stored and compared: trimmed, lower case.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// `local@domain.tld` without spaces, at most 254 characters (the longest a
/// mail server delivers to). Whether it exists is for a mailbox to say.
fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    email.chars().count() <= 254
        && !local.is_empty()
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && !local.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// The checked registration: name trimmed and in NFC, e-mail normalized.
fn validate(r: RegisterRequest) -> Result<RegisterRequest, AppError> {
    let name: String = r.name.trim().nfc().collect();
    let name_len = name.chars().count();
    if !(2..=80).contains(&name_len) || name.chars().any(char::is_control) {
        return Err(AppError::new(
            ErrorCode::InvalidName,
            "Vui lòng nhập họ tên (2–80 ký tự).",
        ));
    }
    let email = normalize_email(&r.email);
    if !valid_email(&email) {
        return Err(AppError::new(
            ErrorCode::InvalidEmail,
            "Địa chỉ e-mail không hợp lệ.",
        ));
    }
    if !(8..=128).contains(&r.password.chars().count()) {
        return Err(AppError::new(
            ErrorCode::InvalidPassword,
            "Mật khẩu phải có từ 8 đến 128 ký tự.",
        ));
    }
    Ok(RegisterRequest {
        name,
        email,
        password: r.password,
    })
}

impl Refusal for RegisterRequest {
    fn refusal() -> AppError {
        AppError::new(
            ErrorCode::InvalidRegistration,
            "Thông tin đăng ký không hợp lệ.",
        )
    }
}

/// Registers a member. The answer is the same whether or not the e-mail was
/// registered already; an existing account is left unchanged.
#[utoipa::path(post, path = "/members", tag = "members",
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Taken: the member may sign in (the same answer when the e-mail was registered already)", body = Notice),
        (status = 400, description = "A name, e-mail or password out of bounds (codes `invalid_name`, `invalid_email`, `invalid_password`), a malformed body, or a query parameter", body = ApiError),
        (status = 403, description = "An `Origin` of another site, or a site that takes no registrations (`registration_closed`, over a NukeViet site: its message says whom to ask)", body = ApiError),
        (status = 413, description = "A body over 4 KiB", body = ApiError),
        (status = 415, description = "The body is not JSON", body = ApiError),
        (status = 429, description = "Too many registrations from this IP address in an hour", body = ApiError)))]
pub async fn register(
    State(state): State<AppState>,
    _: NoQuery,
    ClientIp(ip): ClientIp,
    Body(request): Body<RegisterRequest>,
) -> Result<(StatusCode, Json<Notice>), AppError> {
    if let Some(refusal) = state.store.registration_refusal().await? {
        return Err(AppError::new(ErrorCode::RegistrationClosed, refusal));
    }
    let RegisterRequest {
        name,
        email,
        password,
    } = validate(request)?;
    let now = (state.clock)();
    let limit = state.limits.registrations_per_ip_per_hour;
    state
        .db
        .call(move |c| {
            let recent =
                members::attempts(c, Attempt::Registration, &ip, now, REGISTRATION_WINDOW)?;
            if recent >= limit {
                return Err(AppError::new(
                    ErrorCode::TooManyAttempts,
                    "Có quá nhiều lượt đăng ký từ cùng một mạng. Vui lòng thử lại sau một giờ.",
                ));
            }
            Ok(members::record_attempt(c, Attempt::Registration, &ip, now)?)
        })
        .await?;
    // Hashed whether or not the address is taken, so both take as long.
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| AppError::internal())?;
    state
        .db
        .call(move |c| Ok(members::register(c, &name, &email, &hash, now)?))
        .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Notice {
            message: REGISTERED.into(),
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        for ok in ["a@b.vn", "nguyen.van.a+tin@xa-tan-lap.gov.vn", "x@y.z"] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.vn", "a@.vn", "a@b.", "a@b..vn", "a b@c.vn", "a@b@c.vn",
        ] {
            assert!(!valid_email(bad), "{bad}");
        }
        assert!(!valid_email(&format!("{}@b.vn", "a".repeat(250))));
        assert_eq!(normalize_email("  Ai@Xa.VN "), "ai@xa.vn");
    }

    #[test]
    fn passwords_verify_and_unknown_accounts_never_do() {
        let hash = hash_password("mật khẩu 123");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("mật khẩu 123", Some(&hash)));
        assert!(!verify_password("mat khau 123", Some(&hash)));
        assert!(!verify_password("mật khẩu 123", None));
        assert_ne!(hash, hash_password("mật khẩu 123"), "salted");
    }
}
