//! Poll results as readers see them.

/// Whole-number percentages of `counts` that add up to exactly 100 (largest
/// remainder method), or all zeros when nothing was counted.
pub fn percentages(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut shares: Vec<u32> = counts
        .iter()
        .map(|&c| (u64::from(c) * 100 / total) as u32)
        .collect();
    let mut left = 100 - shares.iter().sum::<u32>();
    // Hand the points left over to the largest remainders, first come first.
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(u64::from(counts[i]) * 100 % total));
    for i in order {
        if left == 0 {
            break;
        }
        shares[i] += 1;
        left -= 1;
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::percentages;

    #[test]
    fn always_add_up_to_100() {
        assert_eq!(percentages(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(percentages(&[2, 1]), [67, 33]);
        assert_eq!(percentages(&[0, 0]), [0, 0]);
        assert_eq!(percentages(&[5]), [100]);
        assert_eq!(percentages(&[]), Vec::<u32>::new());
        assert_eq!(percentages(&[0, 7, 0]), [0, 100, 0]);
        for counts in [
            vec![3, 3, 3, 3, 3, 3, 3],
            vec![1, 2, 3, 4, 5, 6],
            vec![u32::MAX, 1, 1],
            vec![999, 1, 0, 0],
        ] {
            let p = percentages(&counts);
            assert_eq!(p.iter().sum::<u32>(), 100, "{counts:?} → {p:?}");
        }
    }
}
