//! Components and the sanitizer in a real browser (headless Chromium):
//! `scripts/test.sh` runs these with wasm-bindgen-test-runner.

use leptos::prelude::*;
use ntm_types::{Article, ArticleLink, Category, Image, RatingTotals};
use ntm_web::components::article_reader::ArticleReader;
use ntm_web::sanitize::sanitize_to_string;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_article(body_html: &str) -> Article {
    Article {
        slug: "thu".into(),
        title: "Thúc đẩy chương trình OCOP ở Bình Liêu".into(),
        category: Category {
            slug: "hoc-tap-dao-duc-hcm".into(),
            name: "Học tập đạo đức HCM".into(),
            description: String::new(),
        },
        published_at: 1_610_845_260,
        lead: "Tóm tắt <b>không phải HTML</b>".into(),
        image: Some(Image {
            src: "/anh/mien-dong-binh-lieu.jpg".into(),
            alt: "Đóng gói miến dong".into(),
            width: 800,
            height: 450,
        }),
        body_html: body_html.into(),
        author: "Tạ Quân".into(),
        source: "quangninh.gov.vn".into(),
        tags: vec!["OCOP".into(), "miến dong".into()],
        views: 3,
        rating: RatingTotals::default(),
        newer: vec![ArticleLink {
            slug: "moi-hon".into(),
            title: "Bài mới hơn".into(),
            published_at: 1_610_931_660,
        }],
        older: vec![],
    }
}

/// A view mounted for one test, in a container of its own (the `Deref` is
/// that container). Dropping it unmounts the view and disposes of its
/// reactive owner, so its effects, timers (the statistics panel's refresh)
/// and window listeners end with the test; then the container goes.
struct Mounted {
    host: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::HtmlElement;
    fn deref(&self) -> &web_sys::HtmlElement {
        &self.host
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.host.remove();
    }
}

/// Marks the containers tests mount into, so that one a failed test left
/// (a panic aborts, no `Drop` runs) is found by the next.
const HOST_MARK: &str = "data-test-host";

/// Mounts `f` (inside a router, as in the app) into a fresh container.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + Send + 'static) -> Mounted {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute(HOST_MARK, "").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <leptos_router::components::Router>{f()}</leptos_router::components::Router> }
    });
    Mounted {
        host,
        handle: Some(Box::new(handle)),
    }
}

/// Every test starts here: what an earlier test may have left is gone. The
/// DOM it mounted (a failed test's container),
/// the browser's storage (text size, members' activity and sign-in news kept
/// in `localStorage`), the page's title and description (`ntm_web::meta`
/// keeps the last ones set), and what the request layer keeps in memory
/// (shared answers, prefetches, a member's anti-forgery token).
fn clean_slate() {
    let doc = document();
    let left = doc.query_selector_all(&format!("[{HOST_MARK}]")).unwrap();
    for i in 0..left.length() {
        left.item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .remove();
    }
    let window = window();
    for storage in [window.local_storage(), window.session_storage()] {
        storage.unwrap().unwrap().clear().unwrap();
    }
    ntm_web::meta::set_site("", "");
    ntm_web::meta::set_page_meta("", "");
    ntm_web::api::forget_everything();
}

/// Runs what mounting or a change scheduled (leptos's tasks: effects,
/// node-ref callbacks; zero-delay timers such as `Later`'s), until a whole
/// round of both leaves the container as it was: each round waits behind
/// what was queued before it, not for a length of time.
async fn settle(host: &web_sys::HtmlElement) {
    let mut before = host.inner_html();
    for _ in 0..100 {
        leptos::task::tick().await;
        next_task().await;
        let now = host.inner_html();
        if now == before {
            return;
        }
        before = now;
    }
    panic!("the view kept changing: {before}");
}

/// Waits, a frame at a time, until `done` holds (at most 10 s: then fails,
/// saying what it waited for).
async fn until(what: &str, done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < 10_000.0,
            "waited 10 s for {what}"
        );
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Resolves in a task queued behind every zero-delay timer set before it.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn article_view_shows_every_part() {
    use ntm_types::datetime::{format_date, format_datetime, format_iso};
    use ntm_types::page::source_line;
    clean_slate();
    let article = sample_article("<p>Đoạn một.</p><figure><img src=\"/anh/a.jpg\" alt=\"Ảnh\" width=\"800\" height=\"450\"><figcaption>Chú thích ảnh</figcaption></figure>");
    let shown = article.clone();
    let host = mount(move || view! { <ArticleReader article=shown/> });
    settle(&host).await;
    assert_eq!(text_of(&host, "h1"), article.title);
    // Vietnam's time, whatever the browser's zone (17/01/2021 08:01 here).
    assert_eq!(
        text_of(&host, ".article-date"),
        format_datetime(article.published_at)
    );
    assert_eq!(
        host.query_selector(".article-date time")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .unwrap(),
        format_iso(article.published_at)
    );
    // The lead is text: its angle brackets are shown, not parsed.
    assert_eq!(text_of(&host, ".article-lead"), article.lead);
    assert_eq!(
        text_of(&host, ".article-photo figcaption"),
        article.image.as_ref().unwrap().alt
    );
    assert_eq!(
        text_of(&host, ".article-source"),
        source_line(&article.author, &article.source).unwrap()
    );
    assert_eq!(text_of(&host, ".article-body figcaption"), "Chú thích ảnh");
    let body_img = host.query_selector(".article-body img").unwrap().unwrap();
    assert_eq!(body_img.get_attribute("loading").as_deref(), Some("lazy"));
    assert!(text_of(&host, ".breadcrumb").contains(&article.category.name));
    let newer = text_of(&host, ".neighbours");
    let newer_date = format!("({})", format_date(article.newer[0].published_at));
    assert!(
        newer.contains("Những tin mới hơn") && newer.contains(&newer_date),
        "{newer}"
    );
    // No older articles: no empty "Những tin cũ hơn" heading.
    assert!(!host.text_content().unwrap().contains("Những tin cũ hơn"));
    drop(host);
}

/// A speech synthesis of the test's own, with `voices` (languages), that
/// records what it is asked to say in `window.__said`, as "lang|text". Its
/// voices are plain objects, which the browser's utterance would refuse: the
/// component gives such a voice's language only.
fn stub_speech(voices: &str) {
    let install = js_sys::Function::new_no_args(&format!(
        r#"window.__said = [];
        Object.defineProperty(window, 'speechSynthesis', {{ configurable: true, value: {{
          getVoices: () => {voices}.map((lang) => ({{ lang, name: lang }})),
          speak: (u) => window.__said.push(u.lang + '|' + u.text),
          cancel() {{}}, pause() {{}}, resume() {{}}, onvoiceschanged: null,
        }} }});"#
    ));
    install.call0(&JsValue::NULL).unwrap();
}

fn said() -> Vec<String> {
    let said = js_sys::Reflect::get(&window(), &"__said".into()).unwrap();
    js_sys::Array::from(&said)
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect()
}

/// What "Nghe bài viết" reads of an article with `body`.
async fn read_aloud(body: &'static str) -> Vec<String> {
    stub_speech("['vi-VN']");
    let host = mount(move || view! { <ArticleReader article=sample_article(body)/> });
    settle(&host).await;
    let button: web_sys::HtmlElement = host
        .query_selector(".listen button")
        .unwrap()
        .expect("a listen button")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Nghe bài viết");
    button.click();
    let read = said();
    drop(host);
    read
}

#[wasm_bindgen_test]
async fn listen_reads_every_block_once_in_order() {
    clean_slate();
    let article = sample_article("");
    let read = read_aloud(
        "<p>Một</p><ul><li>Hai</li><li><p>Ba</p><ul><li>Bốn</li></ul></li></ul>\
         <table><tr><th>Năm</th><td>Sáu</td></tr></table><blockquote><p>Bảy</p></blockquote>\
         <h2>Tám</h2><p>  </p><figure><img src=\"/anh/a.jpg\" alt=\"\"><figcaption>Chín</figcaption></figure>",
    )
    .await;
    let expected: Vec<String> = [article.title.as_str(), article.lead.as_str()]
        .into_iter()
        .chain([
            "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín",
        ])
        .map(|t| format!("vi-VN|{t}"))
        .collect();
    assert_eq!(read, expected);
}

#[wasm_bindgen_test]
async fn listen_reads_a_body_without_blocks_whole() {
    clean_slate();
    let article = sample_article("");
    let read = read_aloud("Chỉ có chữ, <b>không</b> có đoạn.").await;
    assert_eq!(
        read,
        [
            format!("vi-VN|{}", article.title),
            format!("vi-VN|{}", article.lead),
            "vi-VN|Chỉ có chữ, không có đoạn.".to_owned()
        ]
    );
}

#[wasm_bindgen_test]
async fn listen_with_nothing_to_read_stays_ready() {
    clean_slate();
    stub_speech("['vi-VN']");
    let mut article = sample_article("<p> </p>");
    article.title = String::new();
    article.lead = String::new();
    let host = mount(move || view! { <ArticleReader article/> });
    settle(&host).await;
    let button: web_sys::HtmlElement = host
        .query_selector(".listen button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    assert!(said().is_empty());
    assert_eq!(button.text_content().unwrap(), "Nghe bài viết");
    drop(host);
}

#[wasm_bindgen_test]
async fn listen_is_absent_without_a_vietnamese_voice() {
    clean_slate();
    stub_speech("['en-US', 'vie']");
    let host = mount(|| view! { <ArticleReader article=sample_article("<p>Một</p>")/> });
    settle(&host).await;
    assert!(host.query_selector(".listen button").unwrap().is_none());
    assert!(host.query_selector(".print-button").unwrap().is_some());
    drop(host);
}

#[wasm_bindgen_test]
async fn hostile_body_cannot_run_script() {
    clean_slate();
    let host = mount(|| {
        view! { <ArticleReader article=sample_article("<p>Chữ</p><img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><a href=\"javascript:window.__pwned=3\">link</a><svg onload=\"window.__pwned=4\"></svg>")/> }
    });
    settle(&host).await;
    let body = host.query_selector(".article-body").unwrap().unwrap();
    // (Leptos may leave an empty marker comment of its own in the holder.)
    assert_eq!(
        body.inner_html().replace("<!---->", ""),
        "<p>Chữ</p><img src=\"x\" loading=\"lazy\" decoding=\"async\" alt=\"\"><a rel=\"noopener noreferrer\">link</a>"
    );
    // Had a handler stayed, it would have run once the image failed to load:
    // wait for that (its error event is a task after `complete` is set).
    let img = body.query_selector("img").unwrap().unwrap();
    until("the body's image to load or fail", || {
        js_sys::Reflect::get(&img, &"complete".into())
            .unwrap()
            .as_bool()
            == Some(true)
    })
    .await;
    next_task().await;
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a payload ran: {pwned:?}");
    drop(host);
}

/// (input, expected output) for the browser's own parser plus the allowlist.
const CASES: &[(&str, &str)] = &[
    (
        "<p>Xin chào <strong>bà con</strong></p>",
        "<p>Xin chào <strong>bà con</strong></p>",
    ),
    ("<script>alert(1)</script><p>x</p>", "<p>x</p>"),
    (
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" loading=\"lazy\" decoding=\"async\" alt=\"\">",
    ),
    (
        "<p onclick=alert(1) style=\"color:red\" class=x id=y>t</p>",
        "<p>t</p>",
    ),
    (
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a rel=\"noopener noreferrer\">x</a>",
    ),
    (
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a rel=\"noopener noreferrer\">x</a>",
    ),
    (
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a rel=\"noopener noreferrer\">x</a>",
    ),
    (
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a rel=\"noopener noreferrer\">x</a>",
    ),
    (
        "<a href=\"https://x.vn/\" target=\"_blank\">x</a>",
        "<a href=\"https://x.vn/\" rel=\"noopener noreferrer\">x</a>",
    ),
    ("<svg><script>alert(1)</script></svg>t", "t"),
    (
        "<svg onload=alert(1)><a href=\"javascript:alert(1)\">z</a></svg>",
        "",
    ),
    (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "",
    ),
    (
        "<style>*{background:url(javascript:alert(1))}</style>ok",
        "ok",
    ),
    ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", ""),
    ("<object data=x></object><embed src=x>", ""),
    ("<form action=x><input name=a><button>b</button></form>", ""),
    (
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        // The inert template parses with scripting off: all of it is inside noscript.
        "",
    ),
    ("<template><img src=x onerror=alert(1)></template>", ""),
    ("<!-- <img src=x onerror=alert(1)> -->c", "c"),
    ("<div><span>Chữ</span></div>", "Chữ"),
    (
        "<img src=\"/anh/a.jpg\" srcset=\"javascript:alert(1)\" alt=\"Ảnh\">",
        "<img src=\"/anh/a.jpg\" alt=\"Ảnh\" loading=\"lazy\" decoding=\"async\">",
    ),
    (
        "<table><tr><td colspan=2 onmouseover=alert(1)>1</td></tr></table>",
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Bảng 1\"><table><tbody><tr><td colspan=\"2\">1</td></tr></tbody></table></div>",
    ),
    // Laid out as the policy shows a body.
    (
        "<h1>A</h1><h5>B</h5><h6>C</h6><h3>D</h3>",
        "<h2>A</h2><h3>B</h3><h4>C</h4><h3>D</h3>",
    ),
    (
        "<table><caption>Chỉ tiêu &amp; kết quả</caption><tr><td>1</td></tr></table>",
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Bảng 1: Chỉ tiêu &amp; kết quả\"><table><caption>Chỉ tiêu &amp; kết quả</caption><tbody><tr><td>1</td></tr></tbody></table></div>",
    ),
    (
        "<iframe src=\"https://www.youtube.com/embed/abc\" title=\"Lễ ra mắt\">x</iframe>",
        "<p class=\"embed-link\"><a href=\"https://www.youtube.com/watch?v=abc\" rel=\"noopener noreferrer\">Xem video trên YouTube: Lễ ra mắt</a></p>",
    ),
    ("<iframe src=\"javascript:alert(1)\"></iframe>", ""),
    (
        "<video autoplay><source src=\"/v.mp4\" type=\"video/mp4\"><source src=\"https://evil.test/v.webm\">Your browser does not support video.<p>Tải <a href=\"/v.mp4\">về</a></p></video>",
        "<video controls=\"\" preload=\"none\"><source src=\"/v.mp4\" type=\"video/mp4\"></video>",
    ),
    (
        "<audio src=\"https://evil.test/a.mp3\">Không hỗ trợ</audio>",
        "<p class=\"media-link\"><a href=\"https://evil.test/a.mp3\" rel=\"noopener noreferrer\">Mở tệp âm thanh</a></p>",
    ),
    ("<video>Không hỗ trợ</video>", ""),
    ("<p><source src=\"/a.mp4\">x</p>", "<p>x</p>"),
    (
        "<img src=\"https://cdn.example.vn/a.jpg\" alt=\"Ảnh\">",
        "<img alt=\"Ảnh\" loading=\"lazy\" decoding=\"async\">",
    ),
];

#[wasm_bindgen_test]
async fn sanitizer_cases_in_a_real_dom() {
    clean_slate();
    for (input, expected) in CASES {
        assert_eq!(&sanitize_to_string(input), expected, "input: {input}");
    }
}

#[wasm_bindgen_test]
async fn sanitizer_output_never_carries_handlers_or_script_urls() {
    clean_slate();
    for (input, _) in CASES {
        let out = sanitize_to_string(input).to_ascii_lowercase();
        for banned in [
            "<script",
            " on",
            "javascript:",
            "data:",
            "<svg",
            "<math",
            "<iframe",
            "style=",
        ] {
            assert!(!out.contains(banned), "{input} gave {out}");
        }
    }
}

#[wasm_bindgen_test]
async fn star_rating_renders_totals_and_five_labelled_radios() {
    use ntm_types::rating::{average_line, star_label, totals_line};
    use ntm_web::components::star_rating::StarRating;
    clean_slate();
    let host = mount(|| {
        view! {
            <StarRating slug="thu".to_owned() initial=RatingTotals { enabled: true, total: 50, count: 12 }/>
        }
    });
    settle(&host).await;
    assert_eq!(text_of(&host, ".rating-totals"), totals_line(50, 12));
    assert_eq!(
        text_of(&host, ".rating-average"),
        average_line(50, 12).unwrap()
    );
    assert_eq!(text_of(&host, "legend"), "Click để đánh giá bài viết");
    let radios = host.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 5);
    for n in 1..=5u8 {
        assert_eq!(
            text_of(
                &host,
                &format!("label[for=rating-stars-{n}] .visually-hidden"),
            ),
            format!("{n} sao: {}", star_label(n))
        );
    }
    drop(host);
}

#[wasm_bindgen_test]
async fn star_rating_is_absent_when_switched_off() {
    use ntm_web::components::star_rating::StarRating;
    clean_slate();
    let host = mount(|| {
        view! { <StarRating slug="thu".to_owned() initial=RatingTotals { enabled: false, total: 0, count: 0 }/> }
    });
    settle(&host).await;
    assert!(host.query_selector(".rating").unwrap().is_none());
    drop(host);
}

fn sample_poll(max_choices: u32, open: bool) -> ntm_types::Poll {
    ntm_types::Poll {
        id: 7,
        question: "Bạn quan tâm điều gì?".into(),
        max_choices,
        options: (1..=4)
            .map(|i| ntm_types::PollOption {
                id: i,
                label: format!("Phương án {i}"),
            })
            .collect(),
        starts_at: 1_610_845_260,
        ends_at: None,
        open,
        my_choices: None,
        members_only: false,
    }
}

#[wasm_bindgen_test]
async fn poll_with_one_choice_uses_radios() {
    use ntm_web::components::poll::PollWidget;
    clean_slate();
    let host = mount(|| view! { <PollWidget poll=sample_poll(1, true)/> });
    settle(&host).await;
    assert_eq!(text_of(&host, "legend"), "Bạn quan tâm điều gì?");
    assert_eq!(
        host.query_selector_all("input[type=radio]")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(
        host.query_selector_all("input[type=checkbox]")
            .unwrap()
            .length(),
        0
    );
    // Every input has its own label.
    for i in 1..=4 {
        let input = host
            .query_selector(&format!("input[value='{i}']"))
            .unwrap()
            .unwrap();
        let label = host
            .query_selector(&format!("label[for='{}']", input.id()))
            .unwrap()
            .unwrap();
        assert_eq!(label.text_content().unwrap(), format!("Phương án {i}"));
    }
    drop(host);
}

#[wasm_bindgen_test]
async fn poll_with_several_choices_stops_at_the_limit() {
    use ntm_web::components::poll::PollWidget;
    clean_slate();
    let host = mount(|| view! { <PollWidget poll=sample_poll(2, true)/> });
    settle(&host).await;
    assert_eq!(text_of(&host, ".poll-hint"), "Chọn tối đa 2 phương án.");
    let boxes: Vec<web_sys::HtmlInputElement> = (1..=4)
        .map(|i| {
            host.query_selector(&format!("input[value='{i}']"))
                .unwrap()
                .unwrap()
                .unchecked_into()
        })
        .collect();
    for i in [0, 2] {
        boxes[i].set_checked(true);
        boxes[i]
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    }
    settle(&host).await;
    let disabled: Vec<bool> = boxes.iter().map(|b| b.disabled()).collect();
    assert_eq!(disabled, [false, true, false, true]);
    drop(host);
}

#[wasm_bindgen_test]
async fn closed_poll_has_no_form() {
    use ntm_web::components::poll::PollWidget;
    clean_slate();
    let host = mount(|| view! { <PollWidget poll=sample_poll(1, false)/> });
    settle(&host).await;
    assert!(host.query_selector("form").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("Cuộc thăm dò đã kết thúc hoặc chưa mở."));
    drop(host);
}

#[wasm_bindgen_test]
async fn stats_panel_lists_the_six_figures() {
    use ntm_web::components::stats::StatsBlock;
    clean_slate();
    let host = mount(|| view! { <StatsBlock/> });
    settle(&host).await;
    let labels: Vec<String> = {
        let dts = host.query_selector_all(".stats dt").unwrap();
        (0..dts.length())
            .map(|i| dts.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        labels,
        [
            "Đang truy cập",
            "Máy chủ tìm kiếm",
            "Khách viếng thăm",
            "Hôm nay",
            "Tháng hiện tại",
            "Tổng lượt truy cập"
        ]
    );
    // Until figures arrive, each shows an ellipsis rather than a misleading 0.
    assert_eq!(text_of(&host, ".stats dd"), "…");
    drop(host);
}

#[wasm_bindgen_test]
async fn numbers_are_grouped_the_vietnamese_way() {
    use ntm_web::format::number;
    clean_slate();
    assert_eq!(number(90_352_914u64), "90.352.914");
    assert_eq!(number(164u32), "164");
    assert_eq!(number(0u32), "0");
}

#[wasm_bindgen_test]
async fn document_items_name_and_flag_new_ones() {
    use ntm_types::datetime::{day_key, format_day};
    use ntm_types::page::document_name;
    use ntm_views::documents::DocumentItems;
    clean_slate();
    let today = day_key((js_sys::Date::now() / 1000.0) as i64);
    let doc = |number: &str, issued: &str| ntm_types::DocumentSummary {
        slug: number.to_lowercase().replace('/', "-"),
        number: number.into(),
        kind: "Công văn".into(),
        summary: "Trích yếu".into(),
        issuing_body: "UBND tỉnh Hà Tĩnh".into(),
        issued: issued.into(),
        in_force: true,
    };
    let items = vec![doc("1/UBND", &today), doc("2/UBND", "2021-01-05")];
    let shown = items.clone();
    let host = mount(move || view! { <DocumentItems items=shown now=ntm_web::format::now()/> });
    settle(&host).await;
    let names = host.query_selector_all(".doc-name").unwrap();
    assert_eq!(
        names.item(0).unwrap().text_content().unwrap(),
        document_name(&items[0].kind, &items[0].number)
    );
    assert_eq!(
        names
            .item(0)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .get_attribute("href")
            .unwrap(),
        format!("/van-ban/{}", items[0].slug)
    );
    assert_eq!(host.query_selector_all(".badge").unwrap().length(), 1);
    assert!(
        text_of(&host, ".doc-item:last-child .doc-meta").contains(&format_day(&items[1].issued))
    );
    drop(host);
}

#[wasm_bindgen_test]
async fn document_search_round_trips_through_the_url() {
    use ntm_web::api::{DocumentSearch, Endpoint};
    clean_slate();
    let params = [
        ("tu-khoa", "nông thôn"),
        ("loai", "Công văn"),
        ("hieu-luc", "het-hieu-luc"),
        ("trang", "2"),
    ];
    let get = |k: &str| {
        params
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    };
    let s = DocumentSearch::from_page_params(get);
    assert_eq!(
        (s.text.as_str(), s.status.as_str(), s.page),
        ("nông thôn", "expired", 2)
    );
    assert_eq!(
        s.page_query(),
        "tu-khoa=n%C3%B4ng%20th%C3%B4n&loai=C%C3%B4ng%20v%C4%83n&hieu-luc=het-hieu-luc"
    );
    assert_eq!(s.page_value("hieu-luc"), "het-hieu-luc");
    assert_eq!(s.page_value("loai"), "Công văn");
    let url = Endpoint::Documents(s).url();
    assert!(url.ends_with("/documents?page=2&per_page=10&q=n%C3%B4ng%20th%C3%B4n&kind=C%C3%B4ng%20v%C4%83n&status=expired"), "{url}");
    // Only the status has Vietnamese names in the page's URL: a keyword that
    // happens to be an API status value stays as typed.
    let typed =
        DocumentSearch::from_page_params(|k| (k == "tu-khoa").then(|| "expired".to_owned()));
    assert_eq!(typed.page_query(), "tu-khoa=expired");
    assert_eq!(typed.page_value("tu-khoa"), "expired");
}

/// A small random source with a fixed seed: the same cases on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn number(&mut self) -> u64 {
        match self.below(4) {
            0 => 0,
            1 => u64::MAX,
            2 => 9_999_999_999,
            _ => self.next() >> self.below(64),
        }
    }
    fn count(&mut self) -> u32 {
        u32::try_from(self.number() & u64::from(u32::MAX)).unwrap_or(u32::MAX)
    }
    fn time(&mut self) -> i64 {
        match self.below(3) {
            0 => i64::MIN,
            1 => i64::MAX,
            _ => self.next() as i64,
        }
    }
    /// Text as a backend may send it: empty, long, decomposed, odd.
    fn text(&mut self) -> String {
        const PIECES: &[&str] = &[
            "",
            "Nông thôn mới",
            "No\u{302}ng tho\u{302}n mo\u{31b}\u{301}i",
            "<b>không phải HTML</b>",
            "2024-13-45",
            "\u{202e}đảo chiều",
            "🌾",
            "Khôngkhoảngtrắngnàotrongcảcâudàinày",
            "javascript:alert(1)",
            "https://cdn.example.vn/anh/a.jpg",
            "\u{0}\u{1f}",
        ];
        let n = self.below(6);
        (0..n)
            .map(|_| {
                PIECES[self.below(PIECES.len() as u64) as usize].repeat(1 + self.below(12) as usize)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn texts(&mut self) -> Vec<String> {
        (0..self.below(4)).map(|_| self.text()).collect()
    }
}

fn random_article(r: &mut Random) -> Article {
    let link = |r: &mut Random| ArticleLink {
        slug: r.text(),
        title: r.text(),
        published_at: r.time(),
    };
    Article {
        slug: r.text(),
        title: r.text(),
        category: Category {
            slug: r.text(),
            name: r.text(),
            description: r.text(),
        },
        published_at: r.time(),
        lead: r.text(),
        image: (r.below(2) == 0).then(|| Image {
            src: r.text(),
            alt: r.text(),
            width: r.count(),
            height: r.count(),
        }),
        body_html: format!("<h1>{}</h1><table><caption>{}</caption><tr><td>{}</td></tr></table><iframe src=\"{}\"></iframe><video src=\"{}\">{}</video>", r.text(), r.text(), r.text(), r.text(), r.text(), r.text()),
        author: r.text(),
        source: r.text(),
        tags: r.texts(),
        views: r.count(),
        rating: RatingTotals {
            enabled: r.below(2) == 0,
            total: r.count(),
            count: r.count(),
        },
        newer: (0..r.below(3)).map(|_| link(r)).collect(),
        older: (0..r.below(3)).map(|_| link(r)).collect(),
    }
}

// Random content of every shape the types allow, into the views: none panics
// (a panic aborts the wasm and fails this test).
#[wasm_bindgen_test]
async fn any_content_renders_without_a_panic() {
    use ntm_types::{DocumentSummary, Poll, PollOption};
    use ntm_views::documents::DocumentItems;
    use ntm_views::news::ArticleList;
    use ntm_views::pager::Pager;
    use ntm_web::components::poll::PollWidget;
    clean_slate();
    let mut r = Random(0x5eed_1234_abcd_0042);
    for _ in 0..12 {
        let article = random_article(&mut r);
        let summaries: Vec<ntm_types::ArticleSummary> = (0..r.below(4))
            .map(|_| {
                let a = random_article(&mut r);
                ntm_types::ArticleSummary {
                    slug: a.slug,
                    title: a.title,
                    category: a.category,
                    published_at: a.published_at,
                    lead: a.lead,
                    image: a.image,
                }
            })
            .collect();
        let documents: Vec<DocumentSummary> = (0..r.below(4))
            .map(|_| DocumentSummary {
                slug: r.text(),
                number: r.text(),
                kind: r.text(),
                summary: r.text(),
                issuing_body: r.text(),
                issued: r.text(),
                in_force: r.below(2) == 0,
            })
            .collect();
        let poll = Poll {
            id: r.next() as i64,
            question: r.text(),
            max_choices: r.count(),
            options: (0..r.below(5))
                .map(|_| PollOption {
                    id: r.next() as i64,
                    label: r.text(),
                })
                .collect(),
            starts_at: r.time(),
            ends_at: (r.below(2) == 0).then(|| r.time()),
            open: r.below(2) == 0,
            my_choices: (r.below(2) == 0).then(Vec::new),
            members_only: r.below(2) == 0,
        };
        let (page, pages) = (r.count(), r.count());
        let host = mount(move || {
            view! {
                <ArticleReader article/>
                <ArticleList items=summaries show_category=true/>
                <DocumentItems items=documents now=ntm_web::format::now() detailed=true/>
                <PollWidget poll/>
                <Pager path="/".to_owned() page total_pages=pages/>
            }
        });
        settle(&host).await;
        assert!(host.query_selector("h1").unwrap().is_some());
        drop(host);
    }
}

// Answers of the wrong shape are refused as invalid data (the reader is told
// so), never a panic.
#[wasm_bindgen_test]
async fn near_misses_are_refused_not_fatal() {
    use ntm_web::api::{decode, FetchError};
    clean_slate();
    let article = serde_json_text(&sample_article("<p>x</p>"));
    for spoiled in [
        article.replace("\"views\":3", "\"views\":-1"),
        article.replace("\"views\":3", "\"views\":99999999999"),
        article.replace("\"views\":3", "\"views\":1.5"),
        article.replace("\"views\":3", "\"views\":\"3\""),
        article.replace("\"tags\":[", "\"tags\":null,\"x\":["),
        article.replace("\"slug\":\"thu\",", ""),
        article.replace("1610845260", "1e400"),
        "null".to_owned(),
        "[]".to_owned(),
        "\"chữ\"".to_owned(),
    ] {
        let json = js_sys::JSON::parse(&spoiled).unwrap_or(wasm_bindgen::JsValue::NULL);
        assert_eq!(
            decode::<Article>(json),
            Err(FetchError::Invalid),
            "{spoiled}"
        );
    }
    let json = js_sys::JSON::parse(&article).unwrap();
    assert!(decode::<Article>(json).is_ok());
}

/// `value` as JSON text, by the browser's own JSON.
fn serde_json_text<T: serde::Serialize>(value: &T) -> String {
    let js = serde_wasm_bindgen::to_value(value).unwrap();
    String::from(js_sys::JSON::stringify(&js).unwrap())
}
