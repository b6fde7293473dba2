import { test, expect, expectAccessible, groupDigits, keepScreenshot } from './fixtures';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

test('the sidebar lists the five latest documents, linked', async ({ page }) => {
  const latest = (await (await page.request.get('/api/documents?page=1&per_page=5')).json()).items;
  expect(latest).toHaveLength(5);
  await page.goto('/');
  const block = page.getByRole('region', { name: 'Văn bản ban hành' });
  const links = block.locator('.doc-name');
  await expect(links).toHaveText(latest.map((d: { kind: string; number: string }) => `${d.kind} số ${d.number}`));
  await expect(block).toContainText(latest[0].summary);
  // No moving text: nothing in the block is animated.
  const animated = await block.evaluate((el) =>
    [...el.querySelectorAll('*')].some((e) => getComputedStyle(e).animationName !== 'none' || e.tagName === 'MARQUEE'));
  expect(animated).toBe(false);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/van-ban/${latest[0].slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${latest[0].kind} số ${latest[0].number}`);
});

test('filter by type, then keyword without diacritics; the URL keeps both; back restores', async ({ page }) => {
  await page.goto('/van-ban');
  const search = page.getByRole('search', { name: 'Tìm văn bản' });
  await expect(search.getByLabel('Loại văn bản').locator('option', { hasText: 'Công văn' })).toHaveCount(1);
  await search.getByLabel('Loại văn bản').selectOption('Công văn');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/\/van-ban\?loai=C%C3%B4ng%20v%C4%83n$/);
  const items = page.locator('main .doc-item');
  await expect(items.first()).toBeVisible();
  for (const name of await page.locator('main .doc-name').allTextContents()) expect(name).toMatch(/^Công văn số /);
  const typeOnly = await items.count();

  await search.getByLabel('Từ khóa (số hiệu, trích yếu)').fill('nong thon moi');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/tu-khoa=nong%20thon%20moi&loai=C%C3%B4ng%20v%C4%83n/);
  await expect(page.locator('main .doc-summary').first()).toContainText(/nông thôn mới/i);
  for (const s of await page.locator('main .doc-summary').allTextContents()) expect(s.toLowerCase()).toContain('nông thôn mới');
  const both = await items.count();
  expect(both).toBeLessThanOrEqual(typeOnly);

  await page.goBack();
  await expect(page).toHaveURL(/\/van-ban\?loai=C%C3%B4ng%20v%C4%83n$/);
  await expect(search.getByLabel('Từ khóa (số hiệu, trích yếu)')).toHaveValue('');
  await expect(search.getByLabel('Loại văn bản')).toHaveValue('Công văn');
  await expect(items).toHaveCount(typeOnly);
  await page.goForward();
  await expect(search.getByLabel('Từ khóa (số hiệu, trích yếu)')).toHaveValue('nong thon moi');
});

test('a search with no result says so', async ({ page }) => {
  await page.goto('/van-ban?tu-khoa=khong%20co%20van%20ban%20nay');
  await expect(page.getByText('Không tìm thấy văn bản nào phù hợp với điều kiện tìm kiếm.')).toBeVisible();
});

test('a bad filter in the URL gets a clear message', async ({ page }) => {
  await page.goto('/van-ban?nam=abc');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Năm ban hành không hợp lệ.');
});

test('open a document, download its attachment, check the bytes', async ({ page, baseURL }) => {
  const attachment = async () => (await (await page.request.get('/api/documents/6748-ubnd-nl5')).json()).attachments[0];
  const before = (await attachment()).downloads;
  await page.goto('/van-ban/6748-ubnd-nl5');
  await expect(page.getByRole('row', { name: /Loại văn bản/ })).toContainText('Công văn');
  await expect(page.getByRole('row', { name: /Cơ quan ban hành/ })).toBeVisible();
  const files = page.getByRole('region', { name: 'Tệp đính kèm' });
  const link = files.getByRole('link').first();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const bytes = readFileSync(path!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // A PDF reader finds the text with its Vietnamese marks.
  expect(execFileSync('pdftotext', [path!, '-'], { encoding: 'utf8' })).toContain('Công văn số 6748/UBND-NL5');
  const direct = await page.request.get(`${baseURL}/api/documents/6748-ubnd-nl5/files/${download.suggestedFilename()}`);
  expect(Buffer.compare(await direct.body(), bytes)).toBe(0);
  // Each download is counted (the click's and the request's), and the page
  // shows the count on the next visit.
  expect((await attachment()).downloads).toBe(before + 2);
  await page.reload();
  await expect(files.getByRole('listitem').first()).toContainText(`, ${groupDigits(before + 2)} lượt tải)`);
});

for (const width of [360, 1280]) {
  test(`documents pages at ${width} px: no axe violations, no sideways scroll`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [['documents', '/van-ban?loai=C%C3%B4ng%20v%C4%83n'], ['document', '/van-ban/15-2024-qd-ubnd']]) {
      await page.goto(path);
      await expect(page.locator('main [role="status"][aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main .doc-name, main .doc-fields').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await keepScreenshot(page, `${name}-${width}`);
    }
  });
}
