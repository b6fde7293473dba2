//! Dates as Vietnamese readers expect them, always in Vietnam's time.
//!
//! Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a fixed
//! offset is exact and the reader's own time zone never matters. The civil-date
//! arithmetic is a few lines of integer maths; a date crate would cost the wasm
//! build more bytes than it saves here.

use crate::Timestamp;

/// Offset of Asia/Ho_Chi_Minh from UTC, in seconds.
pub const VN_OFFSET_SECS: i64 = 7 * 3600;

const WEEKDAYS: [&str; 7] = [
    "Chủ nhật",
    "Thứ hai",
    "Thứ ba",
    "Thứ tư",
    "Thứ năm",
    "Thứ sáu",
    "Thứ bảy",
];

/// A moment broken down in Vietnam's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// 0 = Sunday … 6 = Saturday.
    pub weekday: u32,
}

impl LocalDateTime {
    pub fn from_timestamp(ts: Timestamp) -> Self {
        // Saturating: a timestamp from the backend may be anything an i64 holds.
        let local = ts.saturating_add(VN_OFFSET_SECS);
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        LocalDateTime {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7) as u32,
        }
    }

    pub fn weekday_name(&self) -> &'static str {
        WEEKDAYS[self.weekday as usize]
    }
}

/// `Chủ nhật - 17/01/2021 08:01`, the article date line.
pub fn format_datetime(ts: Timestamp) -> String {
    let t = LocalDateTime::from_timestamp(ts);
    format!(
        "{} - {:02}/{:02}/{:04} {:02}:{:02}",
        t.weekday_name(),
        t.day,
        t.month,
        t.year,
        t.hour,
        t.minute
    )
}

/// `17/01/2021`, the date beside an item of a news list.
pub fn format_date(ts: Timestamp) -> String {
    let t = LocalDateTime::from_timestamp(ts);
    format!("{:02}/{:02}/{:04}", t.day, t.month, t.year)
}

/// `2021-01-17T08:01:00+07:00`, for the `datetime` attribute of `<time>`.
pub fn format_iso(ts: Timestamp) -> String {
    let t = LocalDateTime::from_timestamp(ts);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00+07:00",
        t.year, t.month, t.day, t.hour, t.minute
    )
}

/// `2021-01-17`: the day `ts` falls on in Vietnam, as a sortable key.
pub fn day_key(ts: Timestamp) -> String {
    let t = LocalDateTime::from_timestamp(ts);
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

/// A calendar date written `YYYY-MM-DD`, as (year, month, day); `None` for
/// anything else.
pub fn parse_day(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// `20/05/2024` from a calendar date `2024-05-20`; anything else unchanged.
pub fn format_day(date: &str) -> String {
    match parse_day(date) {
        Some((y, m, d)) => format!("{d:02}/{m:02}/{y:04}"),
        None => date.to_owned(),
    }
}

/// `20/05` from a calendar date `2024-05-20` (a chart's day); anything else
/// unchanged.
pub fn format_day_month(date: &str) -> String {
    match parse_day(date) {
        Some((_, m, d)) => format!("{d:02}/{m:02}"),
        None => date.to_owned(),
    }
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day, hour, minute) in Vietnam's time to a timestamp; the inverse
/// of [`LocalDateTime::from_timestamp`]. Used to write demo content and tests.
pub fn timestamp_vn(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Timestamp {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 - VN_OFFSET_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_date_line() {
        // 17/01/2021 08:01 in Hà Nội is 01:01 UTC.
        assert_eq!(
            format_datetime(1_610_845_260),
            "Chủ nhật - 17/01/2021 08:01"
        );
        assert_eq!(format_date(1_610_845_260), "17/01/2021");
        assert_eq!(format_iso(1_610_845_260), "2021-01-17T08:01:00+07:00");
    }

    #[test]
    fn every_weekday_name() {
        // Monday 18/01/2021 00:00 in Vietnam, then one day at a time.
        let monday = timestamp_vn(2021, 1, 18, 0, 0);
        let names: Vec<String> = (0..7)
            .map(|d| format_datetime(monday + d * 86_400))
            .collect();
        assert_eq!(
            names,
            [
                "Thứ hai - 18/01/2021 00:00",
                "Thứ ba - 19/01/2021 00:00",
                "Thứ tư - 20/01/2021 00:00",
                "Thứ năm - 21/01/2021 00:00",
                "Thứ sáu - 22/01/2021 00:00",
                "Thứ bảy - 23/01/2021 00:00",
                "Chủ nhật - 24/01/2021 00:00",
            ]
        );
    }

    #[test]
    fn midnight_is_in_vietnam_not_utc() {
        // 16:59 UTC is 23:59 in Vietnam; one minute later is the next day there.
        let before = timestamp_vn(2021, 1, 16, 23, 59);
        assert_eq!(format_datetime(before), "Thứ bảy - 16/01/2021 23:59");
        assert_eq!(format_datetime(before + 60), "Chủ nhật - 17/01/2021 00:00");
        // 17:00 UTC on the 16th is already the 17th in Vietnam.
        assert_eq!(before + 60, 1_610_816_400);
    }

    #[test]
    fn year_boundaries() {
        let eve = timestamp_vn(2020, 12, 31, 23, 59);
        assert_eq!(format_datetime(eve), "Thứ năm - 31/12/2020 23:59");
        assert_eq!(format_datetime(eve + 60), "Thứ sáu - 01/01/2021 00:00");
        // 31/12/2023 17:30 UTC is New Year's Day 2024 in Vietnam.
        assert_eq!(format_date(1_704_043_800), "01/01/2024");
    }

    #[test]
    fn leap_days() {
        assert_eq!(format_date(timestamp_vn(2024, 2, 29, 12, 0)), "29/02/2024");
        assert_eq!(
            format_date(timestamp_vn(2024, 2, 29, 12, 0) + 86_400),
            "01/03/2024"
        );
        assert_eq!(
            format_date(timestamp_vn(2100, 2, 28, 12, 0) + 86_400),
            "01/03/2100"
        );
        assert_eq!(
            format_date(timestamp_vn(2000, 2, 28, 12, 0) + 86_400),
            "29/02/2000"
        );
    }

    #[test]
    fn day_keys_follow_vietnam_midnight() {
        let eve = timestamp_vn(2020, 12, 31, 23, 59);
        assert_eq!(day_key(eve), "2020-12-31");
        assert_eq!(day_key(eve + 60), "2021-01-01");
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(format_day("2024-05-20"), "20/05/2024");
        assert_eq!(format_day("2024-5-2"), "2024-5-2");
        assert_eq!(format_day(""), "");
        assert_eq!(format_day_month("2024-05-20"), "20/05");
        for odd in [
            "2024-05-20T00:00",
            "2024-13-01",
            "+024-05-20",
            "2024-05-2x",
            "2024-05",
            "20240520",
            "ngày 20",
        ] {
            assert_eq!(parse_day(odd), None, "{odd}");
            assert_eq!(format_day(odd), odd);
            assert_eq!(format_day_month(odd), odd);
        }
    }

    #[test]
    fn before_the_epoch() {
        assert_eq!(format_datetime(0), "Thứ năm - 01/01/1970 07:00");
        assert_eq!(format_datetime(-7 * 3600 - 60), "Thứ tư - 31/12/1969 23:59");
    }

    #[test]
    fn any_timestamp_formats() {
        for ts in [i64::MIN, i64::MIN + 1, -1, i64::MAX - 1, i64::MAX] {
            assert!(!format_datetime(ts).is_empty());
            assert!(!format_date(ts).is_empty());
            assert!(!format_iso(ts).is_empty());
        }
    }

    #[test]
    fn round_trip_over_decades() {
        let mut ts = timestamp_vn(1969, 3, 1, 5, 7);
        while ts < timestamp_vn(2101, 1, 1, 0, 0) {
            let t = LocalDateTime::from_timestamp(ts);
            assert_eq!(timestamp_vn(t.year, t.month, t.day, t.hour, t.minute), ts);
            ts += 86_400 * 13 + 3_607 * 60;
        }
    }
}
