//! Visitor statistics: one hit per browser per 30 minutes, "online" is the
//! browsers seen in the last 5 minutes, daily counts kept for good.

use ntm_types::datetime::{day_key, LocalDateTime};
use ntm_types::{DailyVisits, Stats};
use rusqlite::{params, Connection, OptionalExtension};

/// A browser counts once per this many seconds.
pub const HIT_WINDOW: i64 = 30 * 60;
/// A browser seen this recently is online.
pub const ONLINE_WINDOW: i64 = 5 * 60;
/// A browser not seen for this long is forgotten, so the table of browsers
/// stays the size of a day's audience. Both windows above are far shorter; a
/// forgotten browser that comes back counts as new to the per-address cap.
pub const FORGET_AFTER: i64 = 24 * 60 * 60;

/// Search-engine and other crawlers, by what their User-Agent says of them.
pub fn is_bot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    [
        "bot",
        "crawl",
        "spider",
        "slurp",
        "mediapartners",
        "facebookexternalhit",
    ]
    .iter()
    .any(|word| ua.contains(word))
}

/// Whether `visitor` has been seen (and not yet forgotten).
pub fn known_visitor(conn: &Connection, visitor: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM visitors WHERE visitor = ?1)",
        [visitor],
        |r| r.get(0),
    )
}

/// Notes that `visitor` shows a page now; counts a hit when the browser has
/// not been counted in the last 30 minutes. Bots are seen but never counted.
/// A new browser's arrival also forgets those not seen for [`FORGET_AFTER`].
pub fn record_visit(
    conn: &mut Connection,
    visitor: &str,
    bot: bool,
    now: i64,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    note_visit(&tx, visitor, bot, now)?;
    tx.commit()
}

/// [`record_visit`] in the caller's transaction; whether the hit was counted.
pub fn note_visit(conn: &Connection, visitor: &str, bot: bool, now: i64) -> rusqlite::Result<bool> {
    let swept_to = sweep(conn, now)?.swept_to;
    let before: Option<(i64, i64, bool)> = conn
        .query_row(
            "SELECT last_seen, last_hit, is_bot FROM visitors WHERE visitor = ?1",
            [visitor],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let counts = !bot && before.is_none_or(|(_, last_hit, _)| now - last_hit >= HIT_WINDOW);
    conn.execute(
        "INSERT INTO visitors (visitor, is_bot, last_seen, last_hit) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (visitor) DO UPDATE SET
           is_bot = excluded.is_bot, last_seen = excluded.last_seen,
           last_hit = CASE WHEN ?5 THEN excluded.last_hit ELSE visitors.last_hit END",
        params![visitor, bot, now, if counts { now } else { 0 }, counts],
    )?;
    // The running count of online browsers, for this row: out with what it
    // was, in with what it is.
    let online_from = swept_to - ONLINE_WINDOW;
    let was = before.filter(|(seen, _, _)| *seen > online_from);
    let is = now > online_from;
    let visitors = i64::from(is) - i64::from(was.is_some());
    let bots = i64::from(is && bot) - i64::from(was.is_some_and(|(_, _, b)| b));
    if visitors != 0 || bots != 0 {
        conn.execute(
            "UPDATE online SET visitors = visitors + ?1, bots = bots + ?2",
            params![visitors, bots],
        )?;
    }
    if counts {
        add_visits(conn, &day_key(now), 1)?;
    }
    Ok(counts)
}

/// Moves the running count of online browsers on to `now`: takes away the
/// browsers whose last sight left the window since the last sweep (each
/// browser once, so a visit's share of the work stays small), and forgets
/// those not seen for [`FORGET_AFTER`].
pub fn sweep(conn: &Connection, now: i64) -> rusqlite::Result<Swept> {
    let swept_to: i64 = conn.query_row("SELECT swept_to FROM online", [], |r| r.get(0))?;
    if now <= swept_to {
        return Ok(Swept {
            forgotten: 0,
            swept_to,
        });
    }
    let (left, bots): (i64, i64) = left_since(conn, swept_to, now)?;
    conn.execute(
        "UPDATE online SET visitors = visitors - ?1, bots = bots - ?2, swept_to = ?3",
        params![left, bots, now],
    )?;
    let forgotten = conn.execute(
        "DELETE FROM visitors WHERE last_seen <= ?1",
        [now - FORGET_AFTER],
    )?;
    Ok(Swept {
        forgotten,
        swept_to: now,
    })
}

/// What a sweep did: browsers forgotten, and the time the count is now at.
pub struct Swept {
    pub forgotten: usize,
    pub swept_to: i64,
}

/// Browsers (and bots among them) last seen in the window at `from` but no
/// longer at `to`.
fn left_since(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<(i64, i64)> {
    conn.prepare_cached(
        "SELECT COUNT(*), COALESCE(SUM(is_bot), 0) FROM visitors
         WHERE last_seen > ?1 AND last_seen <= ?2",
    )?
    .query_row(params![from - ONLINE_WINDOW, to - ONLINE_WINDOW], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

pub fn add_visits(conn: &Connection, day: &str, n: u64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO daily_visits (day, visits) VALUES (?1, ?2)
         ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits",
        params![day, n],
    )
    .map(drop)
}

pub fn stats(conn: &Connection, now: i64) -> rusqlite::Result<Stats> {
    // The running count, less those gone since the last sweep: a read that
    // costs the same at any audience, and writes nothing.
    let (counted, counted_bots, swept_to): (i64, i64, i64) =
        conn.query_row("SELECT visitors, bots, swept_to FROM online", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let (left, left_bots) = if now > swept_to {
        left_since(conn, swept_to, now)?
    } else {
        (0, 0)
    };
    let online = u32::try_from(counted - left).unwrap_or(0);
    let bots = u32::try_from(counted_bots - left_bots)
        .unwrap_or(0)
        .min(online);
    let today = day_key(now);
    let sum = |sql: &str, arg: &str| -> rusqlite::Result<u64> {
        conn.query_row(sql, [arg], |r| r.get::<_, Option<u64>>(0))
            .map(Option::unwrap_or_default)
    };
    let t = LocalDateTime::from_timestamp(now);
    let month_prefix = format!("{:04}-{:02}-%", t.year, t.month);
    Ok(Stats {
        online,
        bots,
        guests: online - bots,
        today: sum(
            "SELECT COALESCE((SELECT visits FROM daily_visits WHERE day = ?1), 0)",
            &today,
        )?,
        month: sum(
            "SELECT SUM(visits) FROM daily_visits WHERE day LIKE ?1",
            &month_prefix,
        )?,
        total: sum(
            "SELECT COALESCE(SUM(visits), 0)
                    + (SELECT COALESCE(SUM(value), 0) FROM counters WHERE name = ?1)
             FROM daily_visits",
            "visits_before_daily",
        )?,
    })
}

/// Visits on each of the `days` days up to today, oldest first, zeros included.
pub fn daily(conn: &Connection, now: i64, days: u32) -> rusqlite::Result<Vec<DailyVisits>> {
    let mut stmt = conn.prepare_cached("SELECT visits FROM daily_visits WHERE day = ?1")?;
    (0..i64::from(days))
        .rev()
        .map(|ago| {
            let date = day_key(now - ago * 86_400);
            let visits: Option<u64> = stmt.query_row([&date], |r| r.get(0)).optional()?;
            Ok(DailyVisits {
                date,
                visits: visits.unwrap_or_default(),
            })
        })
        .collect()
}

/// Demo history, so a first start does not show zeros: about 20 000 visits a
/// day for the past 400 days, part of today, and the years before as one sum.
pub fn seed_history(conn: &mut Connection, now: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for ago in 1..=400i64 {
        // A fixed wobble, so the chart has shape and runs are reproducible.
        let wobble = (ago * 7919 % 4001) as u64;
        let weekend = matches!(
            LocalDateTime::from_timestamp(now - ago * 86_400).weekday,
            0 | 6
        );
        let visits = 18_500 + wobble - if weekend { 3_500 } else { 0 };
        add_visits(&tx, &day_key(now - ago * 86_400), visits)?;
    }
    let t = LocalDateTime::from_timestamp(now);
    add_visits(&tx, &day_key(now), u64::from(t.hour * 900 + t.minute * 15))?;
    tx.execute(
        "INSERT OR REPLACE INTO counters (name, value) VALUES ('visits_before_daily', ?1)",
        [82_000_000i64],
    )?;
    tx.commit()
}

/// Visit counts to start from: `before_daily` counted before daily counts
/// were kept, and `per_day` on each of the last 400 days, today included.
pub fn seed_counts(
    conn: &mut Connection,
    now: i64,
    before_daily: u64,
    per_day: u64,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    for ago in 0..400i64 {
        add_visits(&tx, &day_key(now - ago * 86_400), per_day)?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO counters (name, value) VALUES ('visits_before_daily', ?1)",
        [i64::try_from(before_daily).unwrap_or(i64::MAX)],
    )?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The running count agrees with counting the rows, through visits of
    /// browsers and bots, a browser turning out a bot, time standing still,
    /// moving on by up to 7 minutes, now and then a day, and stepping back.
    #[test]
    fn the_running_online_count_is_the_count_of_rows() {
        let db = crate::Db::open_empty_in_memory().unwrap();
        db.with(|conn| {
            let mut now = 1_750_000_000i64;
            let (mut latest, mut compared) = (now, 0);
            let mut seed = 42u64;
            let mut next = |n: u64| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                (seed >> 33) % n
            };
            for step in 0..4000 {
                let visitor = format!("{:032x}", next(60));
                let bot = next(5) == 0;
                record_visit(conn, &visitor, bot, now).unwrap();
                now += match next(100) {
                    0 => 86_400,
                    1 => -30,
                    n => i64::try_from(n).unwrap() * 4 % 420,
                };
                let (online, bots): (u32, u32) = conn
                    .query_row(
                        "SELECT COUNT(*), COALESCE(SUM(is_bot), 0) FROM visitors WHERE last_seen > ?1",
                        [now - ONLINE_WINDOW],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                let s = stats(conn, now).unwrap();
                // A clock set back counts from the latest time it showed
                // until it catches up: compared when it has.
                latest = latest.max(now);
                if now == latest {
                    assert_eq!((s.online, s.bots), (online, bots), "step {step}");
                    compared += 1;
                }
            }
            assert!(compared > 3000, "{compared}");
        });
    }

    #[test]
    fn bots_by_user_agent() {
        for ua in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; YandexBot/3.0)",
            "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
            "Mozilla/5.0 (compatible; Baiduspider/2.0)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "facebookexternalhit/1.1",
        ] {
            assert!(is_bot(ua), "{ua}");
        }
        for ua in [
            "Mozilla/5.0 (Linux; Android 10; SM-A105F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0 Chrome/111.0 Safari/537.36",
            "",
        ] {
            assert!(!is_bot(ua), "{ua}");
        }
    }
}
