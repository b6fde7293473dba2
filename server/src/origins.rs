//! A deployment across origins: a front end served from another origin than
//! the API (a static host, a CDN), media on other hosts, cookies that must
//! cross sites. By default everything is on one origin and none of this applies.

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum_extra::extract::cookie::SameSite;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Where the parts of the product live, when not all on this origin.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    /// Front ends on other origins (`https://tin.example.vn`) that may call
    /// the API with the reader's cookies (CORS with credentials), and whose
    /// sign-in and registration are not refused as another site's.
    pub front_ends: Vec<String>,
    /// Other origins photos, logos, songs and media in articles may load
    /// from: written into the page for the front end, and into its
    /// Content-Security-Policy.
    pub media: Vec<String>,
    /// Cookies with `SameSite=None; Secure`, for a front end on another
    /// site (not just another origin of the same site), which only works
    /// over HTTPS. Off: `SameSite=Lax`.
    pub cross_site_cookies: bool,
}

impl Origins {
    /// The SameSite attribute of the visitor and session cookies.
    pub fn same_site(&self) -> SameSite {
        if self.cross_site_cookies {
            SameSite::None
        } else {
            SameSite::Lax
        }
    }

    /// Whether `origin` (an `Origin` header's value) is one of the front ends.
    pub fn is_front_end(&self, origin: &str) -> bool {
        ntm_types::origin::origin_of(origin).is_some_and(|o| self.front_ends.contains(&o))
    }

    /// CORS for the API: the front ends may read its answers and send their
    /// cookies, the CSRF token and JSON bodies. `None` when there are none.
    pub fn cors(&self) -> Option<CorsLayer> {
        if self.front_ends.is_empty() {
            return None;
        }
        let allowed: Vec<HeaderValue> = self
            .front_ends
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        Some(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(allowed))
                .allow_credentials(true)
                .allow_methods([Method::GET, Method::POST, Method::DELETE])
                .allow_headers([
                    header::ACCEPT,
                    header::CONTENT_TYPE,
                    HeaderName::from_static("x-csrf-token"),
                ])
                .max_age(std::time::Duration::from_secs(3600)),
        )
    }
}

/// The origins of a list given on the command line (comma- or
/// space-separated); an entry that is not an origin is an error.
pub fn parse_list(list: &str) -> Result<Vec<String>, String> {
    list.split([',', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            ntm_types::origin::origin_of(s.trim())
                .ok_or_else(|| format!("{s} is not an origin (https://host[:port])"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_of_origins() {
        assert_eq!(
            parse_list("https://a.vn, http://127.0.0.1:8081 HTTPS://B.vn:443").unwrap(),
            ["https://a.vn", "http://127.0.0.1:8081", "https://b.vn"]
        );
        assert!(parse_list("https://a.vn/x?y, ftp://b.vn").is_err());
        assert!(parse_list("").unwrap().is_empty());
        let origins = Origins {
            front_ends: parse_list("https://a.vn").unwrap(),
            ..Origins::default()
        };
        assert!(origins.is_front_end("https://a.vn"));
        assert!(origins.is_front_end("https://A.vn:443"));
        assert!(!origins.is_front_end("https://b.vn"));
        assert!(!origins.is_front_end("null"));
    }
}
