//! The site's members sign in with their NukeViet passwords; registration
//! is refused with a message that says whom to ask; members vote once in
//! members-only polls, their vote on the old site counted too.

use axum::http::StatusCode;
use axum::Router;
use mysql::prelude::Queryable;
use serde_json::json;

use super::common::{check, get_with, post_json, session_of, strict_document, Answer};
use super::TestDatabase;

async fn sign_in(app: &Router, login: &str, password: &str) -> Answer {
    let body = json!({ "email": login, "password": password }).to_string();
    post_json(app, "/api/session", &[], &body).await
}

#[tokio::test]
async fn members_sign_in_with_their_nukeviet_passwords() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let res = sign_in(&app, " BienTap@NongThonMoi.example.vn ", "Mật-khẩu 2024").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    check(&doc, "post", "/session", StatusCode::OK, &res.json());
    assert_eq!(
        res.json()["member"],
        json!({"id": 5, "name": "Nguyễn Thị Lan", "email": "bientap@nongthonmoi.example.vn"})
    );
    let (cookie, _) = session_of(&res);
    let session = get_with(&app, "/api/session", &[("cookie", &cookie)])
        .await
        .json();
    assert_eq!(session["member"]["id"], 5);

    // Every hash format NukeViet writes; a user name where the e-mail goes.
    for (login, password, id) in [
        ("nongdan", "matkhau-cu", 9),
        ("dacbiet@example.vn", r#"Nhà "Xanh" 2024"#, 12),
        ("md5@example.vn", "md5-cu-2019", 13),
        ("CU-SHA", "sha-cu-2018", 14),
    ] {
        let res = sign_in(&app, login, password).await;
        assert_eq!(res.status, StatusCode::OK, "{login}: {}", res.text());
        assert_eq!(res.json()["member"]["id"], id, "{login}");
    }
    assert_eq!(
        sign_in(&app, "nongdan", "matkhau-cu").await.json()["member"]["name"],
        "nongdan"
    );

    // A wrong password, a locked account, no such account: one answer.
    for (login, password) in [
        ("bientap@nongthonmoi.example.vn", "Mật-khẩu 2025"),
        ("khoa@example.vn", "khoa-tai-khoan"),
        ("khongco@example.vn", "Mật-khẩu 2024"),
        ("haibuoc@example.vn", "sai"),
    ] {
        let res = sign_in(&app, login, password).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{login}");
        assert_eq!(res.json()["code"], "bad_credentials");
    }
    // The right password of an account with a second step: said plainly.
    let two = sign_in(&app, "haibuoc@example.vn", "hai-buoc-2024").await;
    assert_eq!(two.status, StatusCode::FORBIDDEN);
    check(&doc, "post", "/session", StatusCode::FORBIDDEN, &two.json());
    assert_eq!(two.json()["code"], "two_step_sign_in");
    // Nothing written to NukeViet's members.
    let users: u32 = db
        .conn()
        .query_first("SELECT COUNT(*) FROM nv4_users")
        .unwrap()
        .unwrap();
    assert_eq!(users, 7);
}

#[tokio::test]
async fn registration_is_refused_with_whom_to_ask() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let body = json!({ "name": "Hoàng Văn Nam", "email": "nam@example.vn", "password": "mật khẩu an toàn" })
        .to_string();
    let res = post_json(&app, "/api/members", &[], &body).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    check(
        &strict_document(),
        "post",
        "/members",
        StatusCode::FORBIDDEN,
        &res.json(),
    );
    assert_eq!(res.json()["code"], "registration_closed");
    let message = res.json()["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("vanphong@nongthonmoi.example.vn"),
        "{message}"
    );
    let nam: Option<u32> = db
        .conn()
        .query_first("SELECT userid FROM nv4_users WHERE email = 'nam@example.vn'")
        .unwrap();
    assert_eq!(nam, None);
}

#[tokio::test]
async fn members_vote_once_in_members_only_polls_the_old_sites_votes_too() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    // Member 5 voted in poll 2 on the old site: shown as voted, no second vote.
    let (cookie, csrf) = session_of(&sign_in(&app, "bientap", "Mật-khẩu 2024").await);
    let headers = [("cookie", cookie.as_str()), ("x-csrf-token", csrf.as_str())];
    let poll = get_with(&app, "/api/polls/2", &headers).await.json();
    assert_eq!(poll["my_choices"], json!([]));
    let again = post_json(&app, "/api/polls/2/vote", &headers, r#"{"options":[4]}"#).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let (cookie, csrf) = session_of(&sign_in(&app, "dacbiet", r#"Nhà "Xanh" 2024"#).await);
    let headers = [("cookie", cookie.as_str()), ("x-csrf-token", csrf.as_str())];
    let voted = post_json(&app, "/api/polls/2/vote", &headers, r#"{"options":[4,5]}"#).await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.text());
    check(
        &strict_document(),
        "post",
        "/polls/{id}/vote",
        StatusCode::OK,
        &voted.json(),
    );
    let counts: Vec<u64> = db
        .conn()
        .query("SELECT hitstotal FROM nv4_vi_voting_rows WHERE vid = 2 ORDER BY id")
        .unwrap();
    assert_eq!(counts, [11, 9, 4_294_967_295]);
    // In NukeViet's list of members who voted, as its own vote writes it.
    let list: Option<String> = db
        .conn()
        .query_first("SELECT voted FROM nv4_vi_voting_voted WHERE vid = 2")
        .unwrap();
    assert_eq!(list.as_deref(), Some("5,9,12"));
    let poll = get_with(&app, "/api/polls/2", &headers).await.json();
    assert_eq!(poll["my_choices"], json!([4, 5]));
    let twice = post_json(&app, "/api/polls/2/vote", &headers, r#"{"options":[6]}"#).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}
