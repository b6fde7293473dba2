//! `page` and `per_page` of the list endpoints.

use ntm_types::{DEFAULT_PER_PAGE, MAX_PER_PAGE};

use crate::error::AppError;

/// A valid page of a list: 1-based, 1 to 50 items.
#[derive(Clone, Copy, Debug)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

fn parse_bounded(
    value: Option<&str>,
    refusal: &str,
    default: u32,
    max: u32,
) -> Result<u32, AppError> {
    match value {
        None => Ok(default),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| AppError::bad_request(refusal)),
    }
}

impl Paging {
    /// From the raw query values; absent ones take the defaults (page 1, 10 items).
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Paging, AppError> {
        Ok(Paging {
            page: parse_bounded(page, "Số trang không hợp lệ.", 1, u32::MAX / MAX_PER_PAGE)?,
            per_page: parse_bounded(
                per_page,
                "Số mục mỗi trang phải từ 1 đến 50.",
                DEFAULT_PER_PAGE,
                MAX_PER_PAGE,
            )?,
        })
    }

    /// Items before this page.
    pub fn offset(self) -> u32 {
        (self.page - 1) * self.per_page
    }

    /// Pages needed for `total` items.
    pub fn pages(self, total: u32) -> u32 {
        total.div_ceil(self.per_page)
    }
}
