use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Seconds since 1970-01-01T00:00:00Z. Shown to readers in Vietnam's time (UTC+7).
pub type Timestamp = i64;

/// A news category ("chuyên mục").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Category {
    /// URL slug, e.g. `hoc-tap-dao-duc-hcm`.
    pub slug: String,
    pub name: String,
    pub description: String,
}

/// A photo with its caption (the alt text doubles as the caption, as in NukeViet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Image {
    /// Where the file is. Every URL a page loads by itself (photos, logos,
    /// songs, media in article bodies) follows one rule: a relative URL, read
    /// on the front end's own origin, or an absolute `http(s)` URL on the API's
    /// origin or on one of the media origins the deployment names beside the
    /// API base (`<meta name="ntm-media-origins" content="https://cdn.example.vn …">`).
    /// Clients show nothing for any other.
    pub src: String,
    pub alt: String,
    /// Pixels, as the file is (pages keep the room before it loads); 0 when
    /// the backend does not know, as a NukeViet site does not: clients then
    /// show the picture at its own size.
    pub width: u32,
    pub height: u32,
}

/// One line of a news list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub category: Category,
    pub published_at: Timestamp,
    /// Plain text, no HTML.
    pub lead: String,
    pub image: Option<Image>,
}

/// A link to a neighbouring article ("Những tin mới hơn" / "Những tin cũ hơn").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleLink {
    pub slug: String,
    pub title: String,
    pub published_at: Timestamp,
}

/// Rating totals of an article: `total` is the sum of the points, `count` the number of ratings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RatingTotals {
    pub enabled: bool,
    pub total: u32,
    pub count: u32,
}

/// The rating of an article as one visitor sees it (`GET`/`POST /articles/{slug}/rating`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RatingState {
    /// False when rating is switched off for this article.
    pub enabled: bool,
    /// Sum of all points given.
    pub total: u32,
    /// Number of ratings.
    pub count: u32,
    /// This visitor's own rating (1–5), if they have rated.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub mine: Option<u8>,
}

/// Body of `POST /articles/{slug}/rating`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    /// 1 ("Bài viết rất kém") to 5 ("Bài viết rất tốt").
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub points: u8,
}

/// A whole article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub category: Category,
    pub published_at: Timestamp,
    /// Plain text, no HTML.
    pub lead: String,
    /// Main photo, shown above the body with its caption.
    pub image: Option<Image>,
    /// HTML fragment. Untrusted: clients clean it before display, keeping
    /// text, links (http, https, mailto, tel, relative), paragraphs, line
    /// breaks, headings, lists, definition lists, quotes, preformatted text
    /// and code, emphasis, tables (shown in a box that scrolls sideways, by
    /// keyboard too), figures with captions and images; media (`img`, `video`,
    /// `audio`, `source`, `track`) only from the origins [`Image::src`] allows,
    /// `video` and `audio` with the browser's controls and never playing by
    /// themselves (a link to the file is shown when none of its sources may
    /// load); `iframe` as a link to what it embeds (a YouTube player as a link
    /// to the video), never loaded in the page. Headings are shown re-levelled
    /// under the page's own title (`h1` becomes `h2`, and no level is
    /// skipped); an image without `alt` is shown as decorative (`alt=""`), its
    /// figure's caption describing it. Scripts, styles, forms, embedded objects,
    /// SVG and MathML are dropped with their content; other elements are
    /// dropped with their text kept; attributes other than those named here
    /// are dropped.
    pub body_html: String,
    pub author: String,
    /// Where the article was first published, e.g. `quangninh.gov.vn`.
    pub source: String,
    pub tags: Vec<String>,
    pub views: u32,
    pub rating: RatingTotals,
    /// Same category, published later, oldest first, at most 10.
    pub newer: Vec<ArticleLink>,
    /// Same category, published earlier, newest first, at most 10.
    pub older: Vec<ArticleLink>,
}

/// One page of a news list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
    pub total_items: u32,
    pub total_pages: u32,
    /// The category listed, when the list was asked for one.
    pub category: Option<Category>,
}

/// Every error answer has this shape, with a message fit to show a reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ApiError {
    /// Stable machine-readable code, e.g. `not_found`, `bad_request`.
    pub code: String,
    /// Vietnamese text for the reader.
    pub message: String,
}

/// Most items a list page holds.
pub const MAX_PER_PAGE: u32 = 50;
/// Items per page when the client does not say.
pub const DEFAULT_PER_PAGE: u32 = 10;
/// Most neighbours listed on each side of an article.
pub const NEIGHBOURS: u32 = 10;

/// One answer of a poll.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PollOption {
    pub id: i64,
    pub label: String,
}

/// A poll ("Thăm dò ý kiến") as one visitor sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Poll {
    pub id: i64,
    pub question: String,
    /// Most options a voter may tick: 1 means radio buttons, more means checkboxes.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub max_choices: u32,
    pub options: Vec<PollOption>,
    pub starts_at: Timestamp,
    pub ends_at: Option<Timestamp>,
    /// Active, started and not ended: votes are taken.
    pub open: bool,
    /// The options this visitor chose, if they have voted.
    pub my_choices: Option<Vec<i64>>,
    /// Only signed-in members may vote (once per member); `my_choices` is
    /// then the signed-in member's.
    #[serde(default)]
    pub members_only: bool,
}

/// Votes for one option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PollTally {
    pub id: i64,
    pub label: String,
    pub votes: u32,
}

/// The results of a poll.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PollResults {
    pub poll_id: i64,
    pub options: Vec<PollTally>,
    /// People who voted; absent where the backend does not know (a NukeViet
    /// site counts the options ticked, not the people, in a multi-choice poll).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voters: Option<u32>,
    /// Options ticked, all voters together (more than `voters` in multi-choice polls).
    pub choices: u32,
    /// Counted since ("Tính từ").
    pub since: Timestamp,
}

/// Body of `POST /polls/{id}/vote`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// Ids of the chosen options: at least one, at most the poll's `max_choices`.
    pub options: Vec<i64>,
}

/// The visitor statistics panel ("Thống kê").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Stats {
    /// Browsers seen in the last 5 minutes ("Đang truy cập").
    pub online: u32,
    /// Of those, search-engine bots ("Máy chủ tìm kiếm").
    pub bots: u32,
    /// Of those, people ("Khách viếng thăm").
    pub guests: u32,
    /// Visits today, Vietnam time ("Hôm nay"). One per browser per 30 minutes; bots not counted.
    pub today: u64,
    /// Visits this calendar month ("Tháng hiện tại").
    pub month: u64,
    /// Visits ever ("Tổng lượt truy cập").
    pub total: u64,
}

/// Visits on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DailyVisits {
    /// `YYYY-MM-DD`, Vietnam time. Clients show a date in any other shape as
    /// it is.
    pub date: String,
    pub visits: u64,
}

/// Body of `POST /visits`: the page the browser shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VisitRequest {
    /// Path of the page, e.g. `/tin-tuc/abc`; at most 512 characters.
    pub path: String,
}

/// A line of the documents list, and of the sidebar block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DocumentSummary {
    /// URL slug made from the number, e.g. `6748-ubnd-nl5`.
    pub slug: String,
    /// Number and symbol, e.g. `6748/UBND-NL5`.
    pub number: String,
    /// Công văn, Quyết định, Kế hoạch, …
    pub kind: String,
    /// Trích yếu.
    pub summary: String,
    pub issuing_body: String,
    /// `YYYY-MM-DD`.
    pub issued: String,
    /// Not expired today (Vietnam time).
    pub in_force: bool,
}

/// A file attached to a document: any type (PDF, Word, Excel, archives,
/// scanned pages, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Attachment {
    pub file_name: String,
    pub title: String,
    /// Bytes; 0 when the backend does not know (a file kept on another site).
    pub size: u64,
    /// The file's media type, e.g. `application/pdf`,
    /// `application/vnd.openxmlformats-officedocument.wordprocessingml.document`;
    /// the download answers with it.
    pub media_type: String,
    /// Path of the download, under the API base: `/documents/{slug}/files/{file_name}`.
    pub download_path: String,
    /// Downloads of this file; absent where a backend counts them only per
    /// document (a NukeViet site) or not at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloads: Option<u32>,
}

/// A whole document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Document {
    pub slug: String,
    pub number: String,
    pub kind: String,
    pub summary: String,
    pub issuing_body: String,
    pub signer: String,
    pub areas: Vec<String>,
    /// `YYYY-MM-DD`.
    pub issued: String,
    pub effective: Option<String>,
    pub expires: Option<String>,
    pub in_force: bool,
    /// Paragraphs of plain text.
    pub body: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub related: Vec<DocumentSummary>,
    pub views: u32,
}

/// One page of a documents search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DocumentPage {
    pub items: Vec<DocumentSummary>,
    pub page: u32,
    pub per_page: u32,
    pub total_items: u32,
    pub total_pages: u32,
}

/// The values each filter of the documents search can take.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DocumentFacets {
    pub kinds: Vec<String>,
    pub issuing_bodies: Vec<String>,
    pub areas: Vec<String>,
    /// Years with documents, newest first.
    pub years: Vec<i32>,
}

/// An entry of the main menu; entries with children open a submenu. Any
/// number of entries and any depth of submenus are allowed: clients keep
/// every entry reachable, by keyboard too, at any screen width.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MenuItem {
    pub label: String,
    /// A path of the front end (`/chuyen-muc/…`) or an absolute URL.
    pub href: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<MenuItem>,
}

/// A song of "Hát về nông thôn mới".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Song {
    pub title: String,
    pub performer: String,
    /// Where the media file is, by the rule of [`Image::src`].
    pub src: String,
    /// e.g. `audio/wav`, `video/mp4`.
    pub media_type: String,
}

/// A partner link with its logo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Partner {
    pub name: String,
    pub url: String,
    pub logo: Image,
}

/// What the frame of every page shows: name, menu, footer, songs, partners.
/// Everything that names the site or its office comes from here: one build
/// of the front end serves any office. Empty strings are left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SiteInfo {
    /// Short name, e.g. "Nông thôn mới Hà Tĩnh": the header's title and the
    /// end of every page's title.
    pub name: String,
    /// The office, e.g. "Văn phòng Điều phối Chương trình MTQG xây dựng nông
    /// thôn mới tỉnh Hà Tĩnh": the line over the name in the header, and the
    /// footer's first line.
    pub office: String,
    /// What the site is about: the home page's description for search engines.
    #[serde(default)]
    pub description: String,
    /// Editor-in-chief with their post.
    pub editor_in_chief: String,
    pub deputy_editor: String,
    pub address: String,
    /// As written for people, e.g. "0239 3892 689".
    pub phone: String,
    pub email: String,
    pub menu: Vec<MenuItem>,
    /// Heading of the songs block, e.g. "Hát về nông thôn mới" ("Bài hát" when empty).
    #[serde(default)]
    pub songs_title: String,
    pub songs: Vec<Song>,
    pub partners: Vec<Partner>,
    /// The office's Zalo QR code.
    pub zalo_qr: Option<Image>,
    /// Pages for readers of another language (the office in English for
    /// foreign partners), linked from every page's footer in their order.
    #[serde(default)]
    pub pages: Vec<PageLink>,
}

/// A link to a [`Page`], with what the link says and the page's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PageLink {
    /// Its address is `/trang/{slug}`; the slug as [`Page::slug`].
    pub slug: String,
    /// The link's text, in the page's language, e.g. "About us".
    pub title: String,
    /// As [`Page::lang`].
    pub lang: String,
}

/// A page that is not news: what the office is and does, in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Page {
    /// Lowercase ASCII letters, digits and `-`.
    pub slug: String,
    /// The page's language as a BCP 47 tag, e.g. `en`; a value that is not
    /// one (letters, digits and `-`) is taken as the site's own language.
    pub lang: String,
    pub title: String,
    /// Plain text, no HTML; may be empty.
    #[serde(default)]
    pub description: String,
    /// HTML fragment, by the rule of [`Article::body_html`].
    pub body_html: String,
}
