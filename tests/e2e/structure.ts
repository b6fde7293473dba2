import { expect, type Browser, type Page } from '@playwright/test';

// The first view's main column (server/src/first_view.rs) and the app's come
// from the same views (views/): on every route with a first view, the two have
// the same elements, classes and text. What only one side has is left out by
// name: the app's rating and print line, and the first view's mark on controls
// that wait for the app; ids and other attributes are not compared (the first
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
  return paths;
}

type Node = string;

/** The main column's elements in document order, as `tag.classes "own text"`. */
export async function structure(page: Page, selector: string): Promise<Node[]> {
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

/** Opens every route with a first view twice, without script and with the
 *  app, and expects the same main column. */
export async function expectSameMainColumn(browser: Browser, page: Page, baseURL: string | undefined) {
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
}
