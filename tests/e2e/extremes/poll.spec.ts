import { expectAccessible, expectNoSidewaysScroll } from '../fixtures';
import { test, expect, seed } from './fixtures';

// Polls over the extremes: counts of ten digits, a 300-character question, a
// closed poll; and one poll shown twice (the polls page and the sidebar)
// that must agree once the reader has voted.

const polls = seed<any[]>('polls.json');

test('voting on the polls page shows in the sidebar too, with no second vote', async ({ page }) => {
  const refused: string[] = [];
  page.on('response', (r) => { if (r.url().includes('/vote') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`); });
  await page.goto('/tham-do-y-kien');
  const main = page.locator('main');
  const sidebar = page.getByRole('region', { name: 'Thăm dò ý kiến' });
  await expect(main.locator('.poll-form legend').first()).toHaveText(polls[0].question);
  await expect(sidebar.getByRole('button', { name: 'Bình chọn' })).toBeVisible();
  await expect(main.getByText('Cuộc thăm dò đã kết thúc hoặc chưa mở.')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await main.locator('.poll-option label').nth(1).click();
  await main.getByRole('button', { name: 'Bình chọn' }).first().click();
  await expect(main.getByRole('status').first()).toHaveText('Cảm ơn bạn đã bình chọn.');
  // The sidebar's copy of the same poll shows the results, not the form.
  await expect(sidebar.getByRole('button', { name: 'Bình chọn' })).toHaveCount(0);
  await expect(sidebar.locator('.poll-results li').nth(1)).toContainText('(bạn đã chọn)');
  // Counts grouped, each on one line.
  const first = sidebar.locator('.poll-count').first();
  await expect(first).toHaveText(/^4\.294\.967\.295 phiếu \(\d+ %\)$/);
  for (const count of await page.locator('.poll-count').all()) {
    const lines = await count.evaluate((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return new Set(Array.from(r.getClientRects()).map((b) => Math.round(b.top))).size;
    });
    expect(lines).toBe(1);
  }
  await expect(sidebar.locator('.poll-total')).toContainText('Tổng số: 4.294.967.295 người bình chọn');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  expect(refused).toEqual([]);
});
