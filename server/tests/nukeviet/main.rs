//! The NukeViet mode against a real MariaDB: `scripts/mariadb.sh` starts a
//! throwaway one and `scripts/test.sh` names it in `NTM_TEST_MARIADB` (a URL
//! without a database). Each test loads its own database from the fixture
//! (tests/nukeviet/: NukeViet 4.5's tables, our own content stored as
//! NukeViet stores it) and drops it after. Without `NTM_TEST_MARIADB` these
//! tests say so and pass, unless `NTM_REQUIRE_MARIADB` is set, as the test
//! script sets it.

#[path = "../common/mod.rs"]
mod common;
mod documents;
mod members;
mod polls;
mod statistics;

use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use axum::Router;
use common::{check, get, get_with, linked_page, post_json, strict_document, visitor};
use mysql::prelude::Queryable;
use ntm_server::nukeviet::{Settings, Site, StartError};
use ntm_server::{app, Db, Options};

const SCHEMA: &str = include_str!("schema.sql");
const CONTENT: &str = include_str!("content.sql");

/// 2025-01-01 00:00 UTC: after every fixture article's time but the one due
/// in 2100, and after the one that expired.
const NOW: i64 = 1_735_689_600;

/// A database of its own, loaded with the fixture; dropped after the test.
struct TestDatabase {
    server: String,
    name: String,
}

impl TestDatabase {
    /// `None` (with a line saying why) when no MariaDB is given.
    fn new() -> Option<TestDatabase> {
        let Ok(server) = std::env::var("NTM_TEST_MARIADB") else {
            assert!(
                std::env::var_os("NTM_REQUIRE_MARIADB").is_none(),
                "NTM_REQUIRE_MARIADB is set but NTM_TEST_MARIADB is not"
            );
            eprintln!("NTM_TEST_MARIADB is not set: skipped (scripts/test.sh starts a MariaDB)");
            return None;
        };
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "ntm_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let db = TestDatabase { server, name };
        db.load();
        Some(db)
    }

    fn url(&self) -> String {
        self.server.replacen("/?", &format!("/{}?", self.name), 1)
    }

    fn settings(&self) -> Settings {
        Settings {
            url: self.url(),
            prefix: "nv4".to_owned(),
            lang: "vi".to_owned(),
            overlay: None,
            root: None,
        }
    }

    fn conn(&self) -> mysql::Conn {
        mysql::Conn::new(mysql::Opts::from_url(&self.url()).unwrap()).unwrap()
    }

    fn open(&self) -> Site {
        Site::open(&self.settings()).unwrap()
    }

    /// The backend over this site (`settings`) at `now`, with a side store
    /// of its own; with a built front end in `dist` when given.
    fn build(&self, settings: Settings, now: i64, dist: Option<&std::path::Path>) -> Router {
        self.build_with_clock(settings, Arc::new(move || now), dist)
    }

    fn build_with_clock(
        &self,
        settings: Settings,
        clock: ntm_server::Clock,
        dist: Option<&std::path::Path>,
    ) -> Router {
        app(
            Db::open_empty_in_memory().unwrap(),
            Options {
                dist: dist.map(std::path::Path::to_path_buf),
                nukeviet: Some(Site::open(&settings).unwrap()),
                clock: Some(clock),
                ..Default::default()
            },
        )
    }

    /// The backend over this site, at [`NOW`].
    fn app(&self) -> Router {
        self.build(self.settings(), NOW, None)
    }

    /// The backend over this site, at [`NOW`], its files in `root`.
    fn app_with_root(&self, root: &std::path::Path) -> Router {
        let settings = Settings {
            root: Some(root.to_path_buf()),
            ..self.settings()
        };
        self.build(settings, NOW, None)
    }

    /// [`TestDatabase::app`] with a built front end (a bare index.html, in a
    /// folder kept while the answer is).
    fn app_with_front_end(&self) -> (Router, tempfile::TempDir) {
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(
            dist.path().join("index.html"),
            "<!doctype html><html><head><title>x</title></head><body></body></html>",
        )
        .unwrap();
        (self.build(self.settings(), NOW, Some(dist.path())), dist)
    }

    /// The backend over this site at `now`.
    fn app_at(&self, now: i64) -> Router {
        self.build(self.settings(), now, None)
    }

    /// The backend over this site, its time read from `clock`.
    fn app_with_clock(&self, clock: Arc<AtomicI64>) -> Router {
        let read = Arc::new(move || clock.load(Ordering::SeqCst));
        self.build_with_clock(self.settings(), read, None)
    }

    /// Empties the database as if it had gone away (the server is shared
    /// with other tests); [`TestDatabase::load`] brings it back.
    fn go_away(&self) {
        self.conn()
            .query_drop(format!("DROP DATABASE {}", self.name))
            .unwrap();
    }

    fn load(&self) {
        let mut conn = mysql::Conn::new(mysql::Opts::from_url(&self.server).unwrap()).unwrap();
        conn.query_drop(format!(
            "CREATE DATABASE {0} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; USE {0}; {SCHEMA} {CONTENT}",
            self.name
        ))
        .unwrap();
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(opts) = mysql::Opts::from_url(&self.server) {
            if let Ok(mut conn) = mysql::Conn::new(opts) {
                let _ = conn.query_drop(format!("DROP DATABASE IF EXISTS {}", self.name));
            }
        }
    }
}

fn titles<T>(items: &[T], title: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(title).collect()
}

#[test]
fn lists_what_readers_see_newest_first_decoded() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let site = db.open();
    let (items, total, _) = site.article_page(None, 10, 0, NOW).unwrap().unwrap();
    // Not the draft, the one due in 2100, nor the one that expired.
    assert_eq!(total, 4);
    assert_eq!(
        titles(&items, |a| a.title.as_str()),
        [
            "Quyết định 15/2024/QĐ-UBND về bộ tiêu chí xã nông thôn mới",
            "Cựu chiến binh làm giàu từ rừng keo",
            "Sản phẩm OCOP \"Kẹo cu đơ\" đạt 4 sao",
            "Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới",
        ]
    );
    let ocop = &items[2];
    assert_eq!(ocop.slug, "san-pham-ocop-keo-cu-do-dat-4-sao-2");
    assert_eq!(ocop.category.slug, "chuong-trinh-ocop");
    assert_eq!(
        ocop.lead,
        "Kẹo cu đơ của HTX Tiến Thành được công nhận 4 sao."
    );
    assert_eq!(
        ocop.image.as_ref().map(|i| i.src.as_str()),
        Some("https://cdn.example.vn/ocop/keo-cu-do.jpg")
    );
    let first = &items[3];
    assert_eq!(
        first.lead,
        "Sáu tháng đầu năm, toàn tỉnh có thêm 12 xã đạt chuẩn (vượt kế hoạch)!"
    );
    // A list shows the thumbnail NukeViet made; an upload without one as it is.
    assert_eq!(
        first.image.as_ref().map(|i| i.src.as_str()),
        Some("/assets/tin-tuc/2024_07/so-ket.jpg")
    );
    assert_eq!(
        items[0].image.as_ref().map(|i| i.src.as_str()),
        Some("/uploads/tin-tuc/2024_07/quyet-dinh.png")
    );
    assert_eq!(items[1].image, None);
    // Pages.
    let (page2, total, _) = site.article_page(None, 3, 3, NOW).unwrap().unwrap();
    assert_eq!((page2.len(), total), (1, 4));
    assert_eq!(page2[0].slug, first.slug);
}

#[test]
fn a_category_lists_every_article_listed_in_it() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let site = db.open();
    let names: Vec<String> = site
        .categories()
        .unwrap()
        .into_iter()
        .map(|(_, c)| c.name)
        .collect();
    // In the site's order; the category that is off is not there.
    assert_eq!(
        names,
        ["Tin tức - Sự kiện", "Gương điển hình", "Chương trình OCOP"]
    );
    let page = |slug: &str| site.article_page(Some(slug), 10, 0, NOW).unwrap();
    let (items, total, news) = page("tin-tuc-su-kien").unwrap();
    assert_eq!(
        news.unwrap().description,
        "Hoạt động xây dựng nông thôn mới trong tỉnh"
    );
    // The OCOP article is listed here too, under its own category.
    assert_eq!(total, 3);
    assert_eq!(
        titles(&items, |a| a.category.slug.as_str()),
        ["tin-tuc-su-kien", "chuong-trinh-ocop", "tin-tuc-su-kien"]
    );
    let (_, _, models) = page("guong-dien-hinh").unwrap();
    assert_eq!(
        models.unwrap().description,
        "Những tấm gương \"dám nghĩ, dám làm\""
    );
    assert_eq!(page("luu-tru"), None);
    assert_eq!(page("khong-co"), None);
}

#[test]
fn an_article_with_its_body_tags_counts_and_neighbours() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let site = db.open();
    let slug = "ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1";
    let a = site.article(slug, NOW, false).unwrap().unwrap();
    assert_eq!(a.title, "Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới");
    assert_eq!(a.author, "Phóng viên/Báo Hà Tĩnh");
    assert_eq!(a.source, "Báo Hà Tĩnh");
    assert_eq!(a.tags, ["nông thôn mới"]);
    assert_eq!(a.views, 16_777_215);
    assert_eq!(
        (a.rating.enabled, a.rating.total, a.rating.count),
        (true, 45, 10)
    );
    assert!(a.body_html.contains("<table>"), "{}", a.body_html);
    assert!(a.body_html.contains("Ghi chú &#91;1&#93;") || a.body_html.contains("Ghi chú [1]"));
    assert_eq!(
        a.image.as_ref().map(|i| (i.src.as_str(), i.alt.as_str())),
        Some(("/uploads/tin-tuc/2024_07/so-ket.jpg", "Hội nghị sơ kết"))
    );
    // Neighbours in the category's own list, the OCOP article among them;
    // never the draft, the one not yet due, nor the expired one.
    assert_eq!(
        titles(&a.newer, |l| l.slug.as_str()),
        [
            "san-pham-ocop-keo-cu-do-dat-4-sao-2",
            "quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi-7"
        ]
    );
    assert!(a.older.is_empty());

    let ocop = site
        .article("san-pham-ocop-keo-cu-do-dat-4-sao-2", NOW, false)
        .unwrap()
        .unwrap();
    assert_eq!(ocop.source, "baohatinh.example.vn");
    assert!(!ocop.rating.enabled);
    assert_eq!(ocop.tags, ["OCOP", "nông thôn mới"]);

    for hidden in [
        "ban-nhap-chua-dang-4",
        "bai-hen-gio-dang-nam-2100-5",
        "thong-bao-da-het-han-6",
        // The right id under another alias, and no id at all.
        "khac-1",
        "ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi",
        "1",
    ] {
        assert_eq!(site.article(hidden, NOW, false).unwrap(), None, "{hidden}");
    }
    // Due articles appear when their time comes.
    assert!(site
        .article("bai-hen-gio-dang-nam-2100-5", 4_102_444_800, false)
        .unwrap()
        .is_some());
}

#[test]
fn refuses_to_start_on_what_it_cannot_read_with_one_clear_line() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let start = |settings: &Settings| Site::open(settings).err();
    let mut wrong = db.settings();
    wrong.url = wrong.url.replacen("ntm-test@", "wrong-password@", 1);
    assert!(
        matches!(start(&wrong), Some(StartError::Connect(_))),
        "{:?}",
        start(&wrong)
    );
    let mut wrong = db.settings();
    wrong.url = "postgres://x".to_owned();
    assert!(matches!(start(&wrong), Some(StartError::Url(_))));
    let mut wrong = db.settings();
    wrong.prefix = "nv4`; DROP".to_owned();
    assert_eq!(
        start(&wrong),
        Some(StartError::Name("the prefix".to_owned()))
    );
    let mut wrong = db.settings();
    wrong.prefix = "nv3".to_owned();
    assert_eq!(
        start(&wrong),
        Some(StartError::MissingTable("nv3_config".to_owned()))
    );

    let settings = db.settings();
    let mut conn = db.conn();
    // The English side's page module is read too, when it is on.
    conn.query_drop("ALTER TABLE nv4_en_gioi_thieu DROP COLUMN bodytext")
        .unwrap();
    assert_eq!(
        start(&settings).unwrap().to_string(),
        "the NukeViet table nv4_en_gioi_thieu has no column bodytext"
    );
    conn.query_drop("UPDATE nv4_en_modules SET act = 0 WHERE module_file = 'page'")
        .unwrap();
    assert!(start(&settings).is_none());
    conn.query_drop("DROP TABLE nv4_vi_tin_tuc_detail").unwrap();
    assert_eq!(
        start(&settings),
        Some(StartError::MissingTable("nv4_vi_tin_tuc_detail".to_owned()))
    );
    // (`_rows` is checked before `_detail`.)
    conn.query_drop("ALTER TABLE nv4_vi_tin_tuc_rows DROP COLUMN hitstotal")
        .unwrap();
    let error = start(&settings).unwrap();
    assert_eq!(
        error.to_string(),
        "the NukeViet table nv4_vi_tin_tuc_rows has no column hitstotal"
    );
    conn.query_drop("UPDATE nv4_vi_modules SET act = 0 WHERE module_file = 'news'")
        .unwrap();
    assert_eq!(start(&settings), Some(StartError::NoModule("news")));
    conn.query_drop("UPDATE nv4_config SET config_value = '3.4.00' WHERE config_name = 'version'")
        .unwrap();
    let error = start(&settings).unwrap();
    assert_eq!(
        error.to_string(),
        "NukeViet 3.4.00 is not supported: this mode reads NukeViet 4 sites"
    );
}

#[tokio::test]
async fn serves_the_news_endpoints_by_the_contract() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let slug = "ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1";
    for (uri, path, status) in [
        ("/api/site", "/site", StatusCode::OK),
        ("/api/categories", "/categories", StatusCode::OK),
        ("/api/articles", "/articles", StatusCode::OK),
        (
            "/api/articles?category=chuong-trinh-ocop&per_page=1",
            "/articles",
            StatusCode::OK,
        ),
        ("/api/articles?page=9", "/articles", StatusCode::OK),
        (
            "/api/articles?category=luu-tru",
            "/articles",
            StatusCode::NOT_FOUND,
        ),
        (
            &format!("/api/articles/{slug}"),
            "/articles/{slug}",
            StatusCode::OK,
        ),
        (
            "/api/articles/ban-nhap-chua-dang-4",
            "/articles/{slug}",
            StatusCode::NOT_FOUND,
        ),
        (
            "/api/search?q=n%C3%B4ng+th%C3%B4n",
            "/search",
            StatusCode::OK,
        ),
        ("/api/search?q=", "/search", StatusCode::BAD_REQUEST),
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, status, "{uri}: {}", res.text());
        check(&doc, "get", path, status, &res.json());
    }
    let page = get(&app, "/api/articles?category=tin-tuc-su-kien&per_page=2")
        .await
        .json();
    assert_eq!(
        (page["total_items"].as_u64(), page["total_pages"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(page["category"]["name"], "Tin tức - Sự kiện");
    let site = get(&app, "/api/site").await.json();
    // From NukeViet's config and menu tables.
    assert_eq!(site["name"], "Nông thôn mới Hà Tĩnh");
    assert_eq!(site["menu"][1]["href"], "/chuyen-muc/tin-tuc-su-kien");
    let article = get(&app, &format!("/api/articles/{slug}")).await.json();
    assert_eq!(
        article["title"],
        "Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới"
    );
}

#[tokio::test]
async fn a_database_that_goes_away_gets_a_503_and_comes_back() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    assert_eq!(get(&app, "/api/articles").await.status, StatusCode::OK);
    db.go_away();
    for (uri, path) in [
        ("/api/articles", "/articles"),
        ("/api/categories", "/categories"),
        (
            "/api/articles/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1",
            "/articles/{slug}",
        ),
        // What a load balancer asks.
        ("/api/health", "/health"),
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE, "{uri}");
        check(
            &doc,
            "get",
            path,
            StatusCode::SERVICE_UNAVAILABLE,
            &res.json(),
        );
        assert_eq!(res.json()["code"], "unavailable");
        assert_eq!(
            res.json()["message"],
            "Tạm thời không đọc được dữ liệu, vui lòng thử lại sau ít phút."
        );
    }
    db.load();
    let res = get(&app, "/api/articles").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["total_items"], 4);
    assert_eq!(get(&app, "/api/health").await.status, StatusCode::OK);
}

#[tokio::test]
async fn first_views_show_the_sites_news() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let (app, _dist) = db.app_with_front_end();
    let home = get(&app, "/").await.text();
    assert!(
        home.contains(
            r#"<a href="/tin-tuc/quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi-7">"#
        ),
        "{home}"
    );
    assert!(
        home.contains(r#"Sản phẩm OCOP "Kẹo cu đơ" đạt 4 sao"#),
        "{home}"
    );
    let page = get(
        &app,
        "/tin-tuc/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1",
    )
    .await
    .text();
    assert!(
        page.contains("<title>Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới"),
        "{page}"
    );
    assert!(page.contains("Phóng viên/Báo Hà Tĩnh"), "{page}");
    let category = get(&app, "/chuyen-muc/chuong-trinh-ocop").await.text();
    assert!(category.contains("<title>Chương trình OCOP"), "{category}");
    let search = get(&app, "/tim-kiem?q=15%2F2024").await.text();
    assert!(
        search.contains(
            r#"href="/tin-tuc/quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi-7""#
        ),
        "{search}"
    );
    assert!(
        category.contains(r#"href="/tin-tuc/san-pham-ocop-keo-cu-do-dat-4-sao-2""#),
        "{category}"
    );
}

#[test]
fn search_matches_what_readers_type() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let site = db.open();
    let found = |text: &str| -> Vec<String> {
        let (items, total) = site.search(text, 10, 0, NOW).unwrap();
        assert_eq!(total as usize, items.len(), "{text}");
        items.into_iter().map(|a| a.slug).collect()
    };
    let so_ket = "ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1";
    let ocop = "san-pham-ocop-keo-cu-do-dat-4-sao-2";
    let decision = "quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi-7";
    // Without diacritics, in any case, đ as d.
    assert_eq!(found("ha tinh"), [so_ket]);
    assert_eq!(found("HTX TIEN THANH duoc cong nhan"), [ocop]);
    // Any part of a word: "keo" is in two titles.
    assert_eq!(
        found("keo"),
        ["cuu-chien-binh-lam-giau-tu-rung-keo-3", ocop]
    );
    // What NukeViet stored encoded: a slash, a colon, quotes, brackets.
    assert_eq!(found("15/2024/QĐ-UBND"), [decision]);
    assert_eq!(found("Hà Tĩnh: sơ kết"), [so_ket]);
    assert_eq!(found(r#""Kẹo cu đơ""#), [ocop]);
    assert_eq!(found("(vượt kế hoạch)!"), [so_ket]);
    assert_eq!(found("[1]"), [so_ket]);
    // In the body, every word somewhere, newest first.
    assert_eq!(found("truyền thống"), [ocop]);
    assert_eq!(found("nông thôn"), [decision, so_ket]);
    // Never what readers do not see; LIKE's own characters are plain.
    assert!(found("nháp").is_empty());
    assert!(found("hẹn giờ").is_empty());
    assert!(found("%").is_empty());
    assert!(found("_").is_empty());
}

#[test]
fn the_frame_comes_from_the_site_and_the_overlay() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let info = db.open().site_info().unwrap();
    assert_eq!(info.name, "Nông thôn mới Hà Tĩnh");
    assert_eq!(
        info.description,
        "Tin tức, chính sách và gương điển hình xây dựng nông thôn mới"
    );
    assert_eq!(info.email, "vanphong@nongthonmoi.example.vn");
    assert_eq!(info.phone, "0239 3 892 689");
    // NukeViet has no office: without an overlay it stays empty.
    assert_eq!(info.office, "");
    let menu: Vec<(String, String, usize)> = info
        .menu
        .iter()
        .map(|m| (m.label.clone(), m.href.clone(), m.children.len()))
        .collect();
    assert_eq!(
        menu,
        [
            ("Trang chủ".to_owned(), "/".to_owned(), 0),
            (
                "Tin tức".to_owned(),
                "/chuyen-muc/tin-tuc-su-kien".to_owned(),
                1
            ),
            ("Thăm dò ý kiến".to_owned(), "/tham-do-y-kien".to_owned(), 0),
            (
                "Cổng Chính phủ".to_owned(),
                "https://chinhphu.vn".to_owned(),
                0
            ),
            // A module this mode does not show: the link as it is, on this host.
            (
                "Liên hệ".to_owned(),
                "/index.php?language=vi&nv=contact".to_owned(),
                0
            ),
        ]
    );
    let models = &info.menu[1].children[0];
    assert_eq!(
        (models.label.as_str(), models.href.as_str()),
        ("Gương điển hình", "/chuyen-muc/guong-dien-hinh")
    );
    let deep = &models.children[0];
    assert_eq!(deep.label, "Bài nổi bật \"Cựu chiến binh\"");
    assert_eq!(deep.href, "/tin-tuc/cuu-chien-binh-lam-giau-tu-rung-keo-3");

    // The overlay fills what NukeViet lacks and may replace what it has.
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("overlay.json");
    let mut given = ntm_types::SiteInfo {
        name: "Nông thôn mới tỉnh Hà Tĩnh".into(),
        office: "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh".into(),
        deputy_editor: "Phó Chánh Văn phòng".into(),
        songs_title: "Hát về nông thôn mới".into(),
        ..Default::default()
    };
    std::fs::write(&overlay, serde_json::to_string(&given).unwrap()).unwrap();
    let mut settings = db.settings();
    settings.overlay = Some(overlay.clone());
    let info = Site::open(&settings).unwrap().site_info().unwrap();
    assert_eq!(info.name, "Nông thôn mới tỉnh Hà Tĩnh");
    assert_eq!(info.office, given.office);
    assert_eq!(info.deputy_editor, given.deputy_editor);
    assert_eq!(info.phone, "0239 3 892 689");
    assert_eq!(info.menu.len(), 5);
    given.menu = vec![ntm_types::MenuItem {
        label: "Chỉ một mục".into(),
        href: "/".into(),
        children: vec![],
    }];
    std::fs::write(&overlay, serde_json::to_string(&given).unwrap()).unwrap();
    assert_eq!(
        Site::open(&settings).unwrap().site_info().unwrap().menu,
        given.menu
    );
    // An overlay that is not one stops the start.
    std::fs::write(&overlay, "{\"name\": 1}").unwrap();
    let error = Site::open(&settings).err().unwrap().to_string();
    assert!(error.starts_with("--nukeviet-overlay: "), "{error}");
}

#[test]
fn the_server_stops_at_start_with_one_line_when_it_cannot_read_the_site() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let start = |url: &str, prefix: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ntm-server"))
            .args([
                "--listen",
                "127.0.0.1:0",
                "--nukeviet",
                url,
                "--nukeviet-prefix",
                prefix,
            ])
            .arg("--database")
            .arg(data.path().join("ntm.sqlite3"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), stderr)
    };
    let wrong_password = db.url().replacen("ntm-test@", "sai@", 1);
    let (code, stderr) = start(&wrong_password, "nv4");
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("cannot connect to the NukeViet database: "),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    let (code, stderr) = start(&db.url(), "nv5");
    assert_eq!(code, Some(1));
    assert_eq!(stderr, "the NukeViet database has no table nv5_config\n");
}

#[tokio::test]
async fn a_readers_visit_counts_a_view_where_nukeviet_counts_it() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let hits = |table: &str, id: u32| -> u32 {
        db.conn()
            .exec_first(format!("SELECT hitstotal FROM {table} WHERE id = ?"), (id,))
            .unwrap()
            .unwrap()
    };
    // Listed in two categories: its row and both copies count, as NukeViet's
    // admin panel reads them.
    let ocop = "/api/articles/san-pham-ocop-keo-cu-do-dat-4-sao-2";
    assert_eq!(get(&app, ocop).await.json()["views"], 321);
    assert_eq!(get(&app, ocop).await.json()["views"], 322);
    for table in [
        "nv4_vi_tin_tuc_rows",
        "nv4_vi_tin_tuc_2",
        "nv4_vi_tin_tuc_1",
    ] {
        assert_eq!(hits(table, 2), 322, "{table}");
    }
    // Concurrent visits are all counted.
    let mut visits = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let app = app.clone();
        visits.spawn(async move { get(&app, ocop).await.status });
    }
    for status in visits.join_all().await {
        assert_eq!(status, StatusCode::OK);
    }
    assert_eq!(hits("nv4_vi_tin_tuc_rows", 2), 342);
    assert_eq!(hits("nv4_vi_tin_tuc_1", 2), 342);
    // A first view does not count; a counter at its column's limit stays there.
    let (site, _dist) = db.app_with_front_end();
    get(&site, "/tin-tuc/san-pham-ocop-keo-cu-do-dat-4-sao-2").await;
    assert_eq!(hits("nv4_vi_tin_tuc_rows", 2), 342);
    let full = get(
        &app,
        "/api/articles/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1",
    )
    .await;
    assert_eq!(full.status, StatusCode::OK, "{}", full.text());
    assert_eq!(full.json()["views"], 16_777_215);
}

#[tokio::test]
async fn ratings_count_where_nukeviet_counts_them_once_per_visitor() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    let doc = strict_document();
    let uri = "/api/articles/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1/rating";
    let totals = |table: &str| -> (i64, i64) {
        db.conn()
            .exec_first(
                format!("SELECT total_rating, click_rating FROM {table} WHERE id = 1"),
                (),
            )
            .unwrap()
            .unwrap()
    };
    let me = visitor(1);
    let before = get_with(&app, uri, &[("cookie", &me)]).await;
    check(
        &doc,
        "get",
        "/articles/{slug}/rating",
        StatusCode::OK,
        &before.json(),
    );
    assert_eq!(before.json()["mine"], serde_json::Value::Null);
    let rated = post_json(&app, uri, &[("cookie", &me)], r#"{"points":4}"#).await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.text());
    check(
        &doc,
        "post",
        "/articles/{slug}/rating",
        StatusCode::OK,
        &rated.json(),
    );
    assert_eq!(
        (
            &rated.json()["total"],
            &rated.json()["count"],
            &rated.json()["mine"]
        ),
        (
            &serde_json::json!(49),
            &serde_json::json!(11),
            &serde_json::json!(4)
        )
    );
    // In the row and the copy, as NukeViet's admin panel reads them.
    assert_eq!(totals("nv4_vi_tin_tuc_rows"), (49, 11));
    assert_eq!(totals("nv4_vi_tin_tuc_1"), (49, 11));
    assert_eq!(
        get_with(&app, uri, &[("cookie", &me)]).await.json()["mine"],
        4
    );
    // Once per visitor, even when asked twice at once.
    let again = post_json(&app, uri, &[("cookie", &me)], r#"{"points":5}"#).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let mut both = tokio::task::JoinSet::new();
    for _ in 0..2 {
        let app = app.clone();
        both.spawn(async move {
            post_json(&app, uri, &[("cookie", &visitor(2))], r#"{"points":5}"#)
                .await
                .status
        });
    }
    let mut statuses = both.join_all().await;
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    assert_eq!(totals("nv4_vi_tin_tuc_rows"), (54, 12));
    assert_eq!(totals("nv4_vi_tin_tuc_1"), (54, 12));
    // Switched off for this article; an article readers cannot see.
    let off = "/api/articles/san-pham-ocop-keo-cu-do-dat-4-sao-2/rating";
    assert_eq!(
        post_json(&app, off, &[("cookie", &me)], r#"{"points":3}"#)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let draft = "/api/articles/ban-nhap-chua-dang-4/rating";
    assert_eq!(
        post_json(&app, draft, &[("cookie", &me)], r#"{"points":3}"#)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&app, draft).await.status, StatusCode::NOT_FOUND);
    // A database that goes away: nothing recorded, so the visitor may rate
    // once it is back.
    db.go_away();
    let down = post_json(&app, uri, &[("cookie", &visitor(3))], r#"{"points":2}"#).await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    db.load();
    let back = post_json(&app, uri, &[("cookie", &visitor(3))], r#"{"points":2}"#).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.text());
    assert_eq!(back.json()["count"], 11);
}

#[tokio::test]
async fn the_old_sites_addresses_answer_301_with_the_new_ones() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let (app, _dist) = db.app_with_front_end();
    for (old, new) in [
        (
            "/tin-tuc/tin-tuc-su-kien/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1.html",
            "/tin-tuc/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1",
        ),
        (
            "/index.php?language=vi&nv=tin-tuc&op=chuong-trinh-ocop",
            "/chuyen-muc/chuong-trinh-ocop",
        ),
        (
            "/vi/tin-tuc/chuong-trinh-ocop/page-2/",
            "/chuyen-muc/chuong-trinh-ocop?trang=2",
        ),
        ("/voting/", "/tham-do-y-kien"),
    ] {
        let res = get(&app, old).await;
        assert_eq!(res.status, StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(res.header("location"), new, "{old}");
    }
    // What is not the old site's stays the front end's.
    assert_eq!(
        get(&app, "/gioi-thieu.html").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/chuyen-muc/chuong-trinh-ocop").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn what_nukeviet_keeps_for_some_groups_is_not_shown() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let app = db.app();
    // A category for members, its article, and a menu entry for members.
    let categories = get(&app, "/api/categories").await.text();
    assert!(!categories.contains("noi-bo"), "{categories}");
    let news = get(&app, "/api/articles?per_page=50").await.text();
    assert!(!news.contains("lich-hop-noi-bo"), "{news}");
    for uri in [
        "/api/articles?category=noi-bo",
        "/api/articles/lich-hop-noi-bo-thang-7-8",
    ] {
        assert_eq!(get(&app, uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
    let found = get(&app, "/api/search?q=n%E1%BB%99i+b%E1%BB%99")
        .await
        .json();
    assert_eq!(found["total_items"], 0, "{found}");
    let site = get(&app, "/api/site").await.text();
    assert!(!site.contains("Mục cho thành viên"), "{site}");
}

#[tokio::test]
async fn pages_for_foreign_readers_come_from_the_english_page_module() {
    let Some(db) = TestDatabase::new() else {
        return;
    };
    let (app, _dist) = db.app_with_front_end();
    // The pages switched on, in their weight's order, titles decoded.
    let links = serde_json::json!([
        {"slug": "projects-partners", "title": "Projects & partners", "lang": "en"},
        {"slug": "about-us", "title": "About us", "lang": "en"},
    ]);
    let page = linked_page(&app, links, "about-us").await;
    assert_eq!(page["lang"], "en");
    assert_eq!(page["description"], "Who we are & what we do in Ha Tinh");
    let body = page["body_html"].as_str().unwrap();
    assert!(
        body.contains("<strong>New Rural Development</strong>"),
        "{body}"
    );
    assert!(!body.contains("alert"), "{body}");
    let doc = strict_document();
    for missing in ["/api/pages/draft-page", "/api/pages/khong-co"] {
        let res = get(&app, missing).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{missing}");
        check(
            &doc,
            "get",
            "/pages/{slug}",
            StatusCode::NOT_FOUND,
            &res.json(),
        );
    }
    // The first view shows it in its language.
    let first = get(&app, "/trang/about-us").await.text();
    assert!(
        first.contains("<title>About us - Nông thôn mới Hà Tĩnh"),
        "{first}"
    );
    assert!(
        first.contains(
            r#"<article lang="en" class="article"><h1 class="article-title">About us</h1>"#
        ),
        "{first}"
    );

    // A site without an English side has no such pages, and starts.
    db.conn().query_drop("DROP TABLE nv4_en_modules").unwrap();
    let app = db.app();
    assert_eq!(
        get(&app, "/api/site").await.json()["pages"],
        serde_json::json!([])
    );
    let res = get(&app, "/api/pages/about-us").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}
