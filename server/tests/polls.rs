//! Polls: one vote per visitor, counted exactly, bad votes refused.

mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::polls::{insert, NewPoll};
use ntm_server::{app, Db, Limits, Options};
use ntm_types::{Poll, PollResults};

const NOW: i64 = 1_700_000_000;

/// Poll 1: single choice, open. Poll 2: up to 2 of 4, open. Poll 3: ended.
/// Poll 4: opens tomorrow.
fn polls_db() -> Db {
    let db = small_db(0);
    let poll = |q: &str, max: u32, starts: i64, ends: Option<i64>, n: usize| NewPoll {
        question: q.into(),
        max_choices: max,
        starts_at: starts,
        ends_at: ends,
        active: true,
        options: (0..n)
            .map(|i| (format!("{q} – phương án {i}"), 0))
            .collect(),
        voters: 0,
        members_only: false,
    };
    db.with(|c| {
        insert(c, &poll("Một lựa chọn", 1, NOW - 1000, None, 3)).unwrap();
        insert(c, &poll("Nhiều lựa chọn", 2, NOW - 2000, None, 4)).unwrap();
        insert(c, &poll("Đã kết thúc", 1, NOW - 9000, Some(NOW - 10), 2)).unwrap();
        insert(c, &poll("Chưa mở", 1, NOW + 86_400, None, 2)).unwrap();
    });
    db
}

fn polls_app(db: Db, per_ip: u32) -> axum::Router {
    let clock = Arc::new(AtomicI64::new(NOW));
    app(
        db,
        Options {
            limits: Limits {
                votes_per_ip_per_day: per_ip,
                trust_forwarded_for: true,
                ..Limits::default()
            },
            clock: Some(Arc::new(move || clock.load(Ordering::SeqCst))),
            ..Default::default()
        },
    )
}

fn parse<T: serde::de::DeserializeOwned>(res: &Answer) -> T {
    serde_json::from_slice(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.text()))
}

async fn option_ids(app: &axum::Router, poll: i64) -> Vec<i64> {
    let p: Poll = parse(&get(app, &format!("/api/polls/{poll}")).await);
    p.options.iter().map(|o| o.id).collect()
}

#[tokio::test]
async fn the_current_poll_and_the_list() {
    let app = polls_app(polls_db(), 50);
    let current: Poll = parse(&get(&app, "/api/polls/current").await);
    assert_eq!(
        (current.id, current.open, current.max_choices),
        (1, true, 1)
    );
    assert_eq!(current.my_choices, None);
    let all: Vec<Poll> = parse(&get(&app, "/api/polls").await);
    let summary: Vec<(i64, bool)> = all.iter().map(|p| (p.id, p.open)).collect();
    assert_eq!(summary, [(1, true), (2, true), (4, false), (3, false)]);
}

#[tokio::test]
async fn one_vote_per_visitor_and_results_for_all() {
    let app = polls_app(polls_db(), 50);
    let ids = option_ids(&app, 1).await;
    let me = visitor(1);
    let res = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &me)],
        &format!(r#"{{"options":[{}]}}"#, ids[1]),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    let r: PollResults = parse(&res);
    assert_eq!(
        r.options.iter().map(|o| o.votes).collect::<Vec<_>>(),
        [0, 1, 0]
    );
    assert_eq!((r.voters, r.choices, r.since), (Some(1), 1, NOW - 1000));

    let again = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &me)],
        &format!(r#"{{"options":[{}]}}"#, ids[0]),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json()["code"], "already_voted");

    let mine: Poll = parse(&get_with(&app, "/api/polls/1", &[("cookie", &me)]).await);
    assert_eq!(mine.my_choices, Some(vec![ids[1]]));
    let results: PollResults = parse(&get(&app, "/api/polls/1/results").await);
    assert_eq!((results.voters, results.choices), (Some(1), 1));
}

#[tokio::test]
async fn multi_choice_counts_voters_and_choices_apart() {
    let app = polls_app(polls_db(), 50);
    let ids = option_ids(&app, 2).await;
    let body = format!(r#"{{"options":[{},{}]}}"#, ids[0], ids[3]);
    let r: PollResults =
        parse(&post_json(&app, "/api/polls/2/vote", &[("cookie", &visitor(1))], &body).await);
    let body = format!(r#"{{"options":[{}]}}"#, ids[3]);
    let r2: PollResults =
        parse(&post_json(&app, "/api/polls/2/vote", &[("cookie", &visitor(2))], &body).await);
    assert_eq!((r.voters, r.choices), (Some(1), 2));
    assert_eq!((r2.voters, r2.choices), (Some(2), 3));
    assert_eq!(
        r2.options.iter().map(|o| o.votes).collect::<Vec<_>>(),
        [1, 0, 0, 2]
    );
}

#[tokio::test]
async fn invalid_votes_are_refused_and_change_nothing() {
    let app = polls_app(polls_db(), 50);
    let one = option_ids(&app, 1).await;
    let multi = option_ids(&app, 2).await;
    let closed = option_ids(&app, 3).await;
    let future = option_ids(&app, 4).await;
    let me = visitor(5);
    let cases: Vec<(String, String, StatusCode, &str)> = vec![
        (
            "/api/polls/2/vote".into(),
            format!(r#"{{"options":[{},{},{}]}}"#, multi[0], multi[1], multi[2]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            format!(r#"{{"options":[{},{}]}}"#, one[0], one[1]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/2/vote".into(),
            format!(r#"{{"options":[{},{}]}}"#, multi[0], multi[0]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            format!(r#"{{"options":[{}]}}"#, multi[0]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            r#"{"options":[]}"#.into(),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            r#"{"options":"1"}"#.into(),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            format!(r#"{{"options":[{}],"x":1}}"#, one[0]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            r#"{"options":["#.into(),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/1/vote".into(),
            format!("[{}]", one[0]),
            StatusCode::BAD_REQUEST,
            "invalid_vote",
        ),
        (
            "/api/polls/3/vote".into(),
            format!(r#"{{"options":[{}]}}"#, closed[0]),
            StatusCode::FORBIDDEN,
            "poll_closed",
        ),
        (
            "/api/polls/4/vote".into(),
            format!(r#"{{"options":[{}]}}"#, future[0]),
            StatusCode::FORBIDDEN,
            "poll_closed",
        ),
        (
            "/api/polls/99/vote".into(),
            r#"{"options":[1]}"#.into(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/api/polls/abc/vote".into(),
            r#"{"options":[1]}"#.into(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ];
    for (uri, body, status, code) in &cases {
        let res = post_json(&app, uri, &[("cookie", &me)], body).await;
        assert_eq!(res.status, *status, "{uri} {body}");
        assert_eq!(res.json()["code"], *code, "{uri} {body}");
    }
    let res = post_json(
        &app,
        "/api/polls/1/vote",
        &[],
        &format!(r#"{{"options":[{}]}}"#, one[0]),
    )
    .await;
    assert_eq!(
        (res.status, res.json()["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("no_visitor"))
    );
    let res = send(
        &app,
        "POST",
        "/api/polls/1/vote",
        &[("cookie", &me)],
        "options=1",
    )
    .await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    for poll in 1..=4 {
        let r: PollResults = parse(&get(&app, &format!("/api/polls/{poll}/results")).await);
        assert_eq!((r.voters, r.choices), (Some(0), 0), "poll {poll}");
    }
    // The visitor can still vote properly afterwards.
    let res = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &me)],
        &format!(r#"{{"options":[{}]}}"#, one[2]),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
}

#[tokio::test]
async fn one_address_is_capped_per_day() {
    let app = polls_app(polls_db(), 2);
    let ids = option_ids(&app, 1).await;
    let body = format!(r#"{{"options":[{}]}}"#, ids[0]);
    let village = ("x-forwarded-for", "203.0.113.9");
    for n in 0..2 {
        let res = post_json(
            &app,
            "/api/polls/1/vote",
            &[("cookie", &visitor(n)), village],
            &body,
        )
        .await;
        assert_eq!(res.status, StatusCode::OK);
    }
    let res = post_json(
        &app,
        "/api/polls/1/vote",
        &[("cookie", &visitor(9)), village],
        &body,
    )
    .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.json()["code"], "too_many_votes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_hundred_voters_at_once_are_counted_exactly() {
    let app = polls_app(polls_db(), 50);
    let ids = Arc::new(option_ids(&app, 2).await);
    let tasks: Vec<_> = (0..500u32)
        .map(|n| {
            let (app, ids) = (app.clone(), ids.clone());
            tokio::spawn(async move {
                let cookie = visitor(n + 1);
                let ip = format!("192.0.2.{}", n % 20);
                // Even voters tick two options, odd voters one.
                let body = if n % 2 == 0 {
                    format!(
                        r#"{{"options":[{},{}]}}"#,
                        ids[(n % 4) as usize],
                        ids[((n + 1) % 4) as usize]
                    )
                } else {
                    format!(r#"{{"options":[{}]}}"#, ids[(n % 4) as usize])
                };
                let first = post_json(
                    &app,
                    "/api/polls/2/vote",
                    &[("cookie", &cookie), ("x-forwarded-for", &ip)],
                    &body,
                )
                .await;
                let second = post_json(
                    &app,
                    "/api/polls/2/vote",
                    &[("cookie", &cookie), ("x-forwarded-for", &ip)],
                    &body,
                )
                .await;
                (first.status, second.status)
            })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), (StatusCode::OK, StatusCode::CONFLICT));
    }
    let r: PollResults = parse(&get(&app, "/api/polls/2/results").await);
    let mut expected = [0u32; 4];
    for n in 0..500u32 {
        expected[(n % 4) as usize] += 1;
        if n % 2 == 0 {
            expected[((n + 1) % 4) as usize] += 1;
        }
    }
    assert_eq!(
        r.options.iter().map(|o| o.votes).collect::<Vec<_>>(),
        expected
    );
    assert_eq!((r.voters, r.choices), (Some(500), 750));
}
