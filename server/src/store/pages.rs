//! Pages that are not news (the office in English).

use ntm_types::Page;

use super::{blocking, Store};
use crate::db;
use crate::error::AppError;

impl Store {
    /// The page a slug names, if readers may see it.
    pub async fn page(&self, slug: String) -> Result<Option<Page>, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(db::pages::page(c, &slug)?)).await,
            Store::NukeViet { site, .. } => blocking(site, move |s| s.page(&slug)).await,
        }
    }
}
