//! NukeViet's members sign in with their own passwords
//! (docs/nukeviet-schema-notes.md, section 8): an account of the users table,
//! active, found by its e-mail or, for what is not one, its user name; its
//! password in one of the LDAP hash formats NukeViet writes.

use base64::Engine;
use md5::Md5;
use mysql::prelude::Queryable;
use mysql::PooledConn;
use ntm_types::Member;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use subtle::ConstantTimeEq;

use super::encoding::as_html_text;
use super::schema::Tables;
use super::Site;
use crate::text::decode_entities;

/// A NukeViet member who may sign in, with their password's hash.
pub struct Account {
    pub member: Member,
    pub password_hash: String,
    /// Signs in with a second step (a code from an app), which this front
    /// end does not offer.
    pub two_step: bool,
}

impl Site {
    /// See [`account`].
    pub fn account(&self, login: &str) -> mysql::Result<Option<Account>> {
        account(&mut self.conn()?, self.tables(), login)
    }
}

/// The active member whose e-mail is `login` or, when `login` has no `@`,
/// whose user name it is (NukeViet finds those by an MD5 of the name in lower
/// case, its unique key).
pub fn account(
    conn: &mut PooledConn,
    tables: &Tables,
    login: &str,
) -> mysql::Result<Option<Account>> {
    let login = login.trim();
    let (column, value) = if login.contains('@') {
        ("email", login.to_lowercase())
    } else {
        (
            "md5username",
            hex(&Md5::digest(login.to_lowercase().as_bytes())),
        )
    };
    let row: Option<(i64, String, String, String, String, String, u8)> = conn.exec_first(
        format!(
            "SELECT userid, username, email, first_name, last_name, password, active2step \
             FROM {} WHERE {column} = ? AND active = 1",
            tables.users
        ),
        (value,),
    )?;
    Ok(
        row.map(|(id, username, email, first, last, password, two_step)| {
            // The Vietnamese order: family name first.
            let name = decode_entities(&format!("{} {}", last.trim(), first.trim()))
                .trim()
                .to_owned();
            Account {
                member: Member {
                    id,
                    name: if name.is_empty() { username } else { name },
                    email: email.to_lowercase(),
                },
                password_hash: password,
                two_step: two_step == 1,
            }
        }),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `password` is the one `stored` hashes. NukeViet hashes a password
/// as its request filter leaves it (quotes and brackets as references), so
/// that form is tried too.
pub fn password_matches(password: &str, stored: &str) -> bool {
    let filtered = as_html_text(password.trim());
    matches(password, stored) || (filtered != password && matches(&filtered, stored))
}

/// `{SSHA512}`, `{SSHA256}`, `{SSHA}`: base64 of the digest of the password
/// and a salt, then the salt; `{SHA}`, `{MD5}`: base64 of the digest. Any
/// other hash (NukeViet 3's, keyed with the site's secret) does not match.
fn matches(password: &str, stored: &str) -> bool {
    let Some((scheme, encoded)) = stored
        .strip_prefix('{')
        .and_then(|rest| rest.split_once('}'))
    else {
        return false;
    };
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return false;
    };
    let salted = |size: usize, digest: &dyn Fn(&[u8]) -> Vec<u8>| {
        if decoded.len() < size {
            return false;
        }
        let (hash, salt) = decoded.split_at(size);
        let mut input = password.as_bytes().to_vec();
        input.extend_from_slice(salt);
        bool::from(digest(&input).ct_eq(hash))
    };
    match scheme.to_ascii_uppercase().as_str() {
        "SSHA512" => salted(64, &|b| Sha512::digest(b).to_vec()),
        "SSHA256" => salted(32, &|b| Sha256::digest(b).to_vec()),
        "SSHA" => salted(20, &|b| Sha1::digest(b).to_vec()),
        "SHA" => bool::from(Sha1::digest(password.as_bytes()).as_slice().ct_eq(&decoded)),
        "MD5" => bool::from(Md5::digest(password.as_bytes()).as_slice().ct_eq(&decoded)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_nukeviet_writes() {
        let ssha512 = "{SSHA512}WZaVVouB1lSO5LxYRjp+WfknrgDs3j1cEQRxKc9+Afw6hmzaMcQutiGdDAwuGs3gWCQOh8OCtjbGaEo+jpyc3WExYjI=";
        assert!(password_matches("Mật-khẩu 2024", ssha512));
        assert!(!password_matches("Mật-khẩu 2025", ssha512));
        assert!(!password_matches("Mat-khau 2024", ssha512));
        assert!(password_matches(
            "matkhau-cu",
            "{SSHA}UBh1WIfvyEMkS75DEuFi9JmWXugwZjNl"
        ));
        assert!(password_matches(
            "hai-buoc-2024",
            "{SSHA256}xH4OzqqSvYRRDESLoIl/+KXr3hruykOScKAsQZk/97MxMjM0"
        ));
        assert!(password_matches(
            "md5-cu-2019",
            "{MD5}KlHHS+z/+399XM13Y4oXYw=="
        ));
        assert!(password_matches(
            "sha-cu-2018",
            "{SHA}B0sCiQ+umeZAwIzOfoKZlvWYjao="
        ));
        // Hashed as NukeViet's filter left it.
        assert!(password_matches(
            r#"Nhà "Xanh" 2024"#,
            "{SSHA512}ciLhFZt1FH3kQ/o+iAiHeqJZrZLD/Ry12pKIr8iinISqHIoSnOfZbJRmNTC1PEe5xfSiJ7OjotiihloBIS526zlhYmM="
        ));
        for stored in [
            "",
            "{SSHA512}",
            "{SSHA512}***",
            "{X}YQ==",
            "5f4dcc3b5aa765d61d8327deb882cf99",
        ] {
            assert!(!password_matches("", stored), "{stored}");
            assert!(!password_matches("password", stored), "{stored}");
        }
    }
}
