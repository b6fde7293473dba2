import { expectSameStructure } from '../structure';
import { test } from './fixtures';

// The first view and the app over the extremes corpus (NFD text, wide tables,
// every element a body may hold, media on another origin, long lists): the
// same header and main column on every route with a first view.
test('the first view and the app show the same header and main column over the extremes', async ({ browser, page, baseURL }) => {
  test.setTimeout(120_000);
  await expectSameStructure(browser, page, baseURL);
});
