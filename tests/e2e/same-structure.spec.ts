import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectSameStructure } from './structure';

// The first view and the app (header and main column) come from the same views
// (views/): tests/e2e/structure.ts compares them on every route with a first
// view. extremes/same-structure.spec.ts does the same over the extremes corpus.

test.describe('the first view and the app show the same header and main column', () => {
  test('on every route with a first view', async ({ browser, page, baseURL }) => {
    test.setTimeout(120_000);
    await expectSameStructure(browser, page, baseURL);
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
