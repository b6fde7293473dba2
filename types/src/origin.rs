//! Origins of absolute URLs, read strictly, so that the front end, the
//! backend's first view and its Content-Security-Policy agree on where media
//! may load from.
//!
//! Only `http` and `https` URLs whose host is plain ASCII (letters, digits,
//! dots and hyphens, or an IPv6 literal) are read; anything a browser might
//! read another way (user names, backslashes, spaces, control characters,
//! percent-encoded or non-ASCII hosts) has no origin here, and so is never
//! allowed to load.

/// The origin of `url`, as `scheme://host[:port]`: scheme and host in lower
/// case, the scheme's default port left out. `None` for anything else.
pub fn origin_of(url: &str) -> Option<String> {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = split_port(authority)?;
    let host = host.to_ascii_lowercase();
    if !host_is_plain(&host) {
        return None;
    }
    Some(match port {
        Some(p) if p != default_port => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// `host` and the port after it, when there is one: all digits, at most 65535.
fn split_port(authority: &str) -> Option<(&str, Option<u32>)> {
    match authority.rsplit_once(':') {
        // Not a colon inside an IPv6 literal.
        Some((host, port)) if !host.starts_with('[') || host.ends_with(']') => {
            let digits = (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit());
            let value = port
                .parse::<u32>()
                .ok()
                .filter(|p| digits && *p <= 65_535)?;
            Some((host, Some(value)))
        }
        _ => Some((authority, None)),
    }
}

fn host_is_plain(host: &str) -> bool {
    if let Some(ip) = host.strip_prefix('[') {
        return ip.strip_suffix(']').is_some_and(|ip| {
            !ip.is_empty() && ip.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
        });
    }
    !host.is_empty()
        && !host.starts_with(['.', '-'])
        && !host.contains("..")
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// The origins in a whitespace-separated list (as the `ntm-media-origins`
/// meta tag and the backend's `--media-origin` give them), each read by
/// [`origin_of`]; entries that are not an origin are left out.
pub fn parse_origins(list: &str) -> Vec<String> {
    list.split_whitespace().filter_map(origin_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_origins() {
        for (url, origin) in [
            ("https://cdn.example.vn/anh/a.jpg", "https://cdn.example.vn"),
            ("HTTPS://CDN.Example.VN", "https://cdn.example.vn"),
            ("http://127.0.0.1:9/api", "http://127.0.0.1:9"),
            ("https://a.vn:443/x", "https://a.vn"),
            ("http://a.vn:80?x", "http://a.vn"),
            ("http://a.vn:8080#x", "http://a.vn:8080"),
            ("http://[::1]:8080/x", "http://[::1]:8080"),
            ("http://[::1]/x", "http://[::1]"),
        ] {
            assert_eq!(origin_of(url).as_deref(), Some(origin), "{url}");
        }
    }

    #[test]
    fn anything_a_browser_could_read_otherwise_has_none() {
        for url in [
            "/anh/a.jpg",
            "anh/a.jpg",
            "//cdn.example.vn/a.jpg",
            "ftp://cdn.example.vn/a",
            "javascript://cdn.example.vn/%0aalert(1)",
            "data:image/png;base64,AAAA",
            "https://user@cdn.example.vn/a.jpg",
            "https://cdn.example.vn@evil.test/a.jpg",
            "https://cdn.example.vn\\@evil.test/a.jpg",
            "https://evil.test\\cdn.example.vn/a.jpg",
            "https://cdn.example.vn /a.jpg",
            "https://cdn.exa\tmple.vn/a.jpg",
            "https://cdn.%65xample.vn/a.jpg",
            "https://cdn.ví-dụ.vn/a.jpg",
            "https://:443/a",
            "https://a.vn:99999/a",
            "https://a.vn:/a",
            "https://a.vn:8x/a",
            "https://.a.vn/a",
            "https://a..vn/a",
            "https://[::1/x",
            "https://[zz]/x",
            "",
        ] {
            assert_eq!(origin_of(url), None, "{url:?}");
        }
    }

    #[test]
    fn lists() {
        assert_eq!(
            parse_origins(" https://a.vn  http://b.vn:81/x nonsense "),
            ["https://a.vn", "http://b.vn:81"]
        );
        assert!(parse_origins("").is_empty());
    }
}
