//! What the front end reads, named: pages say which [`Endpoint`], and only
//! this module turns it into a URL (the documents search included).

use super::config::base;

pub(super) fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}

/// Something to read from the backend. Pages name what they want; only this
/// module turns it into a URL.
#[derive(Clone, Debug, PartialEq)]
pub enum Endpoint {
    /// One page of the newest articles, of one category when given.
    Articles {
        category: Option<String>,
        page: u32,
    },
    Article(String),
    /// An article's rating as this visitor sees it.
    Rating(String),
    CurrentPoll,
    Polls,
    PollResults(i64),
    Stats,
    /// Visits on each of the last N days.
    DailyVisits(u32),
    /// A search of the issued documents.
    Documents(DocumentSearch),
    DocumentFacets,
    Document(String),
    /// A page that is not news (the office in English).
    Page(String),
    /// Name, menu, footer, songs and partners.
    Site,
    /// Articles holding every word of `text`.
    Search {
        text: String,
        page: u32,
    },
    /// Who is signed in.
    Session,
}

/// A search of the issued documents, as the reader sets it in the page's URL
/// (Vietnamese parameter names) and as the API takes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentSearch {
    pub text: String,
    pub kind: String,
    pub issuing_body: String,
    pub area: String,
    pub year: String,
    pub from: String,
    pub to: String,
    /// `in_force`, `expired` or empty.
    pub status: String,
    pub page: u32,
    pub per_page: u32,
}

impl DocumentSearch {
    /// (URL parameter of the page, API parameter), in the order both are written.
    const PARAMS: [(&'static str, &'static str); 8] = [
        ("tu-khoa", "q"),
        ("loai", "kind"),
        ("co-quan", "issuing_body"),
        ("linh-vuc", "area"),
        ("nam", "year"),
        ("tu-ngay", "from"),
        ("den-ngay", "to"),
        ("hieu-luc", "status"),
    ];

    fn fields(&self) -> [&String; 8] {
        [
            &self.text,
            &self.kind,
            &self.issuing_body,
            &self.area,
            &self.year,
            &self.from,
            &self.to,
            &self.status,
        ]
    }

    /// Reads the page's URL parameters; `get` looks one up by name.
    pub fn from_page_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut values = Self::PARAMS.map(|(name, _)| get(name).unwrap_or_default());
        let [text, kind, issuing_body, area, year, from, to, status] = std::mem::take(&mut values);
        let page = get("trang")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let status = match status.as_str() {
            "con-hieu-luc" => "in_force".to_owned(),
            "het-hieu-luc" => "expired".to_owned(),
            _ => String::new(),
        };
        DocumentSearch {
            text,
            kind,
            issuing_body,
            area,
            year,
            from,
            to,
            status,
            page,
            per_page: 10,
        }
    }

    /// The field's value as the page's URL spells it (the API's status values
    /// have Vietnamese names there).
    fn page_spelling<'a>(page_name: &str, value: &'a str) -> &'a str {
        match (page_name, value) {
            ("hieu-luc", "in_force") => "con-hieu-luc",
            ("hieu-luc", "expired") => "het-hieu-luc",
            (_, v) => v,
        }
    }

    /// The value of the page's URL parameter `name`, as the URL spells it.
    pub fn page_value(&self, name: &str) -> String {
        Self::PARAMS
            .iter()
            .zip(self.fields())
            .find(|((page_name, _), _)| *page_name == name)
            .map(|(_, value)| Self::page_spelling(name, value).to_owned())
            .unwrap_or_default()
    }

    fn query(&self, page_names: bool) -> String {
        let mut parts = Vec::new();
        for ((page_name, api_name), value) in Self::PARAMS.iter().zip(self.fields()) {
            if value.is_empty() {
                continue;
            }
            let value = if page_names {
                Self::page_spelling(page_name, value)
            } else {
                value
            };
            let name = if page_names { page_name } else { api_name };
            parts.push(format!("{name}={}", encode(value)));
        }
        parts.join("&")
    }

    /// The page's query string (without the page number), for links and the URL.
    pub fn page_query(&self) -> String {
        self.query(true)
    }
}

impl Endpoint {
    pub fn url(&self) -> String {
        let base = base();
        match self {
            Endpoint::Articles { category, page } => match category {
                Some(c) => format!("{base}/articles?page={page}&category={}", encode(c)),
                None => format!("{base}/articles?page={page}"),
            },
            Endpoint::Article(slug) => format!("{base}/articles/{}", encode(slug)),
            Endpoint::Rating(slug) => format!("{base}/articles/{}/rating", encode(slug)),
            Endpoint::CurrentPoll => format!("{base}/polls/current"),
            Endpoint::Polls => format!("{base}/polls"),
            Endpoint::PollResults(id) => format!("{base}/polls/{id}/results"),
            Endpoint::Stats => format!("{base}/stats"),
            Endpoint::DailyVisits(days) => format!("{base}/stats/daily?days={days}"),
            Endpoint::Documents(s) => {
                let filters = s.query(false);
                let sep = if filters.is_empty() { "" } else { "&" };
                format!(
                    "{base}/documents?page={}&per_page={}{sep}{filters}",
                    s.page, s.per_page
                )
            }
            Endpoint::DocumentFacets => format!("{base}/documents/facets"),
            Endpoint::Document(slug) => format!("{base}/documents/{}", encode(slug)),
            Endpoint::Page(slug) => format!("{base}/pages/{}", encode(slug)),
            Endpoint::Site => format!("{base}/site"),
            Endpoint::Search { text, page } => {
                format!("{base}/search?q={}&page={page}", encode(text))
            }
            Endpoint::Session => format!("{base}/session"),
        }
    }
}

impl Endpoint {
    /// Whether the answer is the same for every reader and may be kept in
    /// memory: news, documents and the site's frame. What depends on the
    /// visitor (ratings, polls, session) or changes by the minute (statistics)
    /// is always asked for.
    pub(super) fn shared(&self) -> bool {
        matches!(
            self,
            Endpoint::Articles { .. }
                | Endpoint::Article(_)
                | Endpoint::Documents(_)
                | Endpoint::DocumentFacets
                | Endpoint::Document(_)
                | Endpoint::Page(_)
                | Endpoint::Site
                | Endpoint::Search { .. }
        )
    }
}
