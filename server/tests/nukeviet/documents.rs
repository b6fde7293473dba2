//! Issued documents from the site's laws module (installed as `van-ban`).

use axum::http::StatusCode;
use mysql::prelude::Queryable;
use serde_json::Value;

use super::common::{check, get, strict_document};
use super::TestDatabase;

const FIRST: &str = "ve-viec-trien-khai-bo-tieu-chi-xa-nong-thon-moi-nang-cao-1";
const EXPIRED: &str = "ban-hanh-bo-tieu-chi-xa-nong-thon-moi-2";
const PLAN: &str = "ke-hoach-tuan-le-ocop-2024-4";
/// Its files are for members only.
const NOTICE: &str = "thong-bao-tep-thanh-vien-6";

fn slugs(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["slug"].as_str().unwrap())
        .collect()
}

fn hits(db: &TestDatabase, id: u32) -> (u32, u32) {
    db.conn()
        .exec_first(
            "SELECT view_hits, download_hits FROM nv4_vi_van_ban_row WHERE id = ?",
            (id,),
        )
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn documents_are_searched_filtered_and_decoded_by_the_contract() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let all = get(&app, "/api/documents").await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    check(&doc, "get", "/documents", StatusCode::OK, &all);
    // Newest first; not the hidden one (status 0), nor the one for members.
    assert_eq!(slugs(&all), [PLAN, FIRST, EXPIRED, NOTICE]);
    assert_eq!(all["total_items"], 4);
    let first = &all["items"][1];
    assert_eq!(first["number"], "6748/UBND-NL5");
    assert_eq!(first["kind"], "Công văn");
    assert_eq!(first["issuing_body"], "UBND tỉnh Hà Tĩnh");
    assert_eq!(first["issued"], "2024-07-15");
    assert_eq!(first["in_force"], true);
    assert_eq!(
        all["items"][0]["summary"],
        r#"Kế hoạch tổ chức Tuần lễ sản phẩm OCOP "Hà Tĩnh" năm 2024"#
    );
    assert_eq!(all["items"][2]["in_force"], false);

    for (query, expected) in [
        ("q=6748%2Fubnd", vec![FIRST]),
        ("q=nong+thon+moi+nang+cao", vec![FIRST]),
        ("q=12%2F2020%2Fq%C4%91-ubnd", vec![EXPIRED]),
        ("q=%22H%C3%A0+T%C4%A9nh%22", vec![PLAN]),
        ("q=kh%C3%B4ng+c%C3%B3+%C4%91%C3%A2u", vec![]),
        ("kind=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh", vec![EXPIRED]),
        ("kind=Th%C3%B4ng+t%C6%B0", vec![]),
        (
            "issuing_body=V%C4%83n+ph%C3%B2ng+%C4%90i%E1%BB%81u+ph%E1%BB%91i+n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi+t%E1%BB%89nh",
            vec![PLAN],
        ),
        ("area=Giao+th%C3%B4ng+(%C4%91%C6%B0%E1%BB%9Dng+th%C3%B4n)", vec![FIRST]),
        ("area=N%C3%B4ng+nghi%E1%BB%87p", vec![FIRST, EXPIRED]),
        ("area=Y+t%E1%BA%BF", vec![]),
        ("year=2020", vec![EXPIRED]),
        ("year=2024&from=2024-07-16", vec![PLAN]),
        ("from=2024-07-15&to=2024-07-15", vec![FIRST]),
        ("status=expired", vec![EXPIRED]),
        ("status=in_force", vec![PLAN, FIRST, NOTICE]),
        ("q=b%C3%A1o+c%C3%A1o+n%E1%BB%99i+b%E1%BB%99", vec![]),
        ("per_page=1&page=2", vec![FIRST]),
    ] {
        let res = get(&app, &format!("/api/documents?{query}")).await;
        assert_eq!(res.status, StatusCode::OK, "{query}");
        let page = res.json();
        check(&doc, "get", "/documents", StatusCode::OK, &page);
        assert_eq!(slugs(&page), expected, "{query}");
    }

    let facets = get(&app, "/api/documents/facets").await.json();
    check(&doc, "get", "/documents/facets", StatusCode::OK, &facets);
    // What readers' documents have, in the site's order.
    assert_eq!(
        facets,
        serde_json::json!({
            "kinds": ["Công văn", "Quyết định", "Kế hoạch"],
            "issuing_bodies": ["UBND tỉnh Hà Tĩnh", "Văn phòng Điều phối nông thôn mới tỉnh"],
            "areas": ["Nông nghiệp", "Giao thông (đường thôn)"],
            "years": [2024, 2020, 2019],
        })
    );
}

#[tokio::test]
async fn a_document_with_its_files_counts_views_and_downloads_where_nukeviet_does() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("uploads/van-ban/2024_07");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("cv-6748-ubnd-nl5.pdf"), b"%PDF-1.4 cong van").unwrap();
    let app = db.app_with_root(root.path());
    let doc = strict_document();

    let res = get(&app, &format!("/api/documents/{FIRST}")).await;
    assert_eq!(res.status, StatusCode::OK);
    let document = res.json();
    check(&doc, "get", "/documents/{slug}", StatusCode::OK, &document);
    assert_eq!(document["signer"], "Nguyễn Hồng Lĩnh");
    assert_eq!(
        document["areas"],
        serde_json::json!(["Nông nghiệp", "Giao thông (đường thôn)"])
    );
    assert_eq!(document["effective"], "2024-07-15");
    assert!(document["expires"].is_null());
    assert_eq!(
        document["body"],
        serde_json::json!([
            "Kính gửi: Ủy ban nhân dân các huyện, thành phố, thị xã.",
            "Thực hiện Quyết định số 12/2020/QĐ-UBND [trích], UBND tỉnh yêu cầu:",
            "Rà soát các tiêu chí;",
            "Báo cáo trước ngày 30/8."
        ])
    );
    // The file on disk, the one on another site; not the one missing from
    // uploads/. NukeViet counts downloads per document: none per file.
    assert_eq!(
        document["attachments"],
        serde_json::json!([
            {
                "file_name": "cv-6748-ubnd-nl5.pdf",
                "title": "cv-6748-ubnd-nl5.pdf",
                "size": 17,
                "media_type": "application/pdf",
                "download_path": format!("/documents/{FIRST}/files/cv-6748-ubnd-nl5.pdf"),
            },
            {
                "file_name": "phu-luc.docx",
                "title": "phu-luc.docx",
                "size": 0,
                "media_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "download_path": format!("/documents/{FIRST}/files/phu-luc.docx"),
            },
        ])
    );
    assert_eq!(document["related"][0]["slug"], EXPIRED);
    assert_eq!(document["views"], 42);
    assert_eq!(hits(&db, 1), (42, 7));

    let file = get(
        &app,
        &format!("/api/documents/{FIRST}/files/cv-6748-ubnd-nl5.pdf"),
    )
    .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, b"%PDF-1.4 cong van");
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    let elsewhere = get(&app, &format!("/api/documents/{FIRST}/files/phu-luc.docx")).await;
    assert_eq!(elsewhere.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(
        elsewhere.headers["location"],
        "https://vanban.example.gov.vn/tep/phu-luc.docx"
    );
    assert_eq!(hits(&db, 1), (42, 9));

    for uri in [
        format!("/api/documents/{FIRST}/files/khong-con.doc"),
        format!("/api/documents/{FIRST}/files/..%2F..%2Fsecret"),
        format!("/api/documents/{EXPIRED}/files/cv-6748-ubnd-nl5.pdf"),
        "/api/documents/van-ban-noi-bo-3".to_owned(),
        "/api/documents/bao-cao-noi-bo-5".to_owned(),
        format!("/api/documents/{NOTICE}/files/cv-6748-ubnd-nl5.pdf"),
        "/api/documents/sai-ten-1".to_owned(),
        "/api/documents/khong-co-so".to_owned(),
        "/api/documents/x-99".to_owned(),
    ] {
        let res = get(&app, &uri).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{uri}");
    }
    assert_eq!(hits(&db, 1), (42, 9));

    // Expired; its text only in the lead; its views at NukeViet's limit.
    let expired = get(&app, &format!("/api/documents/{EXPIRED}")).await.json();
    check(&doc, "get", "/documents/{slug}", StatusCode::OK, &expired);
    assert_eq!(expired["in_force"], false);
    assert_eq!(expired["expires"], "2023-12-31");
    assert!(expired["effective"].is_null());
    assert_eq!(expired["signer"], "");
    assert_eq!(
        expired["body"],
        serde_json::json!([
            "Quyết định ban hành bộ tiêu chí.",
            "Hết hiệu lực cuối năm 2023."
        ])
    );
    assert_eq!(expired["views"], 16_777_215);
    assert_eq!(hits(&db, 2), (16_777_215, 0));
    // Shown, its files kept for members not listed.
    let notice = get(&app, &format!("/api/documents/{NOTICE}")).await.json();
    assert_eq!(notice["attachments"], serde_json::json!([]));
}

#[tokio::test]
async fn a_site_without_the_laws_module_has_no_documents() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    db.conn()
        .query_drop("UPDATE nv4_vi_modules SET act = 0 WHERE title = 'van-ban'")
        .unwrap();
    let app = db.app();
    let page = get(&app, "/api/documents").await.json();
    assert_eq!(page["total_items"], 0);
    let facets = get(&app, "/api/documents/facets").await.json();
    assert_eq!(facets["kinds"], serde_json::json!([]));
    let one = get(&app, &format!("/api/documents/{FIRST}")).await;
    assert_eq!(one.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_documents_first_view_and_old_addresses() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let (app, _dist) = db.app_with_front_end();
    let page = get(&app, "/van-ban").await.text();
    assert!(page.contains("6748/UBND-NL5"), "{page}");
    assert!(
        page.contains(&format!(r#"href="/van-ban/{FIRST}""#)),
        "{page}"
    );
    assert!(
        page.contains("Văn phòng Điều phối nông thôn mới tỉnh"),
        "{page}"
    );
    let old = get(&app, &format!("/van-ban/detail/{FIRST}/")).await;
    assert_eq!(old.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        old.headers["location"],
        format!("/van-ban/{FIRST}").as_str()
    );
}
