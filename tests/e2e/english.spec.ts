import { test, expect, expectAccessible, expectNoSidewaysScroll, keepScreenshot } from './fixtures';

// The page for foreign partners: linked from every page's footer in its own
// language, shown in English inside the Vietnamese frame, from the backend
// like the rest of the site (server/seed/pages.json).

const PAGE = '/trang/about-us';

for (const width of [360, 1280]) {
  test(`the English page from the footer, by keyboard, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const link = page.locator('footer').getByRole('link', { name: 'About us' });
    await expect(link).toHaveAttribute('lang', 'en');
    await expect(link).toHaveAttribute('href', PAGE);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));

    const article = page.locator('main article');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About us');
    await expect(article).toHaveAttribute('lang', 'en');
    await expect(article.getByRole('heading', { level: 2, name: 'What we do' })).toBeVisible();
    await expect(article.getByRole('link', { name: '+84 239 3892 689' })).toHaveAttribute('href', 'tel:+842393892689');
    // The frame stays Vietnamese; only the page is marked English.
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page).toHaveTitle('About us - Nông thôn mới Hà Tĩnh');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^The Coordination Office/);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await keepScreenshot(page, `english-page-${width}`);
  });
}

test('the English page has a first view in English, and a missing page says so', async ({ page }) => {
  const html = await (await page.request.get(PAGE)).text();
  expect(html).toContain('<title>About us - Nông thôn mới Hà Tĩnh</title>');
  expect(html).toContain('<article lang="en" class="article"><h1 class="article-title">About us</h1>');

  await page.goto('/trang/khong-co');
  await expect(page.locator('main')).toContainText('Không tìm thấy trang này.');
  await expectAccessible(page);
});
