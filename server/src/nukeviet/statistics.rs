//! Visit statistics where NukeViet keeps them (docs/nukeviet-schema-notes.md,
//! section 6): the counter table's rows by year, month, day of month, day of
//! week and hour, and its total, in Vietnam time; who is online from
//! `super::online`.
//!
//! NukeViet zeroes the rows of a period when the first visit of the next one
//! comes: until then a row holds the last period's count, so the time of the
//! last visit (`c_time`/`last`) says which rows are current.

use mysql::prelude::Queryable;
use mysql::PooledConn;
use ntm_types::datetime::LocalDateTime;
use ntm_types::{DailyVisits, Stats, Timestamp};

use super::online::Online;
use super::schema::Tables;
use super::Site;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// The counter rows (type, value) of the periods holding `t`.
fn periods(t: &LocalDateTime) -> [(&'static str, String); 5] {
    [
        ("year", t.year.to_string()),
        (
            "month",
            MONTHS[(t.month as usize).saturating_sub(1).min(11)].to_owned(),
        ),
        ("day", format!("{:02}", t.day)),
        (
            "dayofweek",
            WEEKDAYS[(t.weekday as usize).min(6)].to_owned(),
        ),
        ("hour", format!("{:02}", t.hour)),
    ]
}

impl Site {
    /// See [`stats`].
    pub fn stats(&self, now: Timestamp) -> mysql::Result<Stats> {
        stats(&mut self.conn()?, self.tables(), &self.online, now)
    }

    /// Notes that `browser` (a visitor id) shows a page: its row in the
    /// sessions table (`super::online`), and the counter (see [`record_visit`]).
    pub fn record_visit(
        &self,
        browser: &str,
        bot: bool,
        counted: bool,
        now: Timestamp,
    ) -> mysql::Result<()> {
        let conn = &mut self.conn()?;
        if self.tables().online_upd {
            let session = format!("ntm:{browser}");
            self.online.note(conn, self.tables(), &session, bot, now)?;
        }
        record_visit(conn, self.tables(), counted, now)
    }

    /// See [`days_this_month`].
    pub fn days_this_month(&self, now: Timestamp) -> mysql::Result<Vec<DailyVisits>> {
        days_this_month(&mut self.conn()?, self.tables(), now)
    }
}

/// The time of the last visit counted (NukeViet keeps it in `c_count`).
fn last_visit(conn: &mut PooledConn, tables: &Tables) -> mysql::Result<Option<Timestamp>> {
    conn.query_first(format!(
        "SELECT c_count FROM {} WHERE c_type = 'c_time' AND c_val = 'last'",
        tables.counter
    ))
}

/// The figures NukeViet's counter block shows: online now (bots apart),
/// visits today, this month and in all.
pub fn stats(
    conn: &mut PooledConn,
    tables: &Tables,
    online: &Online,
    now: Timestamp,
) -> mysql::Result<Stats> {
    let (online, bots) = online.count(conn, tables, now)?;
    let t = LocalDateTime::from_timestamp(now);
    let [_, (_, month), (_, day), ..] = periods(&t);
    let rows: Vec<(String, u64)> = conn.exec(
        format!(
            "SELECT c_type, c_count FROM {} WHERE (c_type = 'total' AND c_val = 'hits') \
             OR (c_type = 'month' AND c_val = ?) OR (c_type = 'day' AND c_val = ?)",
            tables.counter
        ),
        (month, day),
    )?;
    let count = |kind: &str| rows.iter().find(|(k, _)| k == kind).map_or(0, |(_, n)| *n);
    // Rows of a period that has passed since the last visit hold that
    // period's count: today has none yet.
    let last = last_visit(conn, tables)?.map(LocalDateTime::from_timestamp);
    let same_month = last
        .as_ref()
        .is_some_and(|l| (l.year, l.month) == (t.year, t.month));
    let same_day = same_month && last.as_ref().is_some_and(|l| l.day == t.day);
    Ok(Stats {
        online,
        bots,
        guests: online.saturating_sub(bots),
        today: if same_day { count("day") } else { 0 },
        month: if same_month { count("month") } else { 0 },
        total: count("total"),
    })
}

/// When the visit is `counted` (not a bot, not counted in the last 30
/// minutes), one more in the counter rows of now, the rows of periods begun
/// since the last visit zeroed first, as NukeViet does.
pub fn record_visit(
    conn: &mut PooledConn,
    tables: &Tables,
    counted: bool,
    now: Timestamp,
) -> mysql::Result<()> {
    if !counted || !tables.statistic {
        return Ok(());
    }
    let counter = &tables.counter;
    let lang = &tables.lang_count;
    let t = LocalDateTime::from_timestamp(now);
    if let Some(last) = last_visit(conn, tables)?.map(LocalDateTime::from_timestamp) {
        let zeroed: &[&str] = if last.year != t.year {
            conn.exec_drop(
                format!(
                    "INSERT IGNORE INTO {counter} (c_type, c_val, last_update, c_count, {lang}) \
                     VALUES ('year', ?, 0, 0, 0)"
                ),
                (t.year.to_string(),),
            )?;
            &["month", "day", "hour"]
        } else if last.month != t.month {
            &["day", "hour"]
        } else if last.day != t.day {
            &["hour"]
        } else {
            &[]
        };
        if !zeroed.is_empty() {
            let list = zeroed
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(",");
            conn.query_drop(format!(
                "UPDATE {counter} SET c_count = 0, {lang} = 0 WHERE c_type IN ({list})"
            ))?;
        }
    }
    let mut matched = vec!["(c_type = 'total' AND c_val = 'hits')".to_owned()];
    let mut params: Vec<mysql::Value> = vec![now.into()];
    for (kind, value) in periods(&t) {
        matched.push(format!("(c_type = '{kind}' AND c_val = ?)"));
        params.push(value.into());
    }
    // One statement for every row, as NukeViet's; a row a site lacks is
    // not counted, as there.
    conn.exec_drop(
        format!(
            "UPDATE {counter} SET last_update = ?, c_count = c_count + 1, {lang} = {lang} + 1 \
             WHERE {}",
            matched.join(" OR ")
        ),
        params,
    )?;
    conn.exec_drop(
        format!("UPDATE {counter} SET c_count = ? WHERE c_type = 'c_time' AND c_val = 'last'"),
        (now,),
    )
}

/// Visits on each day of this month up to today, from the counter's day
/// rows (which hold this month's days only).
pub fn days_this_month(
    conn: &mut PooledConn,
    tables: &Tables,
    now: Timestamp,
) -> mysql::Result<Vec<DailyVisits>> {
    let t = LocalDateTime::from_timestamp(now);
    let last = last_visit(conn, tables)?.map(LocalDateTime::from_timestamp);
    let Some(last) = last.filter(|l| (l.year, l.month) == (t.year, t.month)) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(String, u64)> = conn.query(format!(
        "SELECT c_val, c_count FROM {} WHERE c_type = 'day'",
        tables.counter
    ))?;
    Ok((1..=t.day)
        .map(|day| DailyVisits {
            date: format!("{:04}-{:02}-{day:02}", t.year, t.month),
            // Days after the last visit have had none.
            visits: if day > last.day {
                0
            } else {
                rows.iter()
                    .find(|(d, _)| d.parse() == Ok(day))
                    .map_or(0, |(_, n)| *n)
            },
        })
        .collect())
}
