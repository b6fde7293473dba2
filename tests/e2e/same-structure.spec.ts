import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The first view's main column (server/src/first_view.rs) and the app's come
// from the same views (views/): on every route with a first view, the two have
// the same elements, classes and text. What only one side has is left out by
// name: the app's rating and print line, and the first view's mark on controls
// that wait for the app; ids and other attributes are not compared (the first
// view has no ids the app uses).

/** Every route that gets a first view, with a query where its route takes one. */
async function routes(page: Page): Promise<string[]> {
  const latest = await (await page.request.get('/api/articles?page=1')).json();
  const article = latest.items[0];
  const category = article.category.slug;
  const word = article.title.split(/\s+/)[0];
  const paths = [
    '/',
    `/chuyen-muc/${encodeURIComponent(category)}`,
    `/tin-tuc/${encodeURIComponent(article.slug)}`,
    `/tim-kiem?q=${encodeURIComponent(word)}`,
    '/van-ban',
  ];
  if (latest.total_pages > 1) paths.push('/?trang=2');
  const documents = await (await page.request.get('/api/documents?page=1')).json();
  if (documents.total_pages > 1) paths.push('/van-ban?trang=2');
  return paths;
}

type Node = string;

/** The main column's elements in document order, as `tag.classes "own text"`. */
async function structure(page: Page, selector: string): Promise<Node[]> {
  return page.locator(selector).evaluate((main) => {
    // Only one side has these, by design.
    const skip = '.rating, .print-only, [aria-busy="true"]';
    const out: string[] = [];
    const walk = (e: Element) => {
      if (e.matches(skip)) return;
      const own = [...e.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      // The first view's controls that wait for the app keep their room, unseen.
      const classes = [...e.classList].filter((c) => c !== 'fv-unseen').sort().join('.');
      out.push(`${e.tagName.toLowerCase()}${classes ? '.' + classes : ''}${own ? ` "${own}"` : ''}`);
      [...e.children].forEach(walk);
    };
    [...main.children].forEach(walk);
    return out;
  });
}

test.describe('the first view and the app show the same main column', () => {
  test('on every route with a first view', async ({ browser, page, baseURL }) => {
    test.setTimeout(120_000);
    const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const plain = await noScript.newPage();
    try {
      for (const path of await routes(page)) {
        await plain.goto(path);
        await expect(plain.locator('#ntm-first-view'), path).toHaveCount(1);
        const first = await structure(plain, '#noi-dung-tinh');
        await page.goto(path);
        await expect(page.locator('#ntm-first-view'), path).toHaveCount(0);
        await expect(page.locator('#noi-dung [aria-busy="true"]'), path).toHaveCount(0);
        const app = await structure(page, '#noi-dung');
        expect(first.length, path).toBeGreaterThan(3);
        expect(app, path).toEqual(first);
      }
    } finally {
      await noScript.close();
    }
  });
});

test('the menu marks the link to the page the same way in the first view and the app', async ({ browser, page, baseURL }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noScript.newPage();
  const marked = (p: Page) => p.locator('.main-menu a[aria-current="page"]').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')),
  );
  try {
    // The menu's own links, and a page that is in no menu.
    const site = await (await page.request.get('/api/site')).json();
    const paths = [...site.menu.map((m: { href: string }) => m.href), '/tim-kiem?q=OCOP'];
    for (const path of paths) {
      await plain.goto(path);
      await page.goto(path);
      await expect(page.locator('#ntm-first-view'), path).toHaveCount(0);
      const inApp = await marked(page);
      // Pages without a first view (the polls page) have only the app's menu.
      if (await plain.locator('#ntm-first-view').count()) expect(inApp, path).toEqual(await marked(plain));
      if (!path.includes('?')) expect(inApp, path).toContain(path);
    }
  } finally {
    await noScript.close();
  }
});
