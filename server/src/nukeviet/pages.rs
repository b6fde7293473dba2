//! The pages for foreign readers: those of the English side's page module
//! ("about"), each by its alias, the ones switched on, in the editors'
//! order.

use mysql::prelude::Queryable;
use mysql::PooledConn;
use ntm_types::{Page, PageLink};

use super::news::plain;
use super::schema::Tables;
use super::{get, Site};
use crate::sanitize::clean_html;
use crate::text::decode_entities;

/// The language of the pages read here.
const LANG: &str = "en";

impl Site {
    /// The page whose alias is `slug`, when it is switched on.
    pub fn page(&self, slug: &str) -> mysql::Result<Option<Page>> {
        let Some(table) = &self.tables().english_pages else {
            return Ok(None);
        };
        let row: Option<mysql::Row> = self.conn()?.exec_first(
            format!(
                "SELECT alias, title, description, bodytext FROM `{table}` \
                 WHERE status = 1 AND alias = ?"
            ),
            (slug,),
        )?;
        row.map(|row| {
            Ok(Page {
                slug: get(&row, 0)?,
                lang: LANG.to_owned(),
                title: decode_entities(&get::<String>(&row, 1)?),
                description: plain(&get::<Option<String>>(&row, 2)?.unwrap_or_default()),
                body_html: clean_html(&get::<String>(&row, 3)?),
            })
        })
        .transpose()
    }
}

/// Every page switched on, as the footer links to them (read on the site
/// information's connection).
pub(super) fn links(conn: &mut PooledConn, tables: &Tables) -> mysql::Result<Vec<PageLink>> {
    let Some(table) = &tables.english_pages else {
        return Ok(Vec::new());
    };
    let rows: Vec<(String, String)> = conn.query(format!(
        "SELECT alias, title FROM `{table}` WHERE status = 1 ORDER BY weight, id"
    ))?;
    Ok(rows
        .into_iter()
        .map(|(slug, title)| PageLink {
            slug,
            title: decode_entities(&title),
            lang: LANG.to_owned(),
        })
        .collect())
}
