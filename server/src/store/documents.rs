//! Issued documents and their attachments.

use ntm_types::datetime::day_key;
use ntm_types::{Document, DocumentFacets, DocumentSummary, Timestamp};

use super::{blocking, Store};
use crate::db;
use crate::db::documents::Filter;
use crate::error::AppError;
pub use crate::nukeviet::laws::FileSource;

impl Store {
    /// `limit` documents from `offset` that pass `filter`, newest first, with
    /// the number of all; `now` decides which are in force.
    pub async fn documents(
        &self,
        filter: Filter,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<(Vec<DocumentSummary>, u32), AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::documents::search(
                        c,
                        &filter,
                        &day_key(now),
                        limit,
                        offset,
                    )?)
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.documents(&filter, limit, offset, now)).await
            }
        }
    }

    /// The values each documents filter can take.
    pub async fn document_facets(&self) -> Result<DocumentFacets, AppError> {
        match self {
            Store::Own(db) => db.call(|c| Ok(db::documents::facets(c)?)).await,
            Store::NukeViet { site, .. } => blocking(site, |s| s.document_facets()).await,
        }
    }

    /// The document a slug names, if readers may see it; a reader's visit
    /// counts a view.
    pub async fn document(
        &self,
        slug: String,
        now: Timestamp,
    ) -> Result<Option<Document>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::documents::document(c, &slug, &day_key(now))?))
                    .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.document(&slug, now, true)).await
            }
        }
    }

    /// Attachment `name` of document `slug`: its bytes and media type, or
    /// where they are; counts the download.
    pub async fn document_file(
        &self,
        slug: String,
        name: String,
    ) -> Result<Option<Sendable>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::documents::file(c, &slug, &name)?
                        .map(|(bytes, media_type)| Sendable::Bytes(bytes, media_type)))
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.document_file(&slug, &name)?.map(Sendable::At))
                })
                .await
            }
        }
    }
}

/// An attachment to send.
pub enum Sendable {
    /// Its bytes and media type, from the database.
    Bytes(Vec<u8>, String),
    /// A file on disk or on another site.
    At(FileSource),
}
