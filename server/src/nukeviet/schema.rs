//! What this mode needs of a NukeViet 4 database, checked once at start: the
//! version it records, its modules (a module's tables are named by its
//! `module_data`, which a site may have chosen), and every column read.

use std::collections::HashMap;

use mysql::prelude::Queryable;
use mysql::PooledConn;

use super::{Settings, StartError};

/// The names of the tables read, as this site names them.
#[derive(Clone, Debug)]
pub struct Tables {
    /// `<prefix>_config`.
    pub config: String,
    /// The language served.
    pub lang: String,
    /// Every active module's kind (`module_file`) by its title (what its
    /// URLs and menu entries name).
    pub module_kinds: HashMap<String, String>,
    /// The news module's title.
    pub news_title: String,
    /// `<prefix>_<lang>_<module_data>` of the news module: its tables are this
    /// plus `_cat`, `_rows`, `_detail`, … and `_<catid>`, the copy of the
    /// articles listed in each category.
    pub news: String,
    /// The news module's folder under `uploads/` and `assets/`.
    pub news_upload: String,
    /// The menu module's entries, when the site has one.
    pub menu_rows: Option<String>,
    /// The laws module (issued documents), when the site has one.
    pub laws: Option<ModuleTables>,
    /// The voting module (polls), when the site has one.
    pub voting: Option<ModuleTables>,
    /// `<prefix>_counter`: visits counted by period.
    pub counter: String,
    /// Its column of the language served, `<lang>_count`.
    pub lang_count: String,
    /// `<prefix>_sessions`: who is online.
    pub sessions: String,
    /// The site counts visits (config `statistic`, read at start).
    pub statistic: bool,
    /// The site keeps who is online (config `online_upd`, read at start).
    pub online_upd: bool,
    /// `<prefix>_<module_data>` of the users module (global, no language).
    pub users: String,
    /// `<prefix>_en_<module_data>` of the English side's first page module
    /// (NukeViet's "about"), when the site has one and serves another
    /// language: its pages are the footer's pages for foreign readers.
    pub english_pages: Option<String>,
}

/// The tables of a module other than news, as this site names them.
#[derive(Clone, Debug)]
pub struct ModuleTables {
    /// Its title (what its URLs name).
    pub title: String,
    /// `<prefix>_<lang>_<module_data>`: its tables are this plus `_row`, …
    pub data: String,
    /// Its folder under `uploads/`.
    pub upload: String,
}

impl ModuleTables {
    /// The module's table named by `module_data` alone (the voting module's
    /// polls).
    pub fn main(&self) -> String {
        format!("`{}`", self.data)
    }

    pub fn table(&self, suffix: &str) -> String {
        format!("`{}_{suffix}`", self.data)
    }
}

impl Tables {
    pub fn news(&self, suffix: &str) -> String {
        format!("`{}_{suffix}`", self.news)
    }

    /// The copy of the articles listed in category `catid`.
    pub fn news_in_category(&self, catid: u32) -> String {
        format!("`{}_{catid}`", self.news)
    }
}

/// Columns read from each news table.
const NEWS_COLUMNS: [(&str, &[&str]); 6] = [
    (
        "cat",
        &[
            "catid",
            "parentid",
            "title",
            "alias",
            "description",
            "sort",
            "status",
            "groups_view",
        ],
    ),
    (
        "rows",
        &[
            "id",
            "catid",
            "listcatid",
            "author",
            "sourceid",
            "status",
            "publtime",
            "exptime",
            "title",
            "alias",
            "hometext",
            "homeimgfile",
            "homeimgalt",
            "homeimgthumb",
            "allowed_rating",
            "hitstotal",
            "total_rating",
            "click_rating",
        ],
    ),
    ("detail", &["id", "bodyhtml", "sourcetext"]),
    ("sources", &["sourceid", "title"]),
    ("tags", &["tid", "alias"]),
    ("tags_id", &["id", "tid", "keyword"]),
];

/// Columns read from each laws table.
const LAWS_COLUMNS: [(&str, &[&str]); 6] = [
    (
        "row",
        &[
            "id",
            "replacement",
            "relatement",
            "title",
            "alias",
            "code",
            "cid",
            "sid",
            "sgid",
            "introtext",
            "bodytext",
            "files",
            "status",
            "publtime",
            "startvalid",
            "exptime",
            "view_hits",
            "download_hits",
            "groups_view",
            "groups_download",
        ],
    ),
    ("cat", &["id", "title", "weight"]),
    ("subject", &["id", "title", "weight"]),
    ("area", &["id", "title", "sort"]),
    ("row_area", &["row_id", "area_id"]),
    ("signer", &["id", "title"]),
];

/// Columns read from the voting module's tables (`""` is its main table).
const VOTING_COLUMNS: [(&str, &[&str]); 3] = [
    (
        "",
        &[
            "vid",
            "question",
            "acceptcm",
            "groups_view",
            "publ_time",
            "exp_time",
            "act",
            "vote_one",
        ],
    ),
    ("rows", &["id", "vid", "title", "hitstotal"]),
    ("voted", &["vid", "voted"]),
];

/// Columns read from a page module's table.
const PAGE_COLUMNS: &[&str] = &[
    "id",
    "title",
    "alias",
    "description",
    "bodytext",
    "weight",
    "status",
];

/// Columns read from the menu module's entries.
const MENU_COLUMNS: &[&str] = &[
    "id",
    "parentid",
    "mid",
    "title",
    "link",
    "weight",
    "module_name",
    "op",
    "status",
    "groups_view",
];

/// A name that may go into a table name as it is.
pub fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn query_error(e: mysql::Error) -> StartError {
    StartError::Query(e.to_string())
}

/// Checks the database against what this mode reads; the table names found.
pub fn check(conn: &mut PooledConn, settings: &Settings) -> Result<Tables, StartError> {
    let Settings { prefix, lang, .. } = settings;
    let config = format!("{prefix}_config");
    require_columns(
        conn,
        &config,
        &["lang", "module", "config_name", "config_value"],
    )?;
    let version: Option<String> = conn
        .query_first(format!(
            "SELECT config_value FROM `{config}` \
             WHERE lang = 'sys' AND module = 'global' AND config_name = 'version'"
        ))
        .map_err(query_error)?;
    match &version {
        Some(v) if v.split('.').next() == Some("4") => {}
        _ => return Err(StartError::Version(version)),
    }

    let modules = format!("{prefix}_{lang}_modules");
    require_columns(
        conn,
        &modules,
        &[
            "title",
            "module_file",
            "module_data",
            "module_upload",
            "act",
            "weight",
        ],
    )?;
    // Active modules in the site's order: a site may run copies of a module
    // under other titles; the first news module is the one served.
    let active: Vec<(String, String, String, String)> = conn
        .query(format!(
            "SELECT title, module_file, module_data, module_upload FROM `{modules}` \
             WHERE act = 1 ORDER BY weight, title"
        ))
        .map_err(query_error)?;
    let first = |kind: &str| {
        active
            .iter()
            .find(|(_, file, data, _)| file == kind && is_plain_name(data))
    };
    let Some((news_title, _, news_data, news_upload)) = first("news") else {
        return Err(StartError::NoModule("news"));
    };
    let menu_rows = first("menu").map(|(_, _, data, _)| format!("{prefix}_{lang}_{data}_rows"));
    let module = |kind: &str| {
        first(kind).map(|(title, _, data, upload)| ModuleTables {
            title: title.clone(),
            data: format!("{prefix}_{lang}_{data}"),
            upload: upload.clone(),
        })
    };
    let tables = Tables {
        config: config.clone(),
        lang: lang.clone(),
        module_kinds: active
            .iter()
            .map(|(title, file, _, _)| (title.clone(), file.clone()))
            .collect(),
        news_title: news_title.clone(),
        news: format!("{prefix}_{lang}_{news_data}"),
        news_upload: news_upload.clone(),
        menu_rows,
        laws: module("laws"),
        voting: module("voting"),
        counter: format!("`{prefix}_counter`"),
        lang_count: format!("`{lang}_count`"),
        sessions: format!("`{prefix}_sessions`"),
        statistic: switched_on(conn, &config, "statistic")?,
        online_upd: switched_on(conn, &config, "online_upd")?,
        users: format!(
            "`{prefix}_{}`",
            first("users").map_or("users", |(_, _, data, _)| data.as_str())
        ),
        english_pages: english_pages(conn, prefix, lang)?,
    };
    require_columns(
        conn,
        tables.users.trim_matches('`'),
        &[
            "userid",
            "username",
            "md5username",
            "password",
            "email",
            "first_name",
            "last_name",
            "active",
            "active2step",
        ],
    )?;
    require_columns(
        conn,
        &format!("{prefix}_counter"),
        &[
            "c_type",
            "c_val",
            "last_update",
            "c_count",
            &format!("{lang}_count"),
        ],
    )?;
    require_columns(
        conn,
        &format!("{prefix}_sessions"),
        &["session_id", "userid", "username", "onl_time"],
    )?;
    for (suffix, columns) in NEWS_COLUMNS {
        require_columns(conn, &format!("{}_{suffix}", tables.news), columns)?;
    }
    if let Some(menu_rows) = &tables.menu_rows {
        require_columns(conn, menu_rows, MENU_COLUMNS)?;
    }
    if let Some(laws) = &tables.laws {
        for (suffix, columns) in LAWS_COLUMNS {
            require_columns(conn, &format!("{}_{suffix}", laws.data), columns)?;
        }
    }
    if let Some(voting) = &tables.voting {
        for (suffix, columns) in VOTING_COLUMNS {
            let table = match suffix {
                "" => voting.data.clone(),
                suffix => format!("{}_{suffix}", voting.data),
            };
            require_columns(conn, &table, columns)?;
        }
    }
    Ok(tables)
}

/// The table of the English side's first active page module, when the site
/// has an English side and serves another language; its columns checked.
fn english_pages(
    conn: &mut PooledConn,
    prefix: &str,
    lang: &str,
) -> Result<Option<String>, StartError> {
    if lang == "en" {
        return Ok(None);
    }
    let modules = format!("{prefix}_en_modules");
    let exists: Option<String> = conn
        .exec_first(
            "SELECT TABLE_NAME FROM information_schema.TABLES \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
            (&modules,),
        )
        .map_err(query_error)?;
    if exists.is_none() {
        return Ok(None);
    }
    let data: Vec<String> = conn
        .query(format!(
            "SELECT module_data FROM `{modules}` \
             WHERE act = 1 AND module_file = 'page' ORDER BY weight, title"
        ))
        .map_err(query_error)?;
    let Some(data) = data.into_iter().find(|d| is_plain_name(d)) else {
        return Ok(None);
    };
    let table = format!("{prefix}_en_{data}");
    require_columns(conn, &table, PAGE_COLUMNS)?;
    Ok(Some(table))
}

/// Whether a site-wide switch of the config table is on; NukeViet installs
/// them on.
fn switched_on(conn: &mut PooledConn, config: &str, name: &str) -> Result<bool, StartError> {
    let value: Option<String> = conn
        .exec_first(
            format!(
                "SELECT config_value FROM `{config}` \
                 WHERE lang = 'sys' AND module = 'site' AND config_name = ?"
            ),
            (name,),
        )
        .map_err(query_error)?;
    Ok(value.is_none_or(|v| v.trim() != "0"))
}

/// Fails unless `table` exists in the connection's database with `columns`.
fn require_columns(conn: &mut PooledConn, table: &str, columns: &[&str]) -> Result<(), StartError> {
    let present: Vec<String> = conn
        .exec(
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS \
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
            (table,),
        )
        .map_err(query_error)?;
    if present.is_empty() {
        return Err(StartError::MissingTable(table.to_owned()));
    }
    match columns.iter().find(|c| !present.iter().any(|p| p == *c)) {
        Some(column) => Err(StartError::MissingColumn {
            table: table.to_owned(),
            column: (*column).to_owned(),
        }),
        None => Ok(()),
    }
}
