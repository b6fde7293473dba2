import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startBackend } from './fixtures';

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

test('the first article a reader opens, before the worker takes over, opens offline with its photos', async ({ page, context, consoleErrors }) => {
  // A reader's first visit: one article from a shared link, loaded from the
  // network before the worker is there.
  const slug = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';
  await page.goto(`/tin-tuc/${slug}`);
  await expect(page.locator('h1.article-title')).toBeVisible();
  const title = await page.locator('h1.article-title').textContent();
  // The photos shown (a lazy one below the fold has not loaded: no currentSrc).
  const shownPhotos = () => page.locator('main img').evaluateAll((imgs) => (imgs as HTMLImageElement[])
    .filter((i) => i.currentSrc && new URL(i.currentSrc).origin === location.origin && i.complete && i.naturalWidth > 0)
    .map((i) => i.currentSrc));
  await expect.poll(async () => (await shownPhotos()).length).toBeGreaterThan(0);
  const photos = await shownPhotos();
  await waitForWorker(page);
  // Taken over, the page tells the worker what it loaded; the worker keeps
  // the page, the article's answer and its photos.
  const wanted = [page.url(), new URL(`/api/articles/${slug}`, page.url()).href, ...photos];
  await expect.poll(() => page.evaluate(async (urls) => {
    const kept = await Promise.all(urls.map((u) => caches.match(u, { ignoreVary: true })));
    return urls.filter((_, i) => !kept[i]);
  }, wanted), { timeout: 20_000 }).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('h1.article-title')).toHaveText(title!);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.locator('.offline-notice')).toBeVisible();
  await expect(page.locator('main [role="alert"]')).toHaveCount(0);
  await expect.poll(async () => (await shownPhotos()).sort()).toEqual([...photos].sort());
  await context.setOffline(false);
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

/** Waits until the service worker is active and controls the page. */
async function waitForWorker(page: Page) {
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return Boolean(reg?.active) && navigator.serviceWorker.controller !== null;
  }), { timeout: 20_000 }).toBe(true);
}

/** The shell caches, and the files the newest one holds. */
async function shellCaches(page: Page) {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('ntm-shell-'));
    const files = names.length
      ? (await (await caches.open(names[names.length - 1])).keys()).map((r) => new URL(r.url).pathname)
      : [];
    return { names, files };
  });
}

test('a new release replaces the old shell: its files load, the old shell is gone, reading offline still works',
  async ({ page, context, consoleErrors }) => {
    // A deployment of its own, so its dist/ can be replaced by the next release.
    const dist = mkdtempSync(path.join(tmpdir(), 'ntm-release-'));
    cpSync(path.resolve(__dirname, '../../dist'), dist, { recursive: true });
    const backend = await startBackend([], dist);
    try {
      await page.goto(backend.url + READ);
      await expect(page.locator('h1.article-title')).toBeVisible();
      const title = await page.locator('h1.article-title').textContent();
      await waitForWorker(page);
      const first = await shellCaches(page);
      expect(first.names).toHaveLength(1);

      // The next release, as a new build ships it: every hashed file under a new
      // name, index.html and the worker naming those, a new worker version; the
      // old files are gone from the server.
      const hashed = readdirSync(dist).filter((f) => /^(ntm-web|main)-[0-9a-f]{16}/.test(f));
      const hashes = new Set(hashed.map((f) => f.match(/-([0-9a-f]{16})/)![1]));
      const next = (text: string) => [...hashes].reduce(
        (t, h) => t.replaceAll(h, [...h].reverse().join('')), text);
      for (const f of hashed) {
        cpSync(path.join(dist, f), path.join(dist, next(f)));
        rmSync(path.join(dist, f));
      }
      for (const f of ['index.html', 'sw.js']) {
        writeFileSync(path.join(dist, f), next(readFileSync(path.join(dist, f), 'utf8')));
      }
      // The boot script names the new files, so its hash in the page's CSP
      // meta tag is new too, as build.sh writes it.
      execFileSync('node', [path.resolve(__dirname, '../../scripts/csp-meta.mjs'), path.join(dist, 'index.html')]);
      const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
      // As build.sh writes it, minified: VERSION="…".
      const version = sw.match(/\bVERSION\s*=\s*["']([^"']+)["']/)![1];
      writeFileSync(path.join(dist, 'sw.js'), sw.replace(version, `${version}-next`));
      const wasm = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'))!;

      // The reader comes back: the page loads the new release's files...
      await page.reload();
      await expect(page.locator('h1.article-title')).toHaveText(title!);
      expect(await page.evaluate((w) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(w)), wasm))
        .toBe(true);
      // ...and the new worker takes over, keeping only the new shell.
      await expect.poll(async () => (await shellCaches(page)).names, { timeout: 20_000 })
        .toEqual([`ntm-shell-${version}-next`]);
      expect((await shellCaches(page)).files).toContain(`/${wasm}`);
      await waitForWorker(page);

      // Offline, the new shell opens the article read under the old release.
      await context.setOffline(true);
      await page.goto(backend.url + READ);
      await expect(page.locator('h1.article-title')).toHaveText(title!);
      await expect(page.locator('.offline-notice')).toBeVisible();
      expect(await page.evaluate((w) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(w)), wasm))
        .toBe(true);
      await context.setOffline(false);
      const rest = consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|FetchEvent/.test(e));
      consoleErrors.splice(0, consoleErrors.length, ...rest);
    } finally {
      await backend.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });
