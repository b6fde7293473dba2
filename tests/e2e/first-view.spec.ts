import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, keepScreenshot } from './fixtures';

// The first view the backend puts in the page (server/src/first_view.rs): the
// text is on screen before the wasm arrives and readable without script. When
// the app is mounted it takes over the frame at once, and the first view's
// text stands in for its placeholder until the app has the data, without an
// empty frame or a frame with both.

const SLUG = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';
const CATEGORY = 'tin-tuc-su-kien';

// These tests look at the page before and during the app's taking over.
test.use({ waitForApp: false });

type Seen = { frames: { firstView: boolean; text: boolean; appHeadings: number; busy: boolean }[] };

/** Holds every request matching `url` until the returned function is called. */
async function holdUntilReleased(page: Page, url: string) {
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Records, at every animation frame until `stop`, what the page shows. */
async function watchFrames(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { seen: Seen; stopWatching?: boolean };
    w.seen = { frames: [] };
    const look = () => {
      const main = document.getElementById('noi-dung');
      const shown = (e: Element | null) => !!e && getComputedStyle(e).display !== 'none';
      w.seen.frames.push({
        firstView: !!document.getElementById('ntm-first-view'),
        text: shown(document.getElementById('ntm-first-text')),
        appHeadings: main && shown(main) ? [...main.querySelectorAll('h1')].filter((h) => h.closest('#ntm-first-text') === null).length : 0,
        busy: !!main?.querySelector('[aria-busy="true"]'),
      });
      if (!w.stopWatching) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

/** Opens `path` and checks, frame by frame from the first one with the first
 *  view on until the app has taken over, that the page's text is on screen
 *  exactly once: from the first view, from its text inside the app, or from
 *  the app itself. */
async function expectTextOnceEveryFrame(page: Page, path: string) {
  await watchFrames(page);
  await page.goto(path);
  await expect(page.locator('#ntm-first-view')).toHaveCount(0);
  await expect(page.locator('#ntm-first-text')).toHaveCount(0);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { seen: Seen; stopWatching: boolean };
    w.stopWatching = true;
    return w.seen.frames;
  });
  const from = frames.findIndex((f) => f.firstView);
  expect(from, JSON.stringify(frames)).toBeGreaterThanOrEqual(0);
  for (const f of frames.slice(from)) {
    const sources = Number(f.firstView) + Number(f.text) + Number(f.appHeadings > 0 && !f.busy);
    expect(sources, JSON.stringify(f)).toBe(1);
  }
}

for (const width of [360, 1280]) {
  test.describe(`without script at ${width} px`, () => {
    test.use({ javaScriptEnabled: false, viewport: { width, height: 800 } });

    test('an article is readable and its links work', async ({ page, request }) => {
      const article = await (await request.get(`/api/articles/${SLUG}`)).json();
      await page.goto(`/tin-tuc/${SLUG}`);
      await expect(page).toHaveTitle(`${article.title} - Nông thôn mới Hà Tĩnh`);
      await expect(page.locator('h1')).toHaveText(article.title);
      await expect(page.locator('.article-lead')).toHaveText(article.lead);
      await expect(page.locator('.article-body p').first()).toBeVisible();
      await expect(page.locator('.article-photo img')).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);

      // The menu: on phones behind "Danh mục", which opens it without script.
      const menuLink = page.locator('.main-menu a', { hasText: 'Chương trình OCOP' }).first();
      if (width < 768) {
        await expect(menuLink).toBeHidden();
        await page.locator('.menu-toggle').click();
      }
      await expect(menuLink).toBeVisible();
      // The neighbours are plain links to other pages with a first view.
      const older = page.locator('.neighbours a').first();
      const href = await older.getAttribute('href');
      await older.click();
      await expect(page).toHaveURL(href!);
      await expect(page.locator('h1.article-title')).toBeVisible();
    });

    test('a category lists its articles', async ({ page, request }) => {
      const list = await (await request.get(`/api/articles?page=1&category=${CATEGORY}`)).json();
      await page.goto(`/chuyen-muc/${CATEGORY}`);
      await expect(page).toHaveTitle(`${list.category.name} - Nông thôn mới Hà Tĩnh`);
      await expect(page.locator('h1')).toHaveText(list.category.name);
      await expect(page.locator('.breadcrumb a').last()).toHaveText(list.category.name);
      await expect(page.locator('.news-title a')).toHaveText(list.items.map((a: { title: string }) => a.title));
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
    });

    test('the documents page lists the newest documents', async ({ page, request }) => {
      const docs = await (await request.get('/api/documents?page=1&per_page=10')).json();
      await page.goto('/van-ban');
      await expect(page).toHaveTitle('Văn bản ban hành - Nông thôn mới Hà Tĩnh');
      await expect(page.locator('h1')).toHaveText('Văn bản ban hành');
      await expect(page.locator('.doc-count')).toHaveText(`Tìm thấy ${docs.total_items} văn bản.`);
      await expect(page.locator('.doc-name')).toHaveText(docs.items.map((d: { kind: string; number: string }) => `${d.kind} số ${d.number}`));
      // Searching needs the app: the form is there, inert, its controls wait.
      await expect(page.locator('form.doc-search')).toHaveAttribute('inert', '');
      await page.getByLabel('Loại văn bản').focus();
      await expect(page.getByLabel('Loại văn bản')).not.toBeFocused();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.locator('.doc-name').first().click();
      await expect(page).toHaveURL(`/van-ban/${docs.items[0].slug}`);
    });

    test('the home page lists the newest articles and search goes to its page', async ({ page, request }) => {
      const list = await (await request.get('/api/articles?page=1')).json();
      await page.goto('/');
      await expect(page.locator('h1')).toHaveText('Tin mới nhất');
      await expect(page.locator('.news-title a')).toHaveText(list.items.map((a: { title: string }) => a.title));
      // The pager's links lead to first views of the other pages.
      expect(list.total_pages).toBeGreaterThan(1);
      const second = await (await request.get('/api/articles?page=2')).json();
      await page.locator('.pager a[rel="next"]').click();
      await expect(page).toHaveURL('/?trang=2');
      await expect(page.locator('.news-title a')).toHaveText(second.items.map((a: { title: string }) => a.title));
      await expect(page.locator('.pager-status')).toHaveText(`Trang 2/${list.total_pages}`);
      await expect(page.locator('.pager a[rel="prev"]')).toHaveAttribute('href', '/');
      // On phones the search box is behind "Tìm · Cỡ chữ", which opens it without script.
      if (width < 768) {
        await expect(page.locator('input[name="q"]')).toBeHidden();
        await page.locator('.tools-toggle').click();
      }
      await page.locator('input[name="q"]').fill('OCOP');
      await page.locator('input[name="q"]').press('Enter');
      await expect(page).toHaveURL(/\/tim-kiem\?q=OCOP$/);
      // The search's own first view shows what was found.
      const found = await (await request.get('/api/search?q=OCOP&page=1')).json();
      await expect(page.locator('h1')).toHaveText('Kết quả tìm kiếm');
      await expect(page.locator('.doc-count')).toHaveText(`Tìm thấy ${found.total_items} bài viết với từ khóa “OCOP”.`);
      await expect(page.locator('.news-title a')).toHaveText(found.items.map((a: { title: string }) => a.title));
    });
  });
}

for (const width of [360, 1280]) {
  test(`while the wasm is on its way, the first view passes axe at ${width} px`, async ({ page }) => {
    // Held, never answered: the page as a reader on a slow line sees it first.
    await page.route('**/*_bg.wasm', () => {});
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [['article', `/tin-tuc/${SLUG}`], ['home', '/'], ['category', `/chuyen-muc/${CATEGORY}`], ['home-2', '/?trang=2'], ['documents', '/van-ban'], ['search', '/tim-kiem?q=OCOP']]) {
      await page.goto(path);
      await expect(page.locator('#ntm-first-view h1')).toBeVisible();
      await expectAccessible(page);
      await keepScreenshot(page, `first-view-${name}-${width}`);
    }
  });
}

test('the app takes over with the data, never showing an empty page or the text twice', async ({ page, request }) => {
  const article = await (await request.get(`/api/articles/${SLUG}`)).json();
  await expectTextOnceEveryFrame(page, `/tin-tuc/${SLUG}`);
  // One page, the app's: one heading, one header, and the app's controls.
  await expect(page.locator('h1')).toHaveText([article.title]);
  await expect(page.locator('header.site-header')).toHaveCount(1);
  await expect(page.locator('.rating')).toBeVisible();
  await expectAccessible(page);
});

test('while the article’s data is slow, its text stays and the app says why', async ({ page }) => {
  const release = await holdUntilReleased(page, `**/api/articles/${SLUG}`);
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
        if (!e.hadRecentInput) (window as unknown as { shifts: number }).shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/tin-tuc/${SLUG}`);
  // The app is up: its menu works while the article is held back.
  const text = page.locator('#noi-dung #ntm-first-text');
  await expect(text.locator('h1.article-title')).toBeVisible();
  await expect(text.locator('.article-body')).toBeVisible();
  await expect(page.locator('#ntm-first-view')).toHaveCount(0);
  await page.getByRole('button', { name: 'Danh mục' }).click();
  await expect(page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Văn bản' })).toBeVisible();
  await page.getByRole('button', { name: 'Danh mục' }).click();
  const shiftsBeforeNotice = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
  expect(shiftsBeforeNotice).toBeLessThan(0.01);
  // After 5 s the reader is told, above the text.
  await expect(page.locator('#noi-dung .slow-notice')).toContainText('phản hồi chậm', { timeout: 8_000 });
  await expect(text).toBeVisible();
  release();
  await expect(text).toHaveCount(0);
  await expect(page.locator('#noi-dung h1.article-title')).toHaveCount(1);
  await expect(page.locator('#noi-dung .slow-notice')).toHaveCount(0);
});

test('words typed and the keyboard focus carry over to the app', async ({ page }) => {
  const release = await holdUntilReleased(page, '**/*_bg.wasm');
  await page.goto(`/tin-tuc/${SLUG}`);
  // Typing in the first view's search box while the app is on its way.
  const firstSearch = page.locator('#ntm-first-view input[name="q"]');
  await firstSearch.fill('nông thôn');
  await firstSearch.focus();
  release();
  await expect(page.locator('#ntm-first-view')).toHaveCount(0);
  await expect(page.locator('#search-q')).toHaveValue('nông thôn');
  await expect(page.locator('#search-q')).toBeFocused();

  // The first stop of the keyboard, the skip link, hands over to the app's.
  await page.unroute('**/*_bg.wasm');
  const again = await holdUntilReleased(page, '**/*_bg.wasm');
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.locator('#ntm-first-view .skip-link')).toBeFocused();
  again();
  await expect(page.locator('#ntm-first-view')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Chuyển đến nội dung chính' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#noi-dung')).toBeFocused();
});

test('a first view made for another address is dropped at once', async ({ page }) => {
  // What a service worker's kept page for another address would bring.
  await page.route('**/tin-tuc/' + SLUG, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/data-path="[^"]*"/, 'data-path="/tin-tuc/bai-khac"');
    await route.fulfill({ response, body: html });
  });
  await page.goto(`/tin-tuc/${SLUG}`);
  await expect(page.locator('#ntm-first-view')).toHaveCount(0);
  await expect(page.locator('#noi-dung h1.article-title')).toBeVisible();
});

test('pages without a first view start with the app alone', async ({ page }) => {
  const response = await page.goto('/tham-do-y-kien');
  expect(await response!.text()).not.toContain('id="ntm-first-view"');
  await expect(page.locator('#noi-dung h1')).toBeVisible();
});

test('a reader\'s text size is in place before the app starts, first view included', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => !document.getElementById('ntm-first-view'));
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByRole('group', { name: 'Cỡ chữ' }).getByRole('button', { name: 'Chữ lớn' }).click();

  // The next visit, with the app's code held back: the first view is already large.
  await page.route('**/*_bg.wasm', () => {});
  await page.goto(`/tin-tuc/${SLUG}`);
  await expect(page.locator('#ntm-first-view h1')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('lon');
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(large).toBeGreaterThan(base);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a menu opened in the first view stays open when the app takes over', async ({ page }) => {
    const release = await holdUntilReleased(page, '**/*_bg.wasm');
    await page.goto(`/tin-tuc/${SLUG}`);
    const entry = page.locator('.main-menu a', { hasText: 'Chương trình OCOP' }).first();
    await expect(entry).toBeHidden();
    await page.locator('#ntm-first-view .menu-toggle').click();
    await expect(entry).toBeVisible();
    release();
    await expect(page.locator('#ntm-first-view')).toHaveCount(0);
    const toggle = page.getByRole('button', { name: 'Danh mục' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(entry).toBeVisible();
    // It closes as the app's menu does, and another page closes it too.
    await toggle.click();
    await expect(entry).toBeHidden();
    await toggle.click();
    await entry.click();
    await expect(page).toHaveURL(/chuyen-muc/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('the search opened in the first view works without the app and stays open when it takes over', async ({ page }) => {
    const release = await holdUntilReleased(page, '**/*_bg.wasm');
    await page.goto(`/tin-tuc/${SLUG}`);
    const search = page.locator('#ntm-first-view .search-box');
    await expect(search).toBeHidden();
    await page.locator('#ntm-first-view .tools-toggle').click();
    await expect(search).toBeVisible();
    release();
    await expect(page.locator('#ntm-first-view')).toHaveCount(0);
    const toggle = page.getByRole('button', { name: 'Tìm · Cỡ chữ' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('search', { name: 'Tìm kiếm bài viết' })).toBeVisible();
  });
});

test('a category page is taken over without an empty frame or its list twice', async ({ page, request }) => {
  const list = await (await request.get(`/api/articles?page=1&category=${CATEGORY}`)).json();
  await expectTextOnceEveryFrame(page, `/chuyen-muc/${CATEGORY}`);
  await expect(page.locator('h1')).toHaveText([list.category.name]);
  await expect(page.locator('#noi-dung .news-title a')).toHaveText(list.items.map((a: { title: string }) => a.title));
  await expectAccessible(page);
});

test('the documents page is taken over without an empty frame or its list twice', async ({ page, request }) => {
  const docs = await (await request.get('/api/documents?page=1&per_page=10')).json();
  await expectTextOnceEveryFrame(page, '/van-ban');
  // The app's own heading, breadcrumb and form, once each, the form working.
  await expect(page.locator('h1')).toHaveText(['Văn bản ban hành']);
  await expect(page.locator('.breadcrumb')).toHaveCount(1);
  await expect(page.locator('form.doc-search')).toHaveCount(1);
  await expect(page.getByLabel('Loại văn bản')).toBeEnabled();
  await expect(page.locator('#noi-dung .doc-name')).toHaveText(docs.items.map((d: { kind: string; number: string }) => `${d.kind} số ${d.number}`));
  await expectAccessible(page);
});

// The home page's heading is the app's at once, before its list: the first
// view's list stands in until the app's arrives (it once went early, leaving a
// grey placeholder for a few frames).
test('the home page is taken over without an empty frame or its list twice', async ({ page, request }) => {
  const list = await (await request.get('/api/articles?page=1')).json();
  await expectTextOnceEveryFrame(page, '/');
  await expect(page.locator('h1')).toHaveText(['Tin mới nhất']);
  await expect(page.locator('#noi-dung .news-title a')).toHaveText(list.items.map((a: { title: string }) => a.title));
});

test('a search is taken over without an empty frame or its results twice', async ({ page, request }) => {
  const found = await (await request.get('/api/search?q=n%C3%B4ng%20th%C3%B4n&page=1')).json();
  await expectTextOnceEveryFrame(page, '/tim-kiem?q=n%C3%B4ng+th%C3%B4n');
  await expect(page.locator('h1')).toHaveText(['Kết quả tìm kiếm']);
  await expect(page.locator('#noi-dung .news-title a')).toHaveText(found.items.map((a: { title: string }) => a.title));
  await expectAccessible(page);
});
