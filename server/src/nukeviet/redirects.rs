//! The NukeViet site's old addresses, answered with the new ones: bookmarks,
//! search engines and other portals keep working. Covered: the query form
//! (`/index.php?language=vi&nv=<module>&op=<function>`) and the rewritten
//! form (`/[<lang>/]<module>/<function>`, and an article's
//! `/<category>/<alias>-<id>.html` where the news module's segment is left
//! out) of the news module's home, categories (any page) and articles, and
//! each document (`<laws module>/detail/<alias>`), the documents, poll,
//! sign-in and registration pages.

use super::frame::{route_of, route_of_query};
use super::schema::Tables;

/// The new address of a NukeViet page at `path` and `query`, when it is one.
pub fn new_address(tables: &Tables, path: &str, query: Option<&str>) -> Option<String> {
    if path == "/index.php" || path == "/index.php/" {
        return route_of_query(tables, query.unwrap_or(""));
    }
    let path = path.strip_prefix("/index.php").unwrap_or(path);
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.first() == Some(&tables.lang.as_str()) {
        segments.remove(0);
    }
    let (module, rest) = segments.split_first()?;
    if tables.module_kinds.contains_key(*module) {
        return route_of(tables, module, &rest.join("/"));
    }
    // The news module's segment left out (NukeViet's `rewrite_op_mod`): only
    // an article's address is told apart from the front end's own.
    let last = segments.last()?;
    if last.ends_with(".html") && segments.len() == 2 {
        return route_of(tables, &tables.news_title, &segments.join("/"));
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn tables() -> Tables {
        Tables {
            config: "nv4_config".into(),
            lang: "vi".into(),
            module_kinds: HashMap::from([
                ("news".into(), "news".into()),
                ("van-ban".into(), "laws".into()),
                ("voting".into(), "voting".into()),
                ("users".into(), "users".into()),
                ("about".into(), "page".into()),
            ]),
            news_title: "news".into(),
            news: "nv4_vi_news".into(),
            news_upload: "news".into(),
            menu_rows: None,
            laws: None,
            voting: None,
            counter: "`nv4_counter`".into(),
            lang_count: "`vi_count`".into(),
            sessions: "`nv4_sessions`".into(),
            statistic: true,
            online_upd: true,
            users: "`nv4_users`".into(),
            english_pages: None,
        }
    }

    #[test]
    fn old_addresses_get_new_ones() {
        let t = tables();
        let to = |path: &str, query: Option<&str>| new_address(&t, path, query);
        let article = Some("/tin-tuc/ha-tinh-so-ket-1".to_owned());
        assert_eq!(
            to("/news/tin-tuc-su-kien/ha-tinh-so-ket-1.html", None),
            article
        );
        assert_eq!(
            to("/vi/news/tin-tuc-su-kien/ha-tinh-so-ket-1.html", None),
            article
        );
        assert_eq!(
            to(
                "/index.php/news/tin-tuc-su-kien/ha-tinh-so-ket-1.html",
                None
            ),
            article
        );
        assert_eq!(to("/tin-tuc-su-kien/ha-tinh-so-ket-1.html", None), article);
        assert_eq!(
            to(
                "/index.php",
                Some("language=vi&nv=news&op=tin-tuc-su-kien/ha-tinh-so-ket-1.html")
            ),
            article
        );
        assert_eq!(to("/news/", None), Some("/".to_owned()));
        assert_eq!(to("/news/ocop/", None), Some("/chuyen-muc/ocop".to_owned()));
        assert_eq!(
            to("/news/ocop/page-3/", None),
            Some("/chuyen-muc/ocop?trang=3".to_owned())
        );
        assert_eq!(
            to("/index.php", Some("language=vi&nv=news&op=ocop")),
            Some("/chuyen-muc/ocop".to_owned())
        );
        assert_eq!(to("/voting/", None), Some("/tham-do-y-kien".to_owned()));
        assert_eq!(
            to("/van-ban/detail/cong-van-12/", None),
            Some("/van-ban/cong-van-12".to_owned())
        );
        assert_eq!(
            to(
                "/index.php",
                Some("language=vi&nv=van-ban&op=detail/cong-van-12")
            ),
            Some("/van-ban/cong-van-12".to_owned())
        );
        assert_eq!(
            to("/van-ban/quyet-dinh/", None),
            Some("/van-ban".to_owned())
        );
        assert_eq!(to("/users/register/", None), Some("/dang-ky".to_owned()));
        assert_eq!(to("/users/login/", None), Some("/dang-nhap".to_owned()));
        // Not NukeViet's, or not shown here: no redirect.
        for (path, query) in [
            ("/about/gioi-thieu.html", None),
            ("/chuyen-muc/ocop", None),
            ("/mot/hai/ba.html", None),
            ("/index.php", Some("nv=about")),
            ("/index.php", None),
            ("/", None),
        ] {
            assert_eq!(to(path, query), None, "{path} {query:?}");
        }
    }
}
