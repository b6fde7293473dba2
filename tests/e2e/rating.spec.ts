import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';

// Each test rates its own article: the file's tests share its backend.
const article = (slug: string) => `/tin-tuc/${slug}`;

async function open(page: Page, slug: string) {
  await page.goto(article(slug));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Wait until the visitor's own rating state has arrived.
  await page.waitForLoadState('networkidle');
  return page.getByRole('region', { name: 'Đánh giá bài viết' });
}

test('rate by mouse; a reload keeps it; another visitor can still rate', async ({ page, browser, baseURL }) => {
  const slug = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';
  const rating = await open(page, slug);
  await expect(rating).toContainText('Tổng số điểm của bài viết là: 0 trong 0 đánh giá');
  await expect(rating.getByRole('group', { name: 'Click để đánh giá bài viết' })).toBeVisible();
  await expect(rating.getByRole('radio')).toHaveCount(5);
  await expect(rating.getByRole('radio', { name: '5 sao: Bài viết rất tốt' })).toBeVisible();

  await rating.locator('label[for="rating-stars-4"]').click();
  await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá: 4 sao – Bài viết tốt.');
  await expect(rating).toContainText('Tổng số điểm của bài viết là: 4 trong 1 đánh giá');
  await expect(rating).toContainText('Xếp hạng: 4,0 - 1 phiếu bầu');
  await expectAccessible(page);

  await page.reload();
  const after = page.getByRole('region', { name: 'Đánh giá bài viết' });
  await expect(after.getByRole('group')).toHaveAccessibleName('Bạn đã đánh giá bài viết này: 4 sao – Bài viết tốt');
  for (const radio of await after.getByRole('radio').all()) await expect(radio).toBeDisabled();
  await expect(after.getByRole('radio', { name: '4 sao: Bài viết tốt' })).toBeChecked();
  await expect(after).toContainText('Tổng số điểm của bài viết là: 4 trong 1 đánh giá');

  const other = await browser.newContext({ baseURL });
  try {
    const page2 = await other.newPage();
    const rating2 = await open(page2, slug);
    await expect(rating2).toContainText('4 trong 1 đánh giá');
    await rating2.locator('label[for="rating-stars-1"]').click();
    await expect(rating2).toContainText('Tổng số điểm của bài viết là: 5 trong 2 đánh giá');
    await expect(rating2).toContainText('Xếp hạng: 2,5 - 2 phiếu bầu');
  } finally {
    await other.close();
  }
});

test('rate by keyboard alone, with visible focus', async ({ page }) => {
  const rating = await open(page, 'khanh-thanh-nha-van-hoa-thon-hop-thanh-xa-dai-yen');
  // Tab from the article's tags into the star group.
  await rating.getByRole('radio').first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const first = rating.getByRole('radio', { name: '1 sao: Bài viết rất kém' });
  await expect(first).toBeFocused();
  const outline = await rating.locator('label[for="rating-stars-1"]').evaluate(
    (l) => getComputedStyle(l).outlineStyle);
  expect(outline).toBe('solid');

  // Arrows move and choose; nothing is sent until Enter.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const third = rating.getByRole('radio', { name: '3 sao: Bài viết đạt' });
  await expect(third).toBeFocused();
  await expect(third).toBeChecked();
  await expect(rating).toContainText('0 trong 0 đánh giá');
  await page.keyboard.press('Enter');
  await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá: 3 sao – Bài viết đạt.');
  await expect(rating).toContainText('Tổng số điểm của bài viết là: 3 trong 1 đánh giá');
});

test('targets are at least 24 × 24 px', async ({ page }) => {
  const rating = await open(page, 'so-ket-6-thang-dau-nam-2021-xay-dung-nong-thon-moi-tinh-ha-tinh');
  for (const label of await rating.locator('label.star').all()) {
    const box = (await label.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
});

test('a refused rating puts the widget back and says why', async ({ page }) => {
  const slug = 'truong-tieu-hoc-xa-vung-cao-ba-che-dat-chuan-quoc-gia';
  await page.route('**/rating', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' })
      : route.continue());
  const rating = await open(page, slug);
  await rating.locator('label[for="rating-stars-5"]').click();
  await expect(rating.getByRole('status')).toHaveText('Máy chủ gặp sự cố (mã 500). Vui lòng thử lại sau.');
  await expect(rating).toContainText('Tổng số điểm của bài viết là: 0 trong 0 đánh giá');
  await expect(rating.getByRole('group', { name: 'Click để đánh giá bài viết' })).toBeEnabled();

  // The backend is back: the same visitor can rate now.
  await page.unroute('**/rating');
  await rating.locator('label[for="rating-stars-5"]').click();
  await expect(rating).toContainText('5 trong 1 đánh giá');
});

test('a second try from another tab is refused clearly', async ({ page, context }) => {
  const slug = 'nghi-xuan-ra-quan-ngay-chu-nhat-xanh-lam-sach-dong-ruong-lang-que';
  const rating = await open(page, slug);
  const tab2 = await context.newPage();
  const rating2 = await open(tab2, slug);
  await rating.locator('label[for="rating-stars-2"]').click();
  await expect(rating).toContainText('2 trong 1 đánh giá');

  // The second tab still offers the stars; the backend refuses.
  await rating2.locator('label[for="rating-stars-5"]').click();
  await expect(rating2.getByRole('status')).toHaveText('Bạn đã đánh giá bài viết này rồi.');
  await expect(rating2.getByRole('group')).toHaveAccessibleName('Bạn đã đánh giá bài viết này: 2 sao – Bài viết kém');
  await expect(rating2).toContainText('2 trong 1 đánh giá');
});

test('an article with rating switched off shows no widget', async ({ page }) => {
  await page.goto(article('ha-tinh-trien-khai-nhiem-vu-xay-dung-nong-thon-moi-nam-2021'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.rating')).toBeHidden();
  await expect(page.getByText('Click để đánh giá bài viết')).toHaveCount(0);
});
