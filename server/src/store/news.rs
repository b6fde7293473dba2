//! News: categories, lists, search, articles and their ratings.

use ntm_types::{Article, ArticleSummary, Category, RatingState, Timestamp};

use super::{blocking, NewsPage, Store};
use crate::db::{self, RateOutcome};
use crate::error::AppError;

impl Store {
    /// Every category, in the site's order.
    pub async fn categories(&self) -> Result<Vec<Category>, AppError> {
        match self {
            Store::Own(db) => db.call(|c| Ok(db::categories(c)?)).await,
            Store::NukeViet { site, .. } => {
                blocking(site, |s| {
                    Ok(s.categories()?.into_iter().map(|(_, c)| c).collect())
                })
                .await
            }
        }
    }

    /// `limit` articles from `offset`, newest first, of the category named by
    /// its slug when given; `None` when there is no such category.
    pub async fn news_page(
        &self,
        category: Option<String>,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<Option<NewsPage>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    let category = match category {
                        None => None,
                        Some(slug) => match db::category(c, &slug)? {
                            Some(found) => Some(found),
                            None => return Ok(None),
                        },
                    };
                    let (items, total) = db::article_summaries(
                        c,
                        category.as_ref().map(|(id, _)| *id),
                        limit,
                        offset,
                    )?;
                    Ok(Some(NewsPage {
                        items,
                        total,
                        category: category.map(|(_, c)| c),
                    }))
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| {
                    Ok(s.article_page(category.as_deref(), limit, offset, now)?
                        .map(|(items, total, category)| NewsPage {
                            items,
                            total,
                            category,
                        }))
                })
                .await
            }
        }
    }

    /// `limit` articles from `offset`, newest first, that hold every word of
    /// `text` (diacritics and case ignored), with the number of all.
    pub async fn search(
        &self,
        text: String,
        limit: u32,
        offset: u32,
        now: Timestamp,
    ) -> Result<(Vec<ArticleSummary>, u32), AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::search_articles(c, &text, limit, offset)?))
                    .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.search(&text, limit, offset, now)).await
            }
        }
    }

    /// The article a slug names, if readers may see it; a reader's visit
    /// (`counted`) counts a view, a first view's does not.
    pub async fn article(
        &self,
        slug: String,
        now: Timestamp,
        counted: bool,
    ) -> Result<Option<Article>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(if counted {
                        db::article(c, &slug)?
                    } else {
                        db::article_uncounted(c, &slug)?
                    })
                })
                .await
            }
            Store::NukeViet { site, .. } => {
                blocking(site, move |s| s.article(&slug, now, counted)).await
            }
        }
    }

    /// An article's rating as `visitor` sees it; `None` when readers cannot
    /// see the article.
    pub async fn rating_state(
        &self,
        slug: String,
        visitor: Option<String>,
        now: Timestamp,
    ) -> Result<Option<RatingState>, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| Ok(db::rating_state(c, &slug, visitor.as_deref())?))
                    .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                side.call(move |c| {
                    let Some(target) = site.rating_target(&slug, now)? else {
                        return Ok(None);
                    };
                    let mine = db::nukeviet_side::my_rating(c, target.id, visitor.as_deref())?;
                    Ok(Some(RatingState {
                        enabled: target.totals.enabled,
                        total: target.totals.total,
                        count: target.totals.count,
                        mine,
                    }))
                })
                .await
            }
        }
    }

    /// `visitor` (at `ip`) rates an article `points`: at most once, and at
    /// most `per_ip_per_day` times a day from one address.
    #[allow(clippy::too_many_arguments)]
    pub async fn rate(
        &self,
        slug: String,
        visitor: String,
        ip: String,
        points: u8,
        now: Timestamp,
        per_ip_per_day: u32,
    ) -> Result<RateOutcome, AppError> {
        match self {
            Store::Own(db) => {
                db.call(move |c| {
                    Ok(db::rate(
                        c,
                        &slug,
                        &visitor,
                        &ip,
                        points,
                        now,
                        per_ip_per_day,
                    )?)
                })
                .await
            }
            Store::NukeViet { site, side } => {
                let site = site.clone();
                // Under the side store's lock, so two ratings of one visitor
                // cannot both pass; recorded there only once NukeViet has
                // counted it (a failure there leaves no record).
                side.call(move |c| {
                    let Some(target) = site.rating_target(&slug, now)? else {
                        return Ok(RateOutcome::NotFound);
                    };
                    if !target.totals.enabled {
                        return Ok(RateOutcome::Disabled);
                    }
                    let tx =
                        c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                    if let Some(refused) = db::record_rating(
                        &tx,
                        db::nukeviet_side::RATINGS,
                        target.id.into(),
                        &visitor,
                        &ip,
                        points,
                        now,
                        per_ip_per_day,
                    )? {
                        return Ok(refused);
                    }
                    let totals = site.add_rating(&target, points)?;
                    tx.commit()?;
                    Ok(RateOutcome::Rated(RatingState {
                        enabled: totals.enabled,
                        total: totals.total,
                        count: totals.count,
                        mine: Some(points),
                    }))
                })
                .await
            }
        }
    }
}
