import { test, expect, expectAccessible, startBackend } from './fixtures';
import type { Page } from '@playwright/test';

function panel(page: Page) {
  return page.getByRole('region', { name: 'Thống kê' });
}

/** A figure of the panel, read back from its Vietnamese grouping (90.352.914). */
async function figure(page: Page, label: string): Promise<number> {
  const dd = panel(page).locator('div', { has: page.getByText(label, { exact: true }) }).locator('dd');
  await expect(dd).not.toHaveText('…');
  return Number((await dd.textContent())!.replace(/\./g, ''));
}

test('the panel shows real counts, Vietnamese style, and a new browser adds a visit', async ({ page, browser }) => {
  // A backend of its own: on the file's, visitors of the other tests here
  // leave the 5-minute "online" window at any moment and would move the count.
  const own = await startBackend();
  try {
    const baseURL = own.url;
    await page.goto(`${baseURL}/`);
    await expect(panel(page)).toBeVisible();
    const total = panel(page).locator('div', { has: page.getByText('Tổng lượt truy cập') }).locator('dd');
    await expect(total).toHaveText(/^\d{1,3}(\.\d{3})+$/);
    const today = await figure(page, 'Hôm nay');
    const online = await figure(page, 'Đang truy cập');
    expect(online).toBeGreaterThanOrEqual(1);
    expect(await figure(page, 'Khách viếng thăm') + await figure(page, 'Máy chủ tìm kiếm')).toBe(online);

    // Moving inside the app reports the page; the same browser within 30 minutes
    // is not counted twice.
    const reports: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/api/visits')) reports.push(r.postData() ?? ''); });
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Chương trình OCOP' }).click();
    await expect(page).toHaveURL(/chuong-trinh-ocop/);
    await expect.poll(() => reports.length).toBe(1);
    expect(JSON.parse(reports[0])).toEqual({ path: '/chuyen-muc/chuong-trinh-ocop' });
    await expect.poll(() => figure(page, 'Hôm nay')).toBe(today);

    // Another browser is another visit, and one more online.
    const other = await browser.newContext({ baseURL });
    try {
      const page2 = await other.newPage();
      await page2.goto('/tham-do-y-kien');
      await expect.poll(() => figure(page2, 'Hôm nay')).toBe(today + 1);
      expect(await figure(page2, 'Đang truy cập')).toBe(online + 1);
    } finally {
      await other.close();
    }
  } finally {
    await own.stop();
  }
});

test('a bot is shown apart and not counted as a visit', async ({ browser, baseURL, page }) => {
  await page.goto('/');
  const today = await figure(page, 'Hôm nay');
  const bots = await figure(page, 'Máy chủ tìm kiếm');
  const bot = await browser.newContext({
    baseURL,
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
  try {
    const botPage = await bot.newPage();
    await botPage.goto('/');
    await expect.poll(() => figure(botPage, 'Máy chủ tìm kiếm')).toBe(bots + 1);
    expect(await figure(botPage, 'Hôm nay')).toBe(today);
  } finally {
    await bot.close();
  }
});

test('the 30-day chart opens by keyboard and has a table for screen readers', async ({ page }) => {
  await page.goto('/');
  const button = panel(page).getByRole('button', { name: 'Biểu đồ 30 ngày' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const table = panel(page).getByRole('table', { name: 'Lượt truy cập 30 ngày gần nhất' });
  await expect(table.locator('tbody tr')).toHaveCount(30);
  await expect(panel(page).locator('.chart-bar')).toHaveCount(30);
  await expectAccessible(page);
});

test('a failing statistics backend says so in the panel, and retry recovers', async ({ page }) => {
  await page.route(/\/api\/(visits|stats)$/, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: '' }));
  await page.goto('/');
  const alert = panel(page).getByRole('alert');
  await expect(alert).toContainText('Máy chủ gặp sự cố (mã 500)');
  // The rest of the page works on.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tin mới nhất');
  await page.unroute(/\/api\/(visits|stats)$/);
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await expect(alert).toHaveCount(0);
  expect(await figure(page, 'Tổng lượt truy cập')).toBeGreaterThan(0);
});
