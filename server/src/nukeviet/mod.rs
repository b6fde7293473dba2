//! The NukeViet mode: the contract served from the MySQL/MariaDB database of
//! an existing NukeViet 4 site, read where NukeViet keeps each thing
//! (docs/nukeviet-schema-notes.md). This part opens the database and checks,
//! at start, that it is a NukeViet 4 site with every table and column read
//! (`schema`); one file per module read: `frame` (config and menu), `news`,
//! `laws`, `pages` (the English side's page module), `voting`, `statistics`
//! (counter), `online` (sessions), `members` (users).
//!
//! Text comes out decoded once (`crate::text::decode_entities`): NukeViet
//! stores it HTML-encoded.

mod encoding;
mod frame;
pub mod laws;
pub mod members;
pub mod news;
mod online;
mod pages;
mod redirects;
mod schema;
pub mod statistics;
pub mod voting;

use std::fmt;
use std::path::PathBuf;

use mysql::prelude::FromValue;
use mysql::{Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts, PooledConn, Row};
use ntm_types::SiteInfo;

/// Where the site's database is and how its tables are named.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `mysql://user:password@host:port/database`, or
    /// `mysql://user:password@localhost/database?socket=/path/to/mysqld.sock`.
    pub url: String,
    /// NukeViet's table prefix (`$db_config['prefix']` in its config.php).
    pub prefix: String,
    /// The language whose content is served (NukeViet's `vi`, `en`, …).
    pub lang: String,
    /// What NukeViet has no place for, as the contract's `SiteInfo` in JSON
    /// (the office, editors, address, songs, partners, Zalo QR code); its
    /// empty fields (name, description, e-mail, phone, menu) come from the
    /// site.
    pub overlay: Option<PathBuf>,
    /// The site's folder (where its `index.php` is): attachments are read
    /// from its `uploads/`.
    pub root: Option<PathBuf>,
}

/// Why the NukeViet mode cannot start; shown to the operator as one line.
#[derive(Debug, PartialEq)]
pub enum StartError {
    /// The URL cannot be read.
    Url(String),
    /// The prefix or language is not a plain name (they go into table names).
    Name(String),
    /// No connection: server down, wrong password, unknown database.
    Connect(String),
    /// A query failed while checking the schema.
    Query(String),
    /// Not a NukeViet 4 site (the version it records, if any).
    Version(Option<String>),
    MissingTable(String),
    MissingColumn {
        table: String,
        column: String,
    },
    /// No active module of the given kind (`news`) in the modules table.
    NoModule(&'static str),
    /// The overlay file cannot be read, or is not a `SiteInfo`.
    Overlay(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Url(e) => write!(f, "--nukeviet: not a MySQL URL ({e})"),
            StartError::Name(what) => {
                write!(f, "--nukeviet: {what} may hold only a-z, 0-9 and _")
            }
            StartError::Connect(e) => write!(f, "cannot connect to the NukeViet database: {e}"),
            StartError::Query(e) => write!(f, "cannot read the NukeViet database: {e}"),
            StartError::Version(Some(v)) => write!(
                f,
                "NukeViet {v} is not supported: this mode reads NukeViet 4 sites"
            ),
            StartError::Version(None) => write!(
                f,
                "no NukeViet version in the config table: is the table prefix right?"
            ),
            StartError::MissingTable(t) => {
                write!(f, "the NukeViet database has no table {t}")
            }
            StartError::MissingColumn { table, column } => {
                write!(f, "the NukeViet table {table} has no column {column}")
            }
            StartError::NoModule(kind) => write!(
                f,
                "the NukeViet site has no active {kind} module (in its modules table)"
            ),
            StartError::Overlay(e) => write!(f, "--nukeviet-overlay: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// An open NukeViet site: its connections and the names of the tables read.
#[derive(Clone)]
pub struct Site {
    pool: Pool,
    tables: std::sync::Arc<schema::Tables>,
    overlay: std::sync::Arc<SiteInfo>,
    root: Option<std::sync::Arc<PathBuf>>,
    online: std::sync::Arc<online::Online>,
}

impl Site {
    /// Connects and checks the schema; any error stops the server at start.
    pub fn open(settings: &Settings) -> Result<Site, StartError> {
        for (what, value) in [
            ("the prefix", &settings.prefix),
            ("the language", &settings.lang),
        ] {
            if !schema::is_plain_name(value) {
                return Err(StartError::Name(what.to_owned()));
            }
        }
        let overlay = match &settings.overlay {
            None => SiteInfo::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| StartError::Overlay(format!("{}: {e}", path.display())))?;
                serde_json::from_str(&text)
                    .map_err(|e| StartError::Overlay(format!("{}: {e}", path.display())))?
            }
        };
        let opts = Opts::from_url(&settings.url).map_err(|e| StartError::Url(e.to_string()))?;
        // Few connections: each request holds one for a few queries.
        let constraints = PoolConstraints::new(1, 16).expect("1 <= 16");
        let opts = OptsBuilder::from_opts(opts)
            .pool_opts(PoolOpts::default().with_constraints(constraints));
        let pool = Pool::new(opts).map_err(|e| StartError::Connect(e.to_string()))?;
        let mut conn = pool
            .get_conn()
            .map_err(|e| StartError::Connect(e.to_string()))?;
        let tables = schema::check(&mut conn, settings)?;
        Ok(Site {
            pool,
            tables: std::sync::Arc::new(tables),
            overlay: std::sync::Arc::new(overlay),
            root: settings.root.clone().map(std::sync::Arc::new),
            online: std::sync::Arc::default(),
        })
    }

    /// Fails unless the site's tables answer a query (the server may answer
    /// while the database is gone).
    pub fn check(&self) -> mysql::Result<()> {
        use mysql::prelude::Queryable;
        self.conn()?
            .query_drop(format!("SELECT 1 FROM `{}` LIMIT 1", self.tables.config))
    }

    /// A connection from the pool.
    pub fn conn(&self) -> mysql::Result<PooledConn> {
        self.pool.get_conn()
    }

    pub(crate) fn tables(&self) -> &schema::Tables {
        &self.tables
    }

    /// The site's folder, when given.
    pub fn root(&self) -> Option<&std::path::Path> {
        self.root.as_deref().map(PathBuf::as_path)
    }

    /// The new address of the NukeViet page at `path` and `query`, when it is
    /// one of those this front end shows (see `redirects`).
    pub fn new_address(&self, path: &str, query: Option<&str>) -> Option<String> {
        redirects::new_address(&self.tables, path, query)
    }

    /// What every page's frame shows: the overlay, its empty fields filled
    /// from the site (name, description, e-mail, phone, menu), and the pages
    /// of its English side.
    pub fn site_info(&self) -> mysql::Result<SiteInfo> {
        let mut conn = self.conn()?;
        let mut info = frame::site_info(&mut conn, &self.tables, &self.overlay)?;
        info.pages = pages::links(&mut conn, &self.tables)?;
        Ok(info)
    }
}

/// The value of column `i`.
fn get<T: FromValue>(row: &Row, i: usize) -> mysql::Result<T> {
    match row.get_opt::<T, usize>(i) {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(mysql::Error::FromValueError(e.0)),
        None => Err(mysql::Error::FromRowError(row.clone())),
    }
}

/// How a column is matched against what readers type: by letters alone
/// (diacritics and case ignored, `đ` as `d`, as `utf8mb4_unicode_520_ci`
/// compares), whatever the table's own character set and collation.
fn letters(column: &str) -> String {
    format!("CONVERT({column} USING utf8mb4) COLLATE utf8mb4_unicode_520_ci")
}

/// The condition that `word` is in one of `columns`, by its letters, in
/// each form NukeViet may have stored it in: titles and numbers fully
/// encoded, other fields with quotes and brackets encoded, an editor's paste
/// either. Its values go to `params`.
fn word_in(word: &str, columns: &[&str], params: &mut Vec<mysql::Value>) -> String {
    let mut forms = vec![encoding::as_title(word), encoding::as_html_text(word)];
    forms.dedup();
    let mut any = Vec::new();
    for form in &forms {
        for column in columns {
            any.push(format!("{} LIKE ? ESCAPE '\\\\'", letters(column)));
            params.push(encoding::contains_pattern(form).into());
        }
    }
    format!("({})", any.join(" OR "))
}

/// `limit` rows from `offset` of `SELECT {columns} {from} ORDER BY {order}`,
/// and the number of all rows `from` holds.
fn page(
    conn: &mut PooledConn,
    columns: &str,
    from: &str,
    order: &str,
    mut params: Vec<mysql::Value>,
    limit: u32,
    offset: u32,
) -> mysql::Result<(Vec<Row>, u32)> {
    use mysql::prelude::Queryable;
    let total: u32 = conn
        .exec_first(format!("SELECT COUNT(*) {from}"), params.clone())?
        .unwrap_or(0);
    params.push(limit.into());
    params.push(offset.into());
    let rows = conn.exec(
        format!("SELECT {columns} {from} ORDER BY {order} LIMIT ? OFFSET ?"),
        params,
    )?;
    Ok((rows, total))
}

/// Whether a row's `groups_view` (NukeViet's comma-separated group ids) lets
/// anyone see it: empty, 6 ("all") or 5 ("guests"). Rows kept for members or
/// other groups are not shown: this front end signs no one in to NukeViet's
/// groups.
fn for_everyone(column: &str) -> String {
    let groups = format!("COALESCE({column}, '')");
    format!("({groups} = '' OR FIND_IN_SET('6', {groups}) OR FIND_IN_SET('5', {groups}))")
}
