import { test, expect, expectAccessible, keepScreenshot, startBackend } from './fixtures';

const OCOP = 'Thúc đẩy chương trình OCOP ở Bình Liêu';

test('home → category → article → neighbours → back', async ({ page }) => {
  const article = await (await page.request.get('/api/articles/thuc-day-chuong-trinh-ocop-o-binh-lieu')).json();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Tin mới nhất' })).toBeVisible();
  await expect(page.locator('.news-item')).toHaveCount(10);
  await expect(page).toHaveTitle('Nông thôn mới Hà Tĩnh');
  // A marker that a full page load would wipe: every step below stays in the app.
  await page.evaluate(() => { (window as any).__sameDocument = true; });

  await page.getByRole('navigation', { name: 'Menu chính' })
    .getByRole('link', { name: 'Học tập đạo đức HCM' }).click();
  await expect(page).toHaveURL(/\/chuyen-muc\/hoc-tap-dao-duc-hcm$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Học tập đạo đức HCM' })).toBeVisible();

  await page.getByRole('link', { name: OCOP }).click();
  await expect(page).toHaveURL(/\/tin-tuc\/thuc-day-chuong-trinh-ocop-o-binh-lieu$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await expect(page.locator('.article-date')).toHaveText('Chủ nhật - 17/01/2021 08:01');
  await expect(page.locator('.article-source')).toHaveText(`Theo ${article.author}/${article.source}`);
  await expect(page).toHaveTitle(`${OCOP} - Nông thôn mới Hà Tĩnh`);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toContain('Bình Liêu');
  await expect(page.locator('.article-body')).toContainText('500 ha');
  await expect(page.locator('.article-body figure figcaption')).not.toHaveCount(0);

  // Same category, by publish time, as the backend lists them (six and six in the demo content).
  const newer = page.getByRole('region', { name: 'Những tin mới hơn' }).getByRole('link');
  const older = page.getByRole('region', { name: 'Những tin cũ hơn' }).getByRole('link');
  expect(article.newer.length).toBeGreaterThan(0);
  expect(article.older.length).toBeGreaterThan(0);
  await expect(newer).toHaveText(article.newer.map((a: { title: string }) => a.title));
  await expect(older).toHaveText(article.older.map((a: { title: string }) => a.title));
  await expect(page.getByRole('region', { name: 'Những tin cũ hơn' }).locator('time').first())
    .toHaveText(/^\(\d\d\/\d\d\/20\d\d\)$/);

  // Moving between two articles keeps the route but must show the new one.
  const olderTitle = (await older.first().textContent())!.trim();
  await older.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(olderTitle);
  await expect(page.getByRole('region', { name: 'Những tin mới hơn' }).getByRole('link').first())
    .toHaveText(OCOP);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Học tập đạo đức HCM' })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test('paging through the home page', async ({ page }) => {
  await page.goto('/');
  const first = await page.locator('.news-title').first().textContent();
  await page.getByRole('link', { name: 'Trang sau »' }).click();
  await expect(page).toHaveURL(/\?trang=2$/);
  await expect(page.locator('.pager-status')).toHaveText(/^Trang 2\/\d+$/);
  await expect(page.locator('.news-title').first()).not.toHaveText(first!);
  await page.goBack();
  await expect(page.locator('.news-title').first()).toHaveText(first!);
});

test('a failing backend shows a message, and retry recovers', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/articles/*', async (route) => {
    if (failures-- > 0) {
      await route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' });
    } else {
      await route.continue();
    }
  });
  await page.goto('/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Máy chủ gặp sự cố (mã 500)');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tải được bài viết');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await expect(alert).toHaveCount(0);
});

test('malformed JSON gets its own message', async ({ page }) => {
  await page.route('**/api/articles/*', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": "x", "ti' }));
  await page.goto('/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu');
  await expect(page.getByRole('alert')).toContainText('Dữ liệu nhận được không hợp lệ');
});

test('unknown article and unknown path get a real 404 view', async ({ page }) => {
  await page.goto('/tin-tuc/khong-co-bai-nay');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await expect(page.getByText('Không tìm thấy bài viết này.')).toBeVisible();
  await expect(page).toHaveTitle('Không tìm thấy trang - Nông thôn mới Hà Tĩnh');

  const response = await page.goto('/trang/khong/ton-tai');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  await page.getByRole('link', { name: 'Về trang chủ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tin mới nhất' })).toBeVisible();
});

test('the API base is read at run time: a build pointed at a dead backend says so', async ({ page }) => {
  // Port 9 (discard) has no listener here: every API call fails to connect.
  const elsewhere = await startBackend(['--api-base', 'http://127.0.0.1:9/api']);
  try {
    await page.goto(`${elsewhere.url}/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu`);
    // The page and each block beside it say so on their own, each with a retry.
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Không kết nối được với máy chủ');
    for (const block of ['Văn bản ban hành', 'Thăm dò ý kiến', 'Thống kê']) {
      await expect(page.getByRole('region', { name: block }).getByRole('alert'))
        .toContainText('Không kết nối được với máy chủ');
    }
  } finally {
    await elsewhere.stop();
  }
});

const pages = [
  ['home', '/', 'Tin mới nhất'],
  ['category', '/chuyen-muc/hoc-tap-dao-duc-hcm', 'Học tập đạo đức HCM'],
  ['article', '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu', OCOP],
  ['not-found', '/khong-co', 'Không tìm thấy trang'],
] as const;

for (const width of [360, 1280]) {
  for (const [name, path, heading] of pages) {
    test(`${name} at ${width} px: no axe violations, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await keepScreenshot(page, `${name}-${width}`);
    });
  }
}

// Moving to an article inside the app: a page load gets the article's text
// from the first view instead (first-view.spec.ts).
test('a slow answer shows a placeholder, and its arrival shifts nothing', async ({ page }) => {
  await page.route('**/api/articles/*', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as any;
    w.__shifts = 0;
    w.__countShifts = (entries: any[]) => {
      for (const e of entries) if (!e.hadRecentInput) w.__shifts += e.value;
    };
    w.__shiftObserver = new PerformanceObserver((list) => w.__countShifts(list.getEntries()));
    w.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/tim-kiem');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A link as any page of the app has one; the router takes the click.
  await page.evaluate(() => {
    const a = document.createElement('a');
    a.href = '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu';
    a.textContent = 'Bài viết';
    document.getElementById('noi-dung')!.append(a);
  });
  await page.getByRole('link', { name: 'Bài viết', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Đang tải bài viết');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Measured once the article is laid out: a shift is found while a frame is
  // rendered, so two frames after the article is in the page (the one that
  // renders it, and the next) every shift it caused has been measured; those
  // not yet handed to the observer are taken from its queue.
  const shifts = await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    const w = window as any;
    w.__countShifts(w.__shiftObserver.takeRecords());
    return w.__shifts;
  });
  console.log(`cumulative layout shift while loading an article: ${shifts.toFixed(4)}`);
  expect(shifts).toBeLessThan(0.05);
});

for (const timezoneId of ['America/New_York', 'Pacific/Kiritimati']) {
  test(`the date line is Vietnam's time in a browser set to ${timezoneId}`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, timezoneId });
    try {
      const page = await context.newPage();
      await page.goto('/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu');
      await expect(page.locator('.article-date')).toHaveText('Chủ nhật - 17/01/2021 08:01');
    } finally {
      await context.close();
    }
  });
}
