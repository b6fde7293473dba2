import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// What makes the first view and later moves fast: the backend names the first
// view's data in index.html (preload), answers are kept in memory for back and
// forward, and an article is fetched when its link is pointed at.

function apiRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${r.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

test('the first view’s data is preloaded and fetched once', async ({ page }) => {
  const seen = apiRequests(page);
  const slug = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';
  const response = await page.goto(`/tin-tuc/${slug}`);
  const html = await response!.text();
  expect(html).toContain(`<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/articles/${slug}">`);
  expect(html).toContain('href="/api/site"');
  await expect(page.locator('h1.article-title')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // The preload answered the app's own request: one request each.
  expect(seen.filter((s) => s === `GET /api/articles/${slug}`)).toHaveLength(1);
  expect(seen.filter((s) => s === 'GET /api/site')).toHaveLength(1);

  // The home page's list too.
  const home = apiRequests(page);
  await page.goto('/');
  await expect(page.locator('.news-title a').first()).toBeVisible();
  expect(home.filter((s) => s.startsWith('GET /api/articles?')), home.join('\n')).toEqual(['GET /api/articles?page=1']);

  // A search with a space and marks, as the header's form sends it, and the
  // documents list with its filter values.
  const search = apiRequests(page);
  await page.goto('/tim-kiem?q=n%C3%B4ng+th%C3%B4n');
  await expect(page.locator('#noi-dung .news-title a').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(search.filter((s) => s.startsWith('GET /api/search?')), search.join('\n')).toHaveLength(1);
  const documents = apiRequests(page);
  await page.goto('/van-ban');
  await expect(page.locator('#noi-dung .doc-name').first()).toBeVisible();
  await expect(page.getByLabel('Loại văn bản').locator('option')).not.toHaveCount(1);
  // (The sidebar's block asks for its own five, per_page=5.)
  const page1 = documents.filter((s) => s.startsWith('GET /api/documents') && !s.endsWith('per_page=5'));
  expect(page1, documents.join('\n')).toEqual([
    'GET /api/documents?page=1&per_page=10',
    'GET /api/documents/facets',
  ]);
});

test('back and forward show kept answers without asking again', async ({ page }) => {
  await page.goto('/');
  const first = page.locator('.news-title a').first();
  await expect(first).toBeVisible();
  const seen = apiRequests(page);
  await first.click();
  await expect(page.locator('h1.article-title')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.news-title a').first()).toBeVisible();
  await page.goForward();
  await expect(page.locator('h1.article-title')).toBeVisible();
  const lists = seen.filter((s) => s.startsWith('GET /api/articles?'));
  const articles = seen.filter((s) => /^GET \/api\/articles\/[^/?]+$/.test(s));
  expect(lists, seen.join('\n')).toHaveLength(0);
  expect(articles, seen.join('\n')).toHaveLength(1);
});

test('pointing at a link fetches the article before the click', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('.news-title a').nth(1);
  await expect(link).toBeVisible();
  const slug = (await link.getAttribute('href'))!.replace('/tin-tuc/', '');
  const seen = apiRequests(page);
  const fetched = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${slug}`));
  await link.hover();
  await fetched;
  await link.click();
  await expect(page.locator('h1.article-title')).toBeVisible();
  expect(seen.filter((s) => s === `GET /api/articles/${slug}`)).toHaveLength(1);
});
