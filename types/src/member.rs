//! Members: registration, sign-in, and the session that ends when left idle.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A registered member, as shown to themselves once signed in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Member {
    pub id: i64,
    pub name: String,
    /// Lower case, as registered.
    pub email: String,
}

/// Who is signed in on this browser. `member` and `csrf_token` are both
/// present when signed in and both null when not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SessionState {
    pub member: Option<Member>,
    /// The server's idle limit: a session unused this many seconds ends.
    /// `POST /session/extend` (and a member's vote) restarts the count.
    #[cfg_attr(feature = "openapi", schema(minimum = 61))]
    pub idle_seconds: u32,
    /// Sent back as the `X-CSRF-Token` header by every write that needs the session.
    pub csrf_token: Option<String>,
}

/// Body of `POST /members`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// 2 to 80 characters once trimmed.
    pub name: String,
    /// At most 254 characters; compared without regard to case.
    pub email: String,
    /// 8 to 128 characters.
    pub password: String,
}

/// Body of `POST /session`: signing in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    /// The member's e-mail; over a NukeViet site, their user name works too.
    pub email: String,
    pub password: String,
}

/// A message for the reader, for an answer that has nothing else to say.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Notice {
    pub message: String,
}
