import { expect, type Browser, type Page } from '@playwright/test';

// The first view (server/src/first_view.rs) and the app come from the same
// views (views/): on every route with a first view, the two have the same
// header and main column, element for element, class for class, text for text.
// What only one side has is left out by name: the app's rating, print line,
// listening and sharing (they need script);
// the menu button and the reading tools' button are links to what they open
// in the first view (it opens without script), so their tags are not compared; ids and other attributes are not compared (the first
// view has no ids the app uses).

/** Every route that gets a first view, with a query where its route takes one. */
export async function routes(page: Page): Promise<string[]> {
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
  // The pages the footer links to (the office in English).
  const site = await (await page.request.get('/api/site')).json();
  for (const p of site.pages ?? []) paths.push(`/trang/${encodeURIComponent(p.slug)}`);
  return paths;
}

type Node = string;

/** The elements under `selector` in document order, as `tag.classes "own text"`. */
export async function structure(page: Page, selector: string): Promise<Node[]> {
  return page.locator(selector).evaluate((main) => {
    // Only one side has these, by design.
    const skip = '.rating, .print-only, .listen, .share, [aria-busy="true"]';
    const out: string[] = [];
    const walk = (e: Element) => {
      if (e.matches(skip)) return;
      const own = [...e.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      const classes = [...e.classList].sort().join('.');
      const tag = e.matches('.menu-toggle, .tools-toggle') ? '' : e.tagName.toLowerCase();
      out.push(`${tag}${classes ? '.' + classes : ''}${own ? ` "${own}"` : ''}`);
      [...e.children].forEach(walk);
    };
    [...main.children].forEach(walk);
    return out;
  });
}

/** Opens every route with a first view twice, without script and with the
 *  app, and expects the same header and main column. */
export async function expectSameStructure(browser: Browser, page: Page, baseURL: string | undefined) {
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL, viewport: page.viewportSize() });
  const plain = await noScript.newPage();
  try {
    for (const path of await routes(page)) {
      await plain.goto(path);
      await expect(plain.locator('#ntm-first-view'), path).toHaveCount(1);
      const first = await structure(plain, '#noi-dung-tinh');
      const firstHeader = await structure(plain, '#ntm-first-view header.site-header');
      const firstHeight = await plain.locator('#ntm-first-view header.site-header').evaluate((h) => h.getBoundingClientRect().height);
      await page.goto(path);
      await expect(page.locator('#ntm-first-view'), path).toHaveCount(0);
      await expect(page.locator('#noi-dung [aria-busy="true"]'), path).toHaveCount(0);
      const app = await structure(page, '#noi-dung');
      expect(first.length, path).toBeGreaterThan(3);
      expect(app, path).toEqual(first);
      // The app's header shows the site information once it has arrived.
      await expect(page.locator('header.site-header .menu-list > li').first(), path).toBeAttached();
      const appHeader = await structure(page, 'header.site-header');
      expect(firstHeader.length, path).toBeGreaterThan(10);
      expect(appHeader, path).toEqual(firstHeader);
      // And it takes the same room: nothing under it moves at the take-over.
      const appHeight = await page.locator('header.site-header').evaluate((h) => h.getBoundingClientRect().height);
      expect(appHeight, path).toBe(firstHeight);
    }
  } finally {
    await noScript.close();
  }
}
