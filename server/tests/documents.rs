//! Issued documents: search that ignores diacritics, filters, details, files.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::*;
use ntm_server::db::documents::{insert, link, NewDocument, NewFile};
use ntm_server::{app, Options};
use ntm_types::datetime::timestamp_vn;
use ntm_types::{Document, DocumentFacets, DocumentPage};

fn doc(
    number: &str,
    kind: &str,
    summary: &str,
    issued: &str,
    expires: Option<&str>,
    areas: &[&str],
) -> NewDocument {
    NewDocument {
        number: number.into(),
        kind: kind.into(),
        summary: summary.into(),
        issuing_body: if kind == "Quyết định" {
            "UBND tỉnh Hà Tĩnh"
        } else {
            "Văn phòng Điều phối NTM tỉnh"
        }
        .into(),
        signer: "Nguyễn Văn A".into(),
        areas: areas.iter().map(|a| a.to_string()).collect(),
        issued: issued.into(),
        effective: Some(issued.into()),
        expires: expires.map(str::to_owned),
        body: vec!["Đoạn một.".into(), "Đoạn hai.".into()],
        files: vec![],
    }
}

/// Five documents; "today" is 01/06/2024.
fn docs_app() -> axum::Router {
    let db = small_db(0);
    db.with(|c| {
        let mut d = doc(
            "6748/UBND-NL5",
            "Công văn",
            "Tập trung đẩy nhanh tiến độ xây dựng nông thôn mới năm 2024",
            "2024-05-20",
            None,
            &["Nông thôn mới"],
        );
        d.files = vec![NewFile {
            name: "6748-ubnd-nl5.pdf".into(),
            title: "Toàn văn".into(),
            media_type: "application/pdf".into(),
            data: ntm_server::pdf::render(&["Cong van".into()]),
        }];
        insert(c, &d).unwrap();
        insert(
            c,
            &doc(
                "15/2024/QĐ-UBND",
                "Quyết định",
                "Sửa đổi tiêu chí nông thôn mới nâng cao",
                "2024-03-02",
                None,
                &["Nông thôn mới", "Giao thông"],
            ),
        )
        .unwrap();
        insert(
            c,
            &doc(
                "88/KH-VPĐP",
                "Kế hoạch",
                "Kế hoạch phát triển sản phẩm OCOP",
                "2023-07-11",
                Some("2023-12-31"),
                &["OCOP"],
            ),
        )
        .unwrap();
        insert(
            c,
            &doc(
                "12/TB-BCĐ",
                "Thông báo",
                "Thông báo kết luận hội nghị về nước sạch",
                "2022-01-05",
                Some("2025-01-01"),
                &["Nước sạch"],
            ),
        )
        .unwrap();
        insert(
            c,
            &doc(
                "3/HD-SNN",
                "Hướng dẫn",
                "Hướng dẫn 100% vốn_đối ứng",
                "2021-09-09",
                None,
                &["Tài chính - Ngân sách"],
            ),
        )
        .unwrap();
        link(c, "6748/UBND-NL5", "15/2024/QĐ-UBND").unwrap();
    });
    let today = timestamp_vn(2024, 6, 1, 10, 0);
    app(
        db,
        Options {
            clock: Some(Arc::new(move || today)),
            ..Default::default()
        },
    )
}

async fn numbers(app: &axum::Router, query: &str) -> Vec<String> {
    let res = get(app, &format!("/api/documents?{query}")).await;
    assert_eq!(res.status, StatusCode::OK, "{query}: {}", res.text());
    let page: DocumentPage = serde_json::from_slice(&res.body).unwrap();
    page.items.into_iter().map(|d| d.number).collect()
}

#[tokio::test]
async fn search_ignores_diacritics_and_case() {
    let app = docs_app();
    assert_eq!(
        numbers(&app, "q=nong%20thon%20moi").await,
        ["6748/UBND-NL5", "15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(&app, "q=N%C3%94NG%20TH%C3%94N").await,
        ["6748/UBND-NL5", "15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(&app, "q=nong+thon+nang+cao").await,
        ["15/2024/QĐ-UBND"]
    );
    assert_eq!(numbers(&app, "q=6748").await, ["6748/UBND-NL5"]);
    assert_eq!(numbers(&app, "q=qd-ubnd").await, ["15/2024/QĐ-UBND"]);
    assert_eq!(numbers(&app, "q=ocop").await, ["88/KH-VPĐP"]);
    // LIKE's wildcards are plain characters to the reader.
    assert_eq!(numbers(&app, "q=100%25").await, ["3/HD-SNN"]);
    assert_eq!(numbers(&app, "q=v%E1%BB%91n_%C4%91").await, ["3/HD-SNN"]);
    assert!(numbers(&app, "q=_").await.len() == 1);
    assert!(numbers(&app, "q=khong+co+gi").await.is_empty());
}

#[tokio::test]
async fn filters_narrow_together() {
    let app = docs_app();
    assert_eq!(numbers(&app, "").await.len(), 5);
    assert_eq!(
        numbers(&app, "kind=Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh").await,
        ["15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(
            &app,
            "issuing_body=UBND%20t%E1%BB%89nh%20H%C3%A0%20T%C4%A9nh"
        )
        .await,
        ["15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(&app, "area=Giao%20th%C3%B4ng").await,
        ["15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(&app, "year=2024").await,
        ["6748/UBND-NL5", "15/2024/QĐ-UBND"]
    );
    assert_eq!(
        numbers(&app, "from=2022-01-05&to=2023-12-31").await,
        ["88/KH-VPĐP", "12/TB-BCĐ"]
    );
    assert_eq!(numbers(&app, "status=expired").await, ["88/KH-VPĐP"]);
    assert_eq!(
        numbers(&app, "status=in_force&year=2022").await,
        ["12/TB-BCĐ"]
    );
    assert_eq!(
        numbers(&app, "q=nong+thon&year=2024&kind=C%C3%B4ng%20v%C4%83n").await,
        ["6748/UBND-NL5"]
    );
    // Empty fields, as a search form sends them, are no filter.
    assert_eq!(numbers(&app, "q=&kind=&year=&status=").await.len(), 5);
    let page: DocumentPage =
        serde_json::from_slice(&get(&app, "/api/documents?per_page=2&page=3").await.body).unwrap();
    assert_eq!(
        (page.total_items, page.total_pages, page.items.len()),
        (5, 3, 1)
    );
}

#[tokio::test]
async fn bad_parameters_are_json_errors() {
    let app = docs_app();
    let long = "a".repeat(201);
    for q in [
        "year=abc",
        "year=20244",
        "from=2024-13-01",
        "to=01/06/2024",
        "status=maybe",
        "page=0",
        "per_page=99",
        "loai=x",
        &format!("q={long}"),
    ] {
        let res = get(&app, &format!("/api/documents?{q}")).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{q}");
        assert_eq!(res.json()["code"], "bad_request", "{q}");
    }
}

#[tokio::test]
async fn details_with_files_and_related() {
    let app = docs_app();
    let res = get(&app, "/api/documents/6748-ubnd-nl5").await;
    assert_eq!(res.status, StatusCode::OK);
    let d: Document = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(
        (d.number.as_str(), d.kind.as_str(), d.in_force),
        ("6748/UBND-NL5", "Công văn", true)
    );
    assert_eq!(d.body, ["Đoạn một.", "Đoạn hai."]);
    assert_eq!(
        d.related
            .iter()
            .map(|r| r.number.as_str())
            .collect::<Vec<_>>(),
        ["15/2024/QĐ-UBND"]
    );
    assert_eq!(d.attachments.len(), 1);
    let a = &d.attachments[0];
    assert_eq!(
        (a.media_type.as_str(), a.downloads),
        ("application/pdf", Some(0))
    );
    assert_eq!(
        a.download_path,
        "/documents/6748-ubnd-nl5/files/6748-ubnd-nl5.pdf"
    );

    let file = get(&app, &format!("/api{}", a.download_path)).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.header("content-type"), "application/pdf");
    assert_eq!(
        file.header("content-disposition"),
        "attachment; filename=\"6748-ubnd-nl5.pdf\"; filename*=UTF-8''6748-ubnd-nl5.pdf"
    );
    assert!(file.body.starts_with(b"%PDF-"));
    assert_eq!(file.body.len() as u64, a.size);
    let again: Document =
        serde_json::from_slice(&get(&app, "/api/documents/6748-ubnd-nl5").await.body).unwrap();
    assert_eq!(again.attachments[0].downloads, Some(1));
    assert_eq!(again.views, d.views + 1);

    let expired: Document =
        serde_json::from_slice(&get(&app, "/api/documents/88-kh-vpdp").await.body).unwrap();
    assert!(!expired.in_force);
    for uri in [
        "/api/documents/khong-co",
        "/api/documents/6748-ubnd-nl5/files/khac.pdf",
        "/api/documents/khong-co/files/6748-ubnd-nl5.pdf",
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(res.json()["code"], "not_found");
    }
}

#[tokio::test]
async fn facets_list_what_can_be_filtered() {
    let app = docs_app();
    let f: DocumentFacets =
        serde_json::from_slice(&get(&app, "/api/documents/facets").await.body).unwrap();
    assert_eq!(f.years, [2024, 2023, 2022, 2021]);
    assert!(f.kinds.contains(&"Công văn".to_owned()) && f.kinds.len() == 5);
    assert_eq!(f.issuing_bodies.len(), 2);
    assert!(f.areas.contains(&"OCOP".to_owned()));
}

#[tokio::test]
async fn the_seed_holds_the_five_documents_of_the_sidebar() {
    let (db, _dir) = seeded_db();
    let app = api(db);
    let page: DocumentPage =
        serde_json::from_slice(&get(&app, "/api/documents?per_page=5").await.body).unwrap();
    let numbers: Vec<&str> = page.items.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "6748/UBND-NL5",
            "4414/UBND-NL5",
            "4305/UBND-NL5",
            "15/2024/QĐ-UBND",
            "3608/UBND-NL5"
        ]
    );
    assert!(page.total_items >= 40);
    assert_eq!(
        page.items[0].summary,
        "Tập trung đẩy nhanh tiến độ, phấn đấu hoàn thành mục tiêu xây dựng nông thôn mới năm 2024"
    );
    // Every attachment of the seed downloads as a PDF.
    let all: DocumentPage =
        serde_json::from_slice(&get(&app, "/api/documents?per_page=50").await.body).unwrap();
    let mut files = 0;
    for d in all.items {
        let doc: Document =
            serde_json::from_slice(&get(&app, &format!("/api/documents/{}", d.slug)).await.body)
                .unwrap();
        for a in doc.attachments {
            let f = get(&app, &format!("/api{}", a.download_path)).await;
            assert!(f.body.starts_with(b"%PDF"), "{}", a.file_name);
            files += 1;
        }
    }
    assert!(files >= 20, "{files} files");
}
