import { test, expect } from './fixtures';

// Offline reading with the service worker (public/sw.js): the app shell and the
// articles a visitor has read open with no network, with a notice.
test.use({ serviceWorkers: 'allow' });

const READ = '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu';

test('an article read before opens offline, with a notice; one never read says it cannot load', async ({ page, context, consoleErrors }) => {
  await page.goto(READ);
  await expect(page.locator('h1.article-title')).toBeVisible();
  // The worker is registered a moment after start and takes over the page.
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg?.active) && navigator.serviceWorker.controller !== null;
  }), { timeout: 20_000 }).toBe(true);
  // Read once more under the worker, so it has kept the answer.
  await page.reload();
  await expect(page.locator('h1.article-title')).toBeVisible();
  const title = await page.locator('h1.article-title').textContent();
  await expect(page.locator('.offline-notice')).toBeHidden();

  const list = await (await page.request.get('/api/articles?page=2')).json();
  const unread: string = list.items[0].slug;

  await context.setOffline(true);
  await page.goto(READ);
  await expect(page.locator('h1.article-title')).toHaveText(title!);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('.offline-notice')).toBeVisible();
  await expect(page.locator('.offline-notice')).toContainText('Bạn đang ngoại tuyến');

  // An article never read: the usual message and retry, no blank page.
  await page.goto(`/tin-tuc/${unread}`);
  await expect(page.locator('main [role="alert"]')).toContainText('Không kết nối được với máy chủ');

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Thử lại' }).first().click();
  await expect(page.locator('h1.article-title')).toBeVisible();
  await expect(page.locator('.offline-notice')).toBeHidden();
  // Offline, the browser logs each request the worker could not answer.
  const rest = consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|FetchEvent/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...rest);
});

test('the worker keeps only this release’s shell', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)),
    { timeout: 20_000 }).toBe(true);
  const keys = await page.evaluate(() => caches.keys());
  const shells = keys.filter((k) => k.startsWith('ntm-shell-'));
  expect(shells).toHaveLength(1);
  // The shell holds this build's wasm, as index.html names it.
  const wasm = await page.evaluate(async (shell) => {
    const cache = await caches.open(shell);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.wasm'));
  }, shells[0]);
  expect(wasm).toHaveLength(1);
  const html = await (await page.request.get('/')).text();
  expect(html).toContain(wasm[0].slice(1));
});
