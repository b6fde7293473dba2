//! Why a request gave no data, in words a reader can act on.

use std::fmt;

/// Why a request gave no data. Each has a message a reader can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// No answer: offline, DNS, the backend is down, or CORS refused it.
    Network,
    /// No answer within the time limit.
    Timeout,
    /// The backend has no such thing (404).
    NotFound(String),
    /// Any other non-2xx status, with the backend's message when it sent one.
    Status(u16, Option<String>),
    /// The body was not JSON, or not of the expected shape.
    Invalid,
    /// The body was larger than the contract's answers ever are.
    TooLarge,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network => f.write_str(
                "Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
            ),
            FetchError::Timeout => f.write_str("Máy chủ phản hồi quá chậm. Vui lòng thử lại."),
            FetchError::NotFound(m) => f.write_str(m),
            FetchError::Status(_, Some(m)) => f.write_str(m),
            FetchError::Status(code, None) => {
                write!(f, "Máy chủ gặp sự cố (mã {code}). Vui lòng thử lại sau.")
            }
            FetchError::Invalid => {
                f.write_str("Dữ liệu nhận được không hợp lệ. Vui lòng thử lại sau.")
            }
            FetchError::TooLarge => f.write_str("Dữ liệu nhận được quá lớn. Vui lòng thử lại sau."),
        }
    }
}

pub type ApiResult<T> = Result<T, FetchError>;
