//! Members: registration that tells no one which addresses are taken, sign-in
//! with rate limits, the idle session, CSRF, and members-only polls.

mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use axum::Router;
use common::*;
use ntm_server::db::polls::{insert, NewPoll};
use ntm_server::{app, Db, Limits, Options};
use serde_json::{json, Value};

const NOW: i64 = 1_700_000_000;
const IDLE: i64 = 300;

struct Site {
    app: Router,
    clock: Arc<AtomicI64>,
}

impl Site {
    /// Poll 1: open to everyone. Poll 2: open, members only.
    fn new() -> Site {
        let db = small_db(0);
        let poll = |q: &str, members_only: bool| NewPoll {
            question: q.into(),
            max_choices: 1,
            starts_at: NOW - 1000,
            ends_at: None,
            active: true,
            options: (0..3)
                .map(|i| (format!("{q} – phương án {i}"), 0))
                .collect(),
            voters: 0,
            members_only,
        };
        db.with(|c| {
            insert(c, &poll("Cho mọi người", false)).unwrap();
            insert(c, &poll("Chỉ thành viên", true)).unwrap();
        });
        Self::with_db(db)
    }

    fn with_db(db: Db) -> Site {
        let clock = Arc::new(AtomicI64::new(NOW));
        let time = clock.clone();
        let app = app(
            db,
            Options {
                limits: Limits {
                    trust_forwarded_for: true,
                    session_idle_seconds: IDLE as u32,
                    ..Limits::default()
                },
                clock: Some(Arc::new(move || time.load(Ordering::SeqCst))),
                ..Default::default()
            },
        );
        Site { app, clock }
    }

    fn at(&self, t: i64) {
        self.clock.store(t, Ordering::SeqCst);
    }

    async fn register(&self, name: &str, email: &str, password: &str) -> Answer {
        let body = json!({ "name": name, "email": email, "password": password }).to_string();
        post_json(&self.app, "/api/members", &[], &body).await
    }

    async fn sign_in_from(&self, ip: &str, email: &str, password: &str) -> Answer {
        let body = json!({ "email": email, "password": password }).to_string();
        post_json(&self.app, "/api/session", &[("x-forwarded-for", ip)], &body).await
    }

    /// Signs in: the cookie header to send and the CSRF token.
    async fn signed_in(&self, email: &str, password: &str) -> (String, String) {
        let res = self.sign_in_from("10.0.0.1", email, password).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        session_of(&res)
    }

    async fn session(&self, cookie: &str) -> Answer {
        get_with(&self.app, "/api/session", &[("cookie", cookie)]).await
    }

    async fn extend(&self, cookie: &str, csrf: Option<&str>) -> Answer {
        let mut headers = vec![("cookie", cookie)];
        headers.extend(csrf.map(|c| ("x-csrf-token", c)));
        post_json(&self.app, "/api/session/extend", &headers, "{}").await
    }
}

const REGISTERED: &str =
    "Đăng ký đã được ghi nhận. Bạn có thể đăng nhập bằng e-mail và mật khẩu vừa đăng ký.";

fn error(res: &Answer) -> (StatusCode, String, String) {
    let v = res.json();
    (
        res.status,
        v["code"].as_str().unwrap().to_owned(),
        v["message"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn register_then_sign_in() {
    let site = Site::new();
    let res = site
        .register("  Nguyễn Văn An ", " An@Xa.VN ", "mật khẩu an toàn")
        .await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    assert_eq!(res.json(), json!({ "message": REGISTERED }));

    let res = site
        .sign_in_from("10.0.0.1", "an@xa.vn", "mật khẩu an toàn")
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let cookie = res.header("set-cookie");
    let token = cookie
        .strip_prefix("ntm_sid=")
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    assert!(
        token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()),
        "{cookie}"
    );
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let state = res.json();
    assert_eq!(state["member"]["name"], "Nguyễn Văn An");
    assert_eq!(state["member"]["email"], "an@xa.vn");
    assert_eq!(state["idle_seconds"], IDLE);
    let csrf = state["csrf_token"].as_str().unwrap();
    assert!(csrf.len() >= 32 && csrf != token);

    let now = site.session(&format!("ntm_sid={token}")).await;
    assert_eq!(now.status, StatusCode::OK);
    assert_eq!(now.json(), state);

    let nobody = get(&site.app, "/api/session").await;
    assert_eq!(
        nobody.json(),
        json!({ "member": null, "idle_seconds": IDLE, "csrf_token": null })
    );
    assert_eq!(nobody.header("set-cookie"), "");
}

#[tokio::test]
async fn the_cookie_is_secure_behind_a_tls_proxy() {
    let site = Site::new();
    site.register("Trần Bình", "binh@xa.vn", "12345678").await;
    let body = r#"{"email":"binh@xa.vn","password":"12345678"}"#;
    let res = post_json(
        &site.app,
        "/api/session",
        &[("x-forwarded-proto", "https")],
        body,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.header("set-cookie").contains("Secure"),
        "{}",
        res.header("set-cookie")
    );
}

#[tokio::test]
async fn a_taken_address_gets_the_same_answer_and_keeps_its_password() {
    let site = Site::new();
    let first = site.register("Lê Cúc", "cuc@xa.vn", "mat-khau-dau").await;
    let again = site
        .register("Kẻ Khác", "  CUC@xa.vn", "mat-khau-moi")
        .await;
    assert_eq!((first.status, &first.body), (again.status, &again.body));
    assert_eq!(again.header("set-cookie"), "");

    let res = site
        .sign_in_from("10.0.0.1", "cuc@xa.vn", "mat-khau-moi")
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = site
        .sign_in_from("10.0.0.1", "cuc@xa.vn", "mat-khau-dau")
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["member"]["name"], "Lê Cúc");
}

#[tokio::test]
async fn registrations_out_of_bounds_are_refused_clearly() {
    let site = Site::new();
    let name = "Vui lòng nhập họ tên (2–80 ký tự).";
    let email = "Địa chỉ e-mail không hợp lệ.";
    let password = "Mật khẩu phải có từ 8 đến 128 ký tự.";
    let long_email = format!("{}@xa.vn", "a".repeat(250));
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"name": " A ", "email": "a@xa.vn", "password": "12345678"}),
            "invalid_name",
            name,
        ),
        (
            json!({"name": "Ă".repeat(81), "email": "a@xa.vn", "password": "12345678"}),
            "invalid_name",
            name,
        ),
        (
            json!({"name": "Ai", "email": "a@xa", "password": "12345678"}),
            "invalid_email",
            email,
        ),
        (
            json!({"name": "Ai", "email": "a xa.vn", "password": "12345678"}),
            "invalid_email",
            email,
        ),
        (
            json!({"name": "Ai", "email": long_email, "password": "12345678"}),
            "invalid_email",
            email,
        ),
        (
            json!({"name": "Ai", "email": "a@xa.vn", "password": "1234567"}),
            "invalid_password",
            password,
        ),
        (
            json!({"name": "Ai", "email": "a@xa.vn", "password": "x".repeat(129)}),
            "invalid_password",
            password,
        ),
        (
            json!({"name": "Ai", "email": "a@xa.vn"}),
            "invalid_registration",
            "Thông tin đăng ký không hợp lệ.",
        ),
        (
            json!(["Ai", "a@xa.vn", "12345678"]),
            "invalid_registration",
            "Thông tin đăng ký không hợp lệ.",
        ),
    ];
    for (body, code, message) in cases {
        let res = post_json(&site.app, "/api/members", &[], &body.to_string()).await;
        assert_eq!(
            error(&res),
            (StatusCode::BAD_REQUEST, code.to_owned(), message.to_owned()),
            "{body}"
        );
    }
    // Bounds count characters, not bytes.
    let res = site.register("Ỷ Ở", "y@xa.vn", "ậậậậậậậậ").await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
    let res = send(&site.app, "POST", "/api/members", &[], "name=Ai").await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_look_the_same() {
    let site = Site::new();
    site.register("Phạm Dũng", "dung@xa.vn", "dung-mat-khau")
        .await;
    let wrong = site
        .sign_in_from("10.0.0.1", "dung@xa.vn", "sai-mat-khau")
        .await;
    let unknown = site
        .sign_in_from("10.0.0.1", "khong-co@xa.vn", "dung-mat-khau")
        .await;
    assert_eq!(
        error(&wrong),
        (
            StatusCode::UNAUTHORIZED,
            "bad_credentials".into(),
            "E-mail hoặc mật khẩu không đúng.".into()
        )
    );
    assert_eq!((wrong.status, &wrong.body), (unknown.status, &unknown.body));
    assert_eq!(wrong.header("set-cookie"), "");
}

#[tokio::test]
async fn failed_sign_ins_are_limited_per_address_and_per_ip() {
    let site = Site::new();
    site.register("Hoàng Em", "em@xa.vn", "em-mat-khau").await;
    let too_many = (
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts".to_owned(),
        "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau 15 phút.".to_owned(),
    );
    // Five wrong passwords for one address, from five addresses.
    for i in 0..5 {
        let res = site
            .sign_in_from(&format!("10.1.0.{i}"), "EM@xa.vn", "doan-mo")
            .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let res = site
        .sign_in_from("10.1.0.9", "em@xa.vn", "em-mat-khau")
        .await;
    assert_eq!(error(&res), too_many);
    // Fifteen minutes later the right password works.
    site.at(NOW + 15 * 60);
    let res = site
        .sign_in_from("10.1.0.9", "em@xa.vn", "em-mat-khau")
        .await;
    assert_eq!(res.status, StatusCode::OK);

    // Ten failures from one IP address, each to another address.
    for i in 0..10 {
        let res = site
            .sign_in_from("10.2.0.1", &format!("ai{i}@xa.vn"), "doan-mo")
            .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let res = site
        .sign_in_from("10.2.0.1", "em@xa.vn", "em-mat-khau")
        .await;
    assert_eq!(error(&res), too_many);
    let res = site
        .sign_in_from("10.2.0.2", "em@xa.vn", "em-mat-khau")
        .await;
    assert_eq!(
        res.status,
        StatusCode::OK,
        "another address is not held back"
    );
}

#[tokio::test]
async fn registrations_are_limited_per_ip() {
    let site = Site::new();
    let from = [("x-forwarded-for", "10.3.0.1")];
    for i in 0..20 {
        let body = json!({"name": "Ai", "email": format!("r{i}@xa.vn"), "password": "12345678"});
        let res = post_json(&site.app, "/api/members", &from, &body.to_string()).await;
        assert_eq!(res.status, StatusCode::ACCEPTED, "{i}");
    }
    let body = r#"{"name":"Ai","email":"r20@xa.vn","password":"12345678"}"#;
    let res = post_json(&site.app, "/api/members", &from, body).await;
    let (status, code, _) = error(&res);
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
    );
    site.at(NOW + 3600);
    let res = post_json(&site.app, "/api/members", &from, body).await;
    assert_eq!(res.status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn a_session_ends_when_left_idle_and_extending_restarts_it() {
    let site = Site::new();
    site.register("Vũ Giang", "giang@xa.vn", "giang-mat-khau")
        .await;
    let (cookie, csrf) = site.signed_in("giang@xa.vn", "giang-mat-khau").await;

    // Reading the session does not extend it.
    site.at(NOW + IDLE - 1);
    assert_eq!(
        site.session(&cookie).await.json()["member"]["email"],
        "giang@xa.vn"
    );
    site.at(NOW + IDLE);
    let gone = site.session(&cookie).await;
    assert_eq!(gone.json()["member"], Value::Null);
    assert_eq!(gone.json()["csrf_token"], Value::Null);
    assert!(
        gone.header("set-cookie").contains("Max-Age=0"),
        "stale cookie cleared"
    );
    let res = site.extend(&cookie, Some(&csrf)).await;
    assert_eq!(
        error(&res),
        (
            StatusCode::UNAUTHORIZED,
            "signed_out".into(),
            "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.".into()
        )
    );

    // A new session, extended just before its end, lives on from there.
    let (cookie, csrf) = site.signed_in("giang@xa.vn", "giang-mat-khau").await;
    let start = NOW + IDLE;
    site.at(start + IDLE - 10);
    let res = site.extend(&cookie, Some(&csrf)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["member"]["name"], "Vũ Giang");
    assert_eq!(res.json()["csrf_token"], csrf.as_str());
    site.at(start + 2 * IDLE - 11);
    assert_eq!(
        site.session(&cookie).await.json()["csrf_token"],
        csrf.as_str()
    );
    site.at(start + 2 * IDLE - 10);
    assert_eq!(site.session(&cookie).await.json()["member"], Value::Null);
}

#[tokio::test]
async fn writes_as_the_member_need_the_csrf_token() {
    let site = Site::new();
    site.register("Đỗ Hà", "ha@xa.vn", "ha-mat-khau").await;
    let (cookie, csrf) = site.signed_in("ha@xa.vn", "ha-mat-khau").await;
    let refused = (
        StatusCode::FORBIDDEN,
        "csrf".to_owned(),
        "Yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.".to_owned(),
    );
    assert_eq!(error(&site.extend(&cookie, None).await), refused);
    assert_eq!(error(&site.extend(&cookie, Some("sai")).await), refused);
    let wrong_length = format!("{csrf}0");
    assert_eq!(
        error(&site.extend(&cookie, Some(&wrong_length)).await),
        refused
    );

    let res = send(
        &site.app,
        "DELETE",
        "/api/session",
        &[("cookie", &cookie)],
        "",
    )
    .await;
    assert_eq!(error(&res), refused);
    assert_eq!(
        site.session(&cookie).await.json()["member"]["name"],
        "Đỗ Hà"
    );

    let with = [("cookie", cookie.as_str()), ("x-csrf-token", csrf.as_str())];
    let res = send(&site.app, "DELETE", "/api/session", &with, "").await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    assert!(res.body.is_empty());
    let cleared = res.header("set-cookie");
    assert!(
        cleared.starts_with("ntm_sid=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    assert_eq!(site.session(&cookie).await.json()["member"], Value::Null);
    let res = site.extend(&cookie, Some(&csrf)).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);

    // Signing out without a session is no error.
    let res = send(&site.app, "DELETE", "/api/session", &[], "").await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let res = send(&site.app, "DELETE", "/api/session", &with, "").await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn another_sites_origin_is_refused() {
    let site = Site::new();
    site.register("Ngô Khánh", "khanh@xa.vn", "khanh-mat-khau")
        .await;
    let body = r#"{"email":"khanh@xa.vn","password":"khanh-mat-khau"}"#;
    let register = r#"{"name":"Ai","email":"ai@xa.vn","password":"12345678"}"#;
    let foreign = [("host", "tin.xa.vn"), ("origin", "https://evil.example")];
    for (method, uri, body) in [
        ("POST", "/api/session", body),
        ("POST", "/api/members", register),
        ("POST", "/api/session/extend", "{}"),
        ("DELETE", "/api/session", ""),
    ] {
        let mut headers = vec![("content-type", "application/json")];
        headers.extend(foreign);
        let res = send(&site.app, method, uri, &headers, body).await;
        let (status, code, _) = error(&res);
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::FORBIDDEN, "csrf"),
            "{method} {uri}"
        );
    }
    // Another port is another origin; `null` is no origin at all.
    for origin in ["http://tin.xa.vn:8081", "null"] {
        let headers = [("host", "tin.xa.vn"), ("origin", origin)];
        let res = post_json(&site.app, "/api/session", &headers, body).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{origin}");
    }
    // Reading is allowed from anywhere; signing in from the site itself works.
    let res = get_with(&site.app, "/api/session", &foreign).await;
    assert_eq!(res.status, StatusCode::OK);
    let own = [("host", "tin.xa.vn"), ("origin", "https://tin.xa.vn")];
    let res = post_json(&site.app, "/api/session", &own, body).await;
    assert_eq!(res.status, StatusCode::OK);
}

#[tokio::test]
async fn members_only_polls_take_one_vote_per_member() {
    let site = Site::new();
    let app = &site.app;
    site.register("Mai Lan", "lan@xa.vn", "lan-mat-khau").await;
    site.register("Mai Hoa", "hoa@xa.vn", "hoa-mat-khau").await;
    let poll: Value = get(app, "/api/polls/2").await.json();
    assert_eq!(poll["members_only"], true);
    assert_eq!(get(app, "/api/polls/1").await.json()["members_only"], false);
    let option = poll["options"][0]["id"].as_i64().unwrap();
    let vote = json!({ "options": [option] }).to_string();

    // A visitor alone may not vote.
    let res = post_json(app, "/api/polls/2/vote", &[("cookie", &visitor(1))], &vote).await;
    assert_eq!(
        error(&res),
        (
            StatusCode::UNAUTHORIZED,
            "sign_in_required".into(),
            "Cuộc thăm dò này chỉ dành cho thành viên. Vui lòng đăng nhập để bình chọn.".into()
        )
    );

    let (lan, csrf) = site.signed_in("lan@xa.vn", "lan-mat-khau").await;
    let cookies = format!("{}; {lan}", visitor(1));
    let res = post_json(app, "/api/polls/2/vote", &[("cookie", &cookies)], &vote).await;
    assert_eq!(error(&res).1, "csrf");

    // With the session and its token, once; the vote also extends the session.
    site.at(NOW + IDLE - 1);
    let with = [
        ("cookie", cookies.as_str()),
        ("x-csrf-token", csrf.as_str()),
    ];
    let res = post_json(app, "/api/polls/2/vote", &with, &vote).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["voters"], 1);
    let mine = get_with(app, "/api/polls/2", &with).await.json();
    assert_eq!(mine["my_choices"], json!([option]));
    // The visitor cookie alone is not the member.
    let theirs = get_with(app, "/api/polls/2", &[("cookie", &visitor(1))])
        .await
        .json();
    assert_eq!(theirs["my_choices"], Value::Null);
    let res = post_json(app, "/api/polls/2/vote", &with, &vote).await;
    assert_eq!(error(&res).1, "already_voted");
    assert_eq!(res.status, StatusCode::CONFLICT);
    site.at(NOW + 2 * IDLE - 2);
    assert_eq!(site.session(&lan).await.json()["member"]["name"], "Mai Lan");

    // Another member on the same browser has a vote of their own.
    let (hoa, csrf) = site.signed_in("hoa@xa.vn", "hoa-mat-khau").await;
    let cookies = format!("{}; {hoa}", visitor(1));
    let with = [
        ("cookie", cookies.as_str()),
        ("x-csrf-token", csrf.as_str()),
    ];
    let res = post_json(app, "/api/polls/2/vote", &with, &vote).await;
    assert_eq!(res.json()["voters"], 2);

    // Ordinary polls go on as before: visitors vote without signing in.
    let option = get(app, "/api/polls/1").await.json()["options"][0]["id"].clone();
    let vote = json!({ "options": [option] }).to_string();
    let res = post_json(app, "/api/polls/1/vote", &[("cookie", &visitor(2))], &vote).await;
    assert_eq!(res.status, StatusCode::OK);
    let res = post_json(app, "/api/polls/1/vote", &with, &vote).await;
    assert_eq!(res.status, StatusCode::OK, "the member's browser, once");
    let res = post_json(app, "/api/polls/1/vote", &with, &vote).await;
    assert_eq!(error(&res).1, "already_voted");
}

#[tokio::test]
async fn the_demo_has_a_members_only_poll_that_is_not_the_current_one() {
    let (db, _dir) = seeded_db();
    let site = Site::with_db(db);
    let current = get(&site.app, "/api/polls/current").await.json();
    assert_eq!(
        (current["id"].as_i64(), &current["members_only"]),
        (Some(1), &json!(false))
    );
    let all = get(&site.app, "/api/polls").await.json();
    let members: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["members_only"] == true)
        .collect();
    assert_eq!(members.len(), 1);
    assert_eq!(members[0]["id"], 4);
    assert!(members[0]["question"]
        .as_str()
        .unwrap()
        .contains("Nông thôn mới"));
}
