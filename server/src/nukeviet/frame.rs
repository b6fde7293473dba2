//! What every page's frame shows, from a NukeViet site: its name,
//! description, e-mail and phone (the config table), its menu (the menu
//! module's first menu, at every depth, links turned into the front end's
//! routes), and from the deployer's overlay what NukeViet has no place for
//! (the office, the editors, the address, songs, partners, the Zalo QR code).

use std::collections::HashMap;

use mysql::prelude::Queryable;
use mysql::PooledConn;
use ntm_types::{MenuItem, SiteInfo};

use super::for_everyone;
use super::schema::Tables;
use crate::text::decode_entities;

/// The site information: the overlay, its empty fields filled from NukeViet.
pub fn site_info(
    conn: &mut PooledConn,
    tables: &Tables,
    overlay: &SiteInfo,
) -> mysql::Result<SiteInfo> {
    let config: Vec<(String, String, String)> = conn.exec(
        format!(
            "SELECT lang, config_name, config_value FROM `{}` \
             WHERE (lang = ? AND module = 'global' AND config_name IN ('site_name', 'site_description')) \
                OR (lang = 'sys' AND module = 'site' AND config_name IN ('site_email', 'site_phone'))",
            tables.config
        ),
        (&tables.lang,),
    )?;
    let value = |name: &str| {
        config
            .iter()
            .find(|(_, n, _)| n == name)
            .map(|(_, _, v)| decode_entities(v).trim().to_owned())
            .unwrap_or_default()
    };
    let or = |given: &str, from_site: String| {
        if given.trim().is_empty() {
            from_site
        } else {
            given.to_owned()
        }
    };
    let mut info = overlay.clone();
    info.name = or(&overlay.name, value("site_name"));
    info.description = or(&overlay.description, value("site_description"));
    info.email = or(&overlay.email, value("site_email"));
    info.phone = or(&overlay.phone, value("site_phone"));
    if info.menu.is_empty() {
        info.menu = menu(conn, tables)?;
    }
    Ok(info)
}

/// A menu entry as stored: id, parent id, title, link, module, function.
type MenuRow = (u32, u32, String, String, String, String);

/// The first menu of the menu module (its lowest id), the entries that are
/// on, in their order, at every depth; none without a menu module.
fn menu(conn: &mut PooledConn, tables: &Tables) -> mysql::Result<Vec<MenuItem>> {
    let Some(rows_table) = &tables.menu_rows else {
        return Ok(Vec::new());
    };
    let rows: Vec<MenuRow> = conn.query(format!(
        "SELECT id, parentid, title, link, module_name, op FROM `{rows_table}` \
         WHERE status = 1 AND {} AND mid = (SELECT MIN(mid) FROM `{rows_table}`) \
         ORDER BY weight, id",
        for_everyone("groups_view")
    ))?;
    let mut children: HashMap<u32, Vec<&MenuRow>> = HashMap::new();
    for row in &rows {
        children.entry(row.1).or_default().push(row);
    }
    // Entries under a parent that is off (or missing) are left out with it.
    fn build(
        parent: u32,
        children: &HashMap<u32, Vec<&MenuRow>>,
        tables: &Tables,
        depth: u32,
    ) -> Vec<MenuItem> {
        // A menu points at itself only by mistake; stop well before the stack does.
        if depth > 32 {
            return Vec::new();
        }
        children
            .get(&parent)
            .map(|rows| {
                rows.iter()
                    .map(|(id, _, title, link, module, op)| MenuItem {
                        label: decode_entities(title),
                        href: href(tables, &decode_entities(link), module, op),
                        children: build(*id, children, tables, depth + 1),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    Ok(build(0, &children, tables, 0))
}

/// Where a NukeViet menu entry leads on the new site: its module and
/// function (`module_name`, `op`, or the `nv` and `op` of an internal link)
/// as the front end's route; an absolute link as it is; any other path as it
/// is, on this host.
fn href(tables: &Tables, link: &str, module: &str, op: &str) -> String {
    let route = if module.is_empty() {
        let query = link.split_once('?').map_or("", |(_, q)| q);
        route_of_query(tables, query)
    } else {
        route_of(tables, module, op)
    };
    match route {
        Some(route) => route,
        None if link.starts_with("http://")
            || link.starts_with("https://")
            || link.starts_with('/') =>
        {
            link.to_owned()
        }
        None => "/".to_owned(),
    }
}

/// The front end's route for NukeViet's query form of a page
/// (`language=vi&nv=<module>&op=<function>`), when it has one.
pub fn route_of_query(tables: &Tables, query: &str) -> Option<String> {
    let mut nv = String::new();
    let mut op = String::new();
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "nv" => nv = v.into_owned(),
            "op" => op = v.into_owned(),
            _ => {}
        }
    }
    route_of(tables, &nv, &op)
}

/// The front end's route for function `op` of the module titled `module`,
/// when it has one.
pub fn route_of(tables: &Tables, module: &str, op: &str) -> Option<String> {
    Some(match tables.module_kinds.get(module).map(String::as_str) {
        Some("news") if module == tables.news_title => news_route(op),
        Some("laws") => laws_route(op),
        Some("voting") => "/tham-do-y-kien".to_owned(),
        Some("users") if op == "register" => "/dang-ky".to_owned(),
        Some("users") => "/dang-nhap".to_owned(),
        _ => return None,
    })
}

/// The front end's route for a function of the laws module: a document
/// (`detail/<alias>`, the alias ending in its id), else the documents page.
fn laws_route(op: &str) -> String {
    let mut parts = op.trim_matches('/').split('/');
    match (parts.next(), parts.next()) {
        (Some("detail"), Some(alias)) if !alias.is_empty() => {
            format!("/van-ban/{}", ntm_views::links::encode_component(alias))
        }
        _ => "/van-ban".to_owned(),
    }
}

/// The front end's route for a function of the news module: its home, a
/// category (`<alias>`, `<alias>/page-2`) or an article
/// (`<category>/<alias>-<id>.html`).
fn news_route(op: &str) -> String {
    let op = op.trim_matches('/');
    if op.is_empty() {
        return "/".to_owned();
    }
    if let Some(article) = op.strip_suffix(".html") {
        let alias = article.rsplit('/').next().unwrap_or(article);
        return format!("/tin-tuc/{}", ntm_views::links::encode_component(alias));
    }
    let mut parts = op.split('/');
    let category = parts.next().unwrap_or(op);
    let route = format!(
        "/chuyen-muc/{}",
        ntm_views::links::encode_component(category)
    );
    // NukeViet's page N of a list is the front end's ?trang=N.
    match parts
        .next()
        .and_then(|p| p.strip_prefix("page-"))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| *n > 1)
    {
        Some(n) => format!("{route}?trang={n}"),
        None => route,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_functions_become_routes() {
        assert_eq!(news_route(""), "/");
        assert_eq!(
            news_route("chuong-trinh-ocop"),
            "/chuyen-muc/chuong-trinh-ocop"
        );
        assert_eq!(
            news_route("chuong-trinh-ocop/page-2/"),
            "/chuyen-muc/chuong-trinh-ocop?trang=2"
        );
        assert_eq!(
            news_route("chuong-trinh-ocop/page-x/"),
            "/chuyen-muc/chuong-trinh-ocop"
        );
        assert_eq!(
            news_route("tin-tuc-su-kien/ha-tinh-so-ket-1.html"),
            "/tin-tuc/ha-tinh-so-ket-1"
        );
    }
}
