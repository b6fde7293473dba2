import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';

// A failing backend, per route and per sidebar block. The real backend serves
// everything else; one kind of request at a time is made to fail in each of the
// ways a backend or the network between fails. Each failure must show its
// Vietnamese message and a retry where it happened, the rest of the page must
// keep working, the retry must recover once the backend is well, and (checked by
// every test) the console shows no panic.

const ARTICLE = '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu';

interface Target {
  name: string;
  page: string;
  /** The requests that fail. */
  fails: (url: URL) => boolean;
  /** Where the failure shows. */
  where: (page: Page) => ReturnType<Page['locator']>;
  /** A block (not the page's own data): the page's heading stays. */
  block?: boolean;
  /** A 404 is this block's "nothing to show" answer, said without a retry. */
  emptyOn404?: RegExp;
}

const main = (page: Page) => page.locator('main');
const block = (id: string) => (page: Page) => page.locator(`section[aria-labelledby="${id}"]`);
const api = (path: string) => (u: URL) => u.pathname === `/api/${path}`;

const targets: Target[] = [
  { name: 'home', page: '/', fails: (u) => api('articles')(u) && !u.searchParams.has('category'), where: main },
  { name: 'category', page: '/chuyen-muc/chuong-trinh-ocop', fails: (u) => api('articles')(u) && u.searchParams.has('category'), where: main },
  { name: 'article', page: ARTICLE, fails: (u) => /^\/api\/articles\/[^/]+$/.test(u.pathname), where: main },
  { name: 'documents', page: '/van-ban', fails: (u) => api('documents')(u) && u.searchParams.get('per_page') !== '5', where: main },
  { name: 'document', page: '/van-ban/6748-ubnd-nl5', fails: (u) => /^\/api\/documents\/(?!facets$)[^/]+$/.test(u.pathname), where: main },
  { name: 'polls', page: '/tham-do-y-kien', fails: api('polls'), where: main },
  { name: 'search', page: '/tim-kiem?q=ocop', fails: api('search'), where: main },
  { name: 'documents block', page: ARTICLE, block: true, where: block('block-documents'), emptyOn404: /Chưa có văn bản nào/,
    fails: (u) => api('documents')(u) && u.searchParams.get('per_page') === '5' },
  { name: 'poll block', page: ARTICLE, block: true, where: block('block-poll'), emptyOn404: /Hiện chưa có cuộc thăm dò nào/,
    fails: api('polls/current') },
  { name: 'statistics block', page: ARTICLE, block: true, where: block('block-stats'),
    fails: (u) => api('stats')(u) || api('visits')(u) },
  { name: 'site information (menu, songs, partners)', page: ARTICLE, block: true, where: block('block-songs'),
    fails: api('site') },
];

type Mode = 'down' | '500' | '404' | 'slow' | 'truncated' | 'wrong shape' | 'oversized';
const modes: Mode[] = ['down', '500', '404', 'slow', 'truncated', 'wrong shape', 'oversized'];

const messages: Record<Exclude<Mode, 'slow'>, RegExp> = {
  down: /Không kết nối được với máy chủ/,
  500: /Máy chủ gặp sự cố \(mã 500\)/,
  404: /Không tìm thấy/,
  truncated: /Dữ liệu nhận được không hợp lệ/,
  'wrong shape': /Dữ liệu nhận được không hợp lệ/,
  oversized: /Dữ liệu nhận được quá lớn/,
};

async function fail(route: Route, mode: Mode) {
  switch (mode) {
    case 'down':
      return route.abort('connectionrefused');
    case '500':
      return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
    case '404':
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' });
    case 'slow':
      await new Promise((r) => setTimeout(r, 10_000));
      return route.continue().catch(() => {}); // the page may have moved on
    case 'truncated': {
      const response = await route.fetch();
      const body = await response.text();
      return route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) });
    }
    case 'wrong shape':
      return route.fulfill({ status: 200, contentType: 'application/json',
        body: JSON.stringify({ items: 'không phải danh sách', total: -1, title: 42 }) });
    case 'oversized':
      return route.fulfill({ status: 200, contentType: 'application/json',
        body: JSON.stringify({ items: [], padding: 'x'.repeat(3_000_000) }) });
  }
}

/** The rest of the page still works: the heading, the menu, another block. */
async function expectRestWorks(page: Page, t: Target) {
  if (t.block) await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  if (!t.fails(new URL('http://x/api/site')))
    await expect(page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link').first()).toBeVisible();
  const other = t.name === 'statistics block' ? 'block-poll' : 'block-stats';
  await expect(page.locator(`section[aria-labelledby="${other}"] [role="alert"]`)).toHaveCount(0);
}

for (const t of targets) {
  for (const mode of modes) {
    test(`${t.name}: ${mode}`, async ({ page }) => {
      test.setTimeout(mode === 'slow' ? 60_000 : 30_000);
      let failing = true;
      await page.route((url) => t.fails(url), (route) => (failing ? fail(route, mode) : route.continue()));
      await page.goto(t.page);
      const where = t.where(page);

      if (mode === 'slow') {
        // Told after 5 s, with a retry; the answer still shows when it comes.
        await expect(where.locator('.slow-notice')).toContainText('phản hồi chậm', { timeout: 8_000 });
        await expect(where.locator('.slow-notice').getByRole('button', { name: 'Thử lại' })).toBeVisible();
        await expectRestWorks(page, t);
        await expect(where.locator('.slow-notice')).toHaveCount(0, { timeout: 20_000 });
        await expect(where.locator('[role="alert"]')).toHaveCount(0);
        return;
      }

      if (mode === '404' && t.emptyOn404) {
        await expect(where).toContainText(t.emptyOn404);
        await expectRestWorks(page, t);
        return;
      }

      await expect(where).toContainText(messages[mode]);
      const retry = where.getByRole('button', { name: 'Thử lại' }).first();
      await expect(retry).toBeVisible();
      await expectRestWorks(page, t);

      // The backend recovers; the retry brings the content back.
      failing = false;
      await retry.click();
      await expect(where.getByRole('button', { name: 'Thử lại' })).toHaveCount(0);
      await expect(where).not.toContainText(messages[mode]);
    });
  }
}

test('an answer of the wrong shape is not shown again from memory', async ({ page }) => {
  let failing = true;
  await page.route((u) => /^\/api\/articles\/[^/]+$/.test(u.pathname),
    (route) => (failing ? fail(route, 'wrong shape') : route.continue()));
  await page.goto(ARTICLE);
  await expect(main(page)).toContainText(messages['wrong shape']);
  // The backend is well again; the reader goes elsewhere in the app and back.
  failing = false;
  await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Trang chủ' }).click();
  await expect(page.locator('h1')).toHaveText('Tin mới nhất');
  await page.goBack();
  await expect(page.locator('h1.article-title')).toBeVisible();
  await expect(main(page)).not.toContainText(messages['wrong shape']);
});
