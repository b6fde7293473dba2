//! How ratings read in Vietnamese, shared so the backend's tests and the front
//! end agree to the letter.

use crate::number::group_digits;

/// The label of each star, 1 to 5, as NukeViet users know them.
pub const STAR_LABELS: [&str; 5] = [
    "Bài viết rất kém",
    "Bài viết kém",
    "Bài viết đạt",
    "Bài viết tốt",
    "Bài viết rất tốt",
];

/// "Tổng số điểm của bài viết là: X trong Y đánh giá" (X the sum of the
/// points), the numbers grouped the Vietnamese way.
pub fn totals_line(total: u32, count: u32) -> String {
    format!(
        "Tổng số điểm của bài viết là: {} trong {} đánh giá",
        group_digits(total.into()),
        group_digits(count.into())
    )
}

/// "Xếp hạng: 4,2 - 12 phiếu bầu", or nothing before the first rating. The
/// average is rounded to one decimal in integers, with a decimal comma.
pub fn average_line(total: u32, count: u32) -> Option<String> {
    if count == 0 {
        return None;
    }
    let tenths = (u64::from(total) * 10 + u64::from(count) / 2) / u64::from(count);
    Some(format!(
        "Xếp hạng: {},{} - {} phiếu bầu",
        group_digits(tenths / 10),
        group_digits(tenths % 10),
        group_digits(count.into())
    ))
}

/// The label of `points` (1 to 5), or "" for anything else.
pub fn star_label(points: u8) -> &'static str {
    match points {
        1..=5 => STAR_LABELS[usize::from(points) - 1],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(
            totals_line(0, 0),
            "Tổng số điểm của bài viết là: 0 trong 0 đánh giá"
        );
        assert_eq!(average_line(0, 0), None);
        assert_eq!(
            average_line(50, 12).unwrap(),
            "Xếp hạng: 4,2 - 12 phiếu bầu"
        );
        assert_eq!(average_line(5, 1).unwrap(), "Xếp hạng: 5,0 - 1 phiếu bầu");
        // 7 / 3 = 2.333… → 2,3; 5 / 3 = 1.666… → 1,7; 3 / 2 = 1.5 → 1,5
        assert_eq!(average_line(7, 3).unwrap(), "Xếp hạng: 2,3 - 3 phiếu bầu");
        assert_eq!(average_line(5, 3).unwrap(), "Xếp hạng: 1,7 - 3 phiếu bầu");
        assert_eq!(average_line(3, 2).unwrap(), "Xếp hạng: 1,5 - 2 phiếu bầu");
        assert_eq!(
            average_line(u32::MAX, u32::MAX).unwrap(),
            "Xếp hạng: 1,0 - 4.294.967.295 phiếu bầu"
        );
        assert_eq!(
            totals_line(44_999_996, 9_999_999),
            "Tổng số điểm của bài viết là: 44.999.996 trong 9.999.999 đánh giá"
        );
    }

    #[test]
    fn labels() {
        assert_eq!(star_label(1), "Bài viết rất kém");
        assert_eq!(star_label(5), "Bài viết rất tốt");
        assert_eq!(star_label(0), "");
        assert_eq!(star_label(6), "");
    }
}
