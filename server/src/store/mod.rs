//! Where the contract's content comes from: the reference backend's own
//! SQLite database, or a NukeViet site's MySQL/MariaDB database (the NukeViet
//! mode). Handlers and the first view ask the store and do not know which one
//! answers. The NukeViet mode keeps what the site has no table for (who rated
//! or voted what, sessions, rate limits, the daily visit history) in the
//! SQLite database, its side store. One file per part of the contract.

mod documents;
mod members;
mod news;
mod pages;
mod polls;
mod stats;

pub use documents::{FileSource, Sendable};
pub use members::{Passwords, SignInAccount};

use ntm_types::{ArticleSummary, Category, SiteInfo};

use crate::db::{self, Db};
use crate::error::AppError;
use crate::nukeviet;

#[derive(Clone)]
pub enum Store {
    Own(Db),
    /// A NukeViet site, with the side store (`side`, the SQLite database)
    /// for what it has no table for.
    NukeViet {
        site: nukeviet::Site,
        side: Db,
    },
}

/// One page of a news list, before paging is added.
pub struct NewsPage {
    pub items: Vec<ArticleSummary>,
    pub total: u32,
    /// The category listed, when one was asked for.
    pub category: Option<Category>,
}

/// Runs a NukeViet read off the async threads (the MySQL client blocks).
async fn blocking<T, F>(site: &nukeviet::Site, read: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&nukeviet::Site) -> mysql::Result<T> + Send + 'static,
{
    let site = site.clone();
    tokio::task::spawn_blocking(move || read(&site))
        .await
        .map_err(|_| AppError::internal())?
        .map_err(AppError::from)
}

impl Store {
    /// Fails unless every database of the store answers a query.
    pub async fn check(&self) -> Result<(), AppError> {
        let side = match self {
            Store::Own(db) | Store::NukeViet { side: db, .. } => db,
        };
        side.call(|c| Ok(c.query_row("SELECT 1", [], |_| Ok(()))?))
            .await?;
        if let Store::NukeViet { site, .. } = self {
            blocking(site, |s| s.check()).await?;
        }
        Ok(())
    }

    /// What every page's frame shows; `None` when the site is not set up yet.
    pub async fn site(&self) -> Result<Option<SiteInfo>, AppError> {
        match self {
            Store::Own(db) => {
                let (json, pages) = db
                    .call(|c| Ok((db::site(c)?, db::pages::links(c)?)))
                    .await?;
                json.map(|json| {
                    let mut info: SiteInfo = serde_json::from_str(&json).map_err(|e| {
                        tracing::error!(cause = %e, "stored site information is not valid");
                        AppError::internal()
                    })?;
                    // The footer links to the pages this backend serves.
                    info.pages = pages;
                    Ok(info)
                })
                .transpose()
            }
            Store::NukeViet { site, .. } => blocking(site, |s| s.site_info().map(Some)).await,
        }
    }

    /// The new address of an old page of the site at `path` and `query` (a
    /// NukeViet site's article, category, poll page…), when it has one.
    pub fn new_address(&self, path: &str, query: Option<&str>) -> Option<String> {
        match self {
            Store::Own(_) => None,
            Store::NukeViet { site, .. } => site.new_address(path, query),
        }
    }
}
