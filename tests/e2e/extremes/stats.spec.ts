import { expectAccessible, expectNoSidewaysScroll } from '../fixtures';
import { test, expect } from './fixtures';

// The statistics panel over counts of ten digits and more: grouped, each on
// one line, at every width; the 30-day chart reads them too.

test('counts of ten digits and more', async ({ page }) => {
  await page.goto('/van-ban');
  const panel = page.getByRole('region', { name: 'Thống kê' });
  const total = panel.locator('dd').last();
  await expect(total).toHaveText(/^\d{1,3}(\.\d{3}){3,}$/);
  await expect(panel.locator('dd').nth(3)).toHaveText(/^1\.234\.567\.\d{3}$/);
  for (const dd of await panel.locator('dd').all()) {
    const box = (await dd.boundingBox())!;
    const line = await dd.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect(box.height, await dd.textContent() ?? '').toBeLessThan(line * 1.5);
  }
  await panel.getByRole('button', { name: 'Biểu đồ 30 ngày' }).click();
  await expect(panel.locator('.chart-bar')).toHaveCount(30);
  await expect(panel.locator('table tbody tr').first().locator('td').nth(1)).toHaveText('1.234.567.890');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});
