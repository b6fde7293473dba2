//! Visit statistics and visits.

use ntm_types::{DailyVisits, Stats, Timestamp};

use super::{blocking, Store};
use crate::db::stats;
use crate::error::AppError;

impl Store {
    /// Online now, visits today, this month and in all.
    pub async fn stats(&self, now: Timestamp) -> Result<Stats, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(stats::stats(c, now)?)).await,
            Store::NukeViet { site, .. } => blocking(site, move |s| s.stats(now)).await,
        }
    }

    /// Notes that `visitor` (a `bot` or not) shows a page, counting a visit
    /// once per 30 minutes; `admit` is asked first about a browser not seen
    /// before (the per-address cap). The figures after.
    pub async fn record_visit(
        &self,
        visitor: String,
        bot: bool,
        now: Timestamp,
        admit: impl FnOnce(&rusqlite::Connection) -> Result<(), AppError> + Send + 'static,
    ) -> Result<Stats, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    if !stats::known_visitor(c, &visitor)? {
                        admit(c)?;
                    }
                    stats::record_visit(c, &visitor, bot, now)?;
                    Ok(stats::stats(c, now)?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                // The side store decides what counts (its browsers table) and
                // keeps the day's count, undone if NukeViet's rows cannot be
                // written.
                side.call(move |c| {
                    if !stats::known_visitor(c, &visitor)? {
                        admit(c)?;
                    }
                    let tx = c.transaction()?;
                    let counted = stats::note_visit(&tx, &visitor, bot, now)?;
                    site.record_visit(&visitor, bot, counted, now)?;
                    tx.commit()?;
                    Ok(site.stats(now)?)
                })
                .await
            }
        }
    }

    /// Visits on each of the `days` days up to today, oldest first.
    pub async fn daily(&self, now: Timestamp, days: u32) -> Result<Vec<DailyVisits>, AppError> {
        match self {
            Store::Own(db) => db.call(move |c| Ok(stats::daily(c, now, days)?)).await,
            Store::NukeViet { site, side } => {
                // This month's days from NukeViet's counter (visits to the
                // old site too, if it still runs), earlier ones from the
                // side store's history, kept since this front end went live.
                let this_month = blocking(site, move |s| s.days_this_month(now)).await?;
                let mut all = side.call(move |c| Ok(stats::daily(c, now, days)?)).await?;
                for day in &mut all {
                    if let Some(counted) = this_month.iter().find(|d| d.date == day.date) {
                        day.visits = counted.visits;
                    }
                }
                Ok(all)
            }
        }
    }
}
