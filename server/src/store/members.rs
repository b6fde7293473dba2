//! Members: who may sign in, and registration.

use ntm_types::{Member, Timestamp};

use super::{blocking, Store};
use crate::db;
use crate::error::AppError;

impl Store {
    /// How this store's passwords are hashed.
    pub fn passwords(&self) -> Passwords {
        match self {
            Store::Own(_) => Passwords::Argon2,
            Store::NukeViet { .. } => Passwords::NukeViet,
        }
    }

    /// The member who may sign in as `login` (an e-mail; on a NukeViet site
    /// a user name too), with their password's hash.
    pub async fn sign_in_account(&self, login: String) -> Result<Option<SignInAccount>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(
                        db::members::account_by_email(c, &login)?.map(|a| SignInAccount {
                            member: a.member,
                            password_hash: a.password_hash,
                            two_step: false,
                        }),
                    )
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.account(&login)?.map(|a| SignInAccount {
                        member: a.member,
                        password_hash: a.password_hash,
                        two_step: a.two_step,
                    }))
                })
                .await
            }
        }
    }

    /// In the side store's transaction that starts `member`'s session: a
    /// NukeViet member gets (or refreshes) a copy there, which sessions and
    /// members-only votes refer to; never a password.
    pub fn signing_in(
        &self,
        c: &rusqlite::Connection,
        member: &Member,
        now: Timestamp,
    ) -> rusqlite::Result<()> {
        match self {
            Store::Own(_) => Ok(()),
            Store::NukeViet { .. } => db::members::keep_copy(c, member, now),
        }
    }

    /// Why registration is refused here, if it is: on a NukeViet site,
    /// accounts are made by the site's administrators.
    pub async fn registration_refusal(&self) -> Result<Option<String>, AppError> {
        match self {
            Store::Own(_) => Ok(None),
            Store::NukeViet { site, .. } => {
                let email = blocking(site, |s| Ok(s.site_info()?.email)).await?;
                let ask = if email.is_empty() {
                    "vui lòng liên hệ văn phòng qua số điện thoại ở cuối trang".to_owned()
                } else {
                    format!("vui lòng gửi e-mail tới {email}")
                };
                Ok(Some(format!(
                    "Trang này không nhận đăng ký thành viên mới. Thành viên đã có tài khoản \
                     đăng nhập bằng tài khoản cũ; để được cấp tài khoản, {ask}."
                )))
            }
        }
    }
}

/// How a store's passwords are hashed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Passwords {
    /// Argon2id PHC strings (the reference backend's own members).
    Argon2,
    /// NukeViet's formats (`{SSHA512}…`).
    NukeViet,
}

/// A member who may sign in, with their password's hash.
pub struct SignInAccount {
    pub member: Member,
    pub password_hash: String,
    /// They sign in with a second step, which this front end does not offer.
    pub two_step: bool,
}
