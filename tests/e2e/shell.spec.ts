import { test, expect, expectAccessible, keepScreenshot, EVERY_PAGE } from './fixtures';

const OCOP = 'Thúc đẩy chương trình OCOP ở Bình Liêu';

test('phone menu by keyboard: open, submenu, Escape back to its button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Menu chính' });
  const toggle = nav.getByRole('button', { name: 'Danh mục' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Văn bản' })).toBeHidden();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Học tập đạo đức HCM' })).toBeVisible();

  const sub = nav.getByRole('button', { name: 'Mở mục con của Tin tức' });
  await sub.focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Gương điển hình' })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'menu-open-360');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link', { name: 'Tin tức - Sự kiện' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sub).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Gương điển hình' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // Following a link closes the menu.
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Văn bản' }).click();
  await expect(page).toHaveURL(/\/van-ban$/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test('phone header: the article starts high, search and text size behind one button, by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu');
  await expect(page.locator('h1.article-title')).toBeVisible();
  const header = await page.locator('.site-header').boundingBox();
  const title = await page.locator('h1.article-title').boundingBox();
  // Measured, not a budget: 277 px of header (h1 at 332) before the tools
  // went behind their button.
  console.log(`header at 360 px: ${Math.round(header!.height)} px, article title at ${Math.round(title!.y)} px`);
  expect(header!.height).toBeLessThan(200);

  const toggle = page.getByRole('button', { name: 'Tìm · Cỡ chữ' });
  const search = page.getByRole('search', { name: 'Tìm kiếm bài viết' });
  const bigger = page.getByRole('button', { name: 'Chữ lớn' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(search).toBeHidden();
  await expect(bigger).toBeHidden();
  // The member links stay in sight.
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'header-tools-open-360');
  // Next in the tab order: the search box, then the text sizes.
  await page.keyboard.press('Tab');
  await expect(search.getByLabel('Từ khóa tìm kiếm')).toBeFocused();
  await bigger.click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'lon');
  await page.keyboard.press('Escape');
  await expect(toggle).toBeFocused();
  await expect(search).toBeHidden();

  // A search from the panel; the next page starts with it closed.
  await page.keyboard.press('Enter');
  await search.getByLabel('Từ khóa tìm kiếm').fill('binh lieu');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\?q=binh%20lieu/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(search).toBeHidden();
});

test('wide header: search and text size in sight, no tools button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('search', { name: 'Tìm kiếm bài viết' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chữ lớn' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tìm · Cỡ chữ' })).toBeHidden();
});

test('wide menu: a submenu opens on its button and Escape closes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Menu chính' });
  await expect(nav.getByRole('button', { name: 'Danh mục' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Thăm dò ý kiến' })).toBeVisible();
  const sub = nav.getByRole('button', { name: 'Mở mục con của Tin tức' });
  await sub.focus();
  const outline = await sub.evaluate((b) => getComputedStyle(b).outlineStyle);
  await page.keyboard.press('Enter');
  expect(outline).toBe('solid');
  await expect(nav.getByRole('link', { name: 'Gương điển hình' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(sub).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Gương điển hình' })).toBeHidden();
  await page.keyboard.press('Enter');
  await nav.getByRole('link', { name: 'Gương điển hình' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gương điển hình');
});

test('a search typed without diacritics finds the article', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search', { name: 'Tìm kiếm bài viết' });
  await search.getByLabel('Từ khóa tìm kiếm').fill('binh lieu ocop');
  await search.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/tim-kiem\?q=binh%20lieu%20ocop$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kết quả tìm kiếm');
  await page.getByRole('link', { name: OCOP }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await page.goBack();
  await expect(page.getByRole('link', { name: OCOP })).toBeVisible();
  await page.goto('/tim-kiem?q=khongcobaivietnaoca');
  await expect(page.getByText('Không tìm thấy bài viết nào với từ khóa “khongcobaivietnaoca”.')).toBeVisible();
});

test('printing an article gives just the article', async ({ page }) => {
  await page.goto('/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu');
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OCOP);
  await expect(page.locator('.article-date')).toContainText('Chủ nhật - 17/01/2021 08:01');
  await expect(page.locator('.article-body')).toBeVisible();
  await expect(page.locator('.article-source')).toBeVisible();
  await expect(page.getByText(/^Địa chỉ bài viết: http/)).toBeVisible();
  for (const hidden of ['.site-header', '.site-footer', '.sidebar', '.rating', '.neighbours', '.breadcrumb', '.print-button']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  await keepScreenshot(page, 'article-print');
});

test('the text size is remembered across visits', async ({ page }) => {
  await page.goto('/');
  const sizes = page.getByRole('group', { name: 'Cỡ chữ' });
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await sizes.getByRole('button', { name: 'Chữ lớn' }).click();
  await expect(sizes.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'true');
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(large).toBeGreaterThan(base);
  await page.reload();
  await expect(sizes.getByRole('button', { name: 'Chữ lớn' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('lon');
  await sizes.getByRole('button', { name: 'Chữ nhỏ' }).click();
  const small = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(small).toBeLessThan(base);
});

test('songs, partner links and the footer come from the backend', async ({ page }) => {
  const site = await (await page.request.get('/api/site')).json();
  expect(site.songs.length).toBeGreaterThan(0);
  expect(site.partners.length).toBeGreaterThan(0);
  await page.goto('/');
  const songs = page.getByRole('region', { name: site.songs_title });
  const players = songs.locator('audio');
  await expect(players).toHaveCount(site.songs.length);
  for (const p of await players.all()) {
    expect(await p.evaluate((a: HTMLAudioElement) => a.controls && !a.autoplay && a.paused)).toBe(true);
  }
  // Each player waits behind a disclosure named by its song, opened by keyboard.
  const first = songs.locator('summary').first();
  await expect(first).toHaveText(`Nghe ${site.songs[0].title}`);
  await expect(players.first()).toBeHidden();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(players.first()).toBeVisible();
  await expect(players.nth(1)).toBeHidden();
  const partners = page.getByRole('region', { name: 'Liên kết' });
  const links = partners.getByRole('link');
  await expect(links).toHaveCount(site.partners.length);
  for (const l of await links.all()) {
    await expect(l).toHaveAttribute('rel', /noopener/);
    await expect(l).toHaveAttribute('rel', /noreferrer/);
    await expect(l.locator('img')).toHaveAttribute('alt', /.+/);
  }
  await expect(partners.getByRole('img', { name: /Mã QR Zalo/ })).toBeVisible();
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(`Trưởng ban biên tập: ${site.editor_in_chief}`);
  // The number as written for people, dialled by its digits.
  await expect(footer.getByRole('link', { name: site.phone })).toHaveAttribute('href', `tel:${site.phone.replace(/\D/g, '')}`);
  await expect(footer.getByRole('link', { name: site.email })).toHaveAttribute('href', `mailto:${site.email}`);
});

for (const width of [320, 1920]) {
  test(`every page at ${width} px has no sideways scroll`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of EVERY_PAGE) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

for (const width of [360, 1280]) {
  test(`search, polls, sign-in and registration pages at ${width} px: axe, screenshots`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [['search', '/tim-kiem?q=nong+thon'], ['polls', '/tham-do-y-kien'],
      ['sign-in', '/dang-nhap'], ['register', '/dang-ky']]) {
      await page.goto(path);
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      await expectAccessible(page);
      await keepScreenshot(page, `${name}-${width}`);
    }
  });
}

test('the skip link and every move inside the app put focus on the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.getByRole('main').getByRole('link', { name: /./ }).first().click();
  await expect(page.getByRole('main')).toBeFocused();
});
