import type { Locator, Page } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll, keepScreenshot } from '../fixtures';
import { test, expect, seed, seedAsWritten, flatten } from './fixtures';

// The reader over the extremes, at each width of its project (320, 360, 1280
// and 1920 px): the frame, the menu, the lists and the article that holds
// every element a body may. Nothing scrolls sideways, nothing is lost, axe
// finds nothing, and the console stays clean (the fixture checks).

const site = seed('site.json');
const articles = seed<any[]>('bai-viet.json');
const every = articles.find((a) => a.slug === 'moi-phan-tu');

async function isPhone(page: Page) {
  return (page.viewportSize()?.width ?? 0) < 768;
}

/** The menu button of a phone, pressed by keyboard, unless the menu is open. */
async function openPhoneMenu(page: Page) {
  if (!(await isPhone(page))) return;
  const toggle = page.getByRole('button', { name: 'Danh mục' });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Opens, by keyboard, the submenu `toggle` controls and every one inside it. */
async function openAll(page: Page, toggle: Locator) {
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  const inner = list.locator(':scope > li > .submenu-toggle');
  for (let i = 0; i < (await inner.count()); i++) await openAll(page, inner.nth(i));
}

async function expectInWindow(page: Page, item: Locator) {
  await expect(item).toBeVisible();
  const box = (await item.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, await item.textContent() ?? '').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, await item.textContent() ?? '').toBeLessThanOrEqual(width + 1);
}

test('the frame: the site names itself, and every menu entry is reachable by keyboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.news-item').first()).toBeVisible();
  await expect(page).toHaveTitle(site.name);
  await expect(page.locator('.site-title')).toHaveText(site.name);
  await expect(page.locator('.site-kicker')).toHaveText(site.office);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', site.description);
  // Empty fields are left out, not shown with an empty value.
  const footer = page.locator('footer');
  await expect(footer).toContainText(site.editor_in_chief);
  await expect(footer).not.toContainText('Phó trưởng ban biên tập');
  await expect(footer).not.toContainText('Địa chỉ');
  await expectNoSidewaysScroll(page);

  const nav = page.getByRole('navigation', { name: 'Menu chính' });
  await openPhoneMenu(page);
  const top = nav.locator('.menu-list > li');
  await expect(top).toHaveCount(site.menu.length);
  for (let i = 0; i < site.menu.length; i++) await expectInWindow(page, top.nth(i).locator(':scope > a'));
  const toggles = nav.locator('.menu-list > li > .submenu-toggle');
  for (let i = 0; i < (await toggles.count()); i++) {
    const toggle = toggles.nth(i);
    await openPhoneMenu(page);
    await openAll(page, toggle);
    const links = toggle.locator('xpath=..').locator('.submenu a');
    for (let j = 0; j < (await links.count()); j++) await expectInWindow(page, links.nth(j));
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    // Escape closes the innermost first; enough of them close it all, and
    // focus comes back to the button that opened it.
    for (let k = 0; k < 4; k++) await page.keyboard.press('Escape');
    if (!(await isPhone(page))) await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }
  // All of them, every level: the fourth level too (in closed submenus, so
  // out of the accessibility tree until opened, as the loop above did).
  await openPhoneMenu(page);
  const labels = flatten(site.menu);
  expect(Math.max(...labels.map((l) => l.depth))).toBe(4);
  for (const { label } of labels) {
    await expect(nav.getByRole('link', { name: label, exact: true, includeHidden: true }).first()).toBeAttached();
  }
  await keepScreenshot(page, `extremes-menu-${page.viewportSize()!.width}`);
});

test('lists of long titles', async ({ page }) => {
  for (const route of ['/', '/chuyen-muc/chuyen-muc-co-ten-rat-dai', '/?trang=2']) {
    await page.goto(route);
    await expect(page.locator('.news-item, .empty').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
  await expect(page.locator('.pager-status')).toHaveText('Trang 2/2');
});

test('the article with every element', async ({ page, mediaOrigin }) => {
  await page.goto(`/tin-tuc/${every.slug}`);
  const article = page.locator('article');
  // Its title, body and the site's name are written decomposed (NFD); the
  // reader gets them composed, which every font draws whole.
  const written = seedAsWritten<any[]>('bai-viet.json').find((a) => a.slug === every.slug);
  for (const text of [written.title, written.body_html, seedAsWritten('site.json').name]) {
    expect(text).not.toBe(text.normalize('NFC'));
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(every.title);
  await expect(page).toHaveTitle(`${every.title} - ${site.name}`);
  const shown = await article.evaluate((a) => a.textContent!);
  expect(shown === shown.normalize('NFC'), 'the article is shown composed').toBe(true);

  // Counts grouped the Vietnamese way.
  await expect(page.locator('.rating-totals'))
    .toHaveText('Tổng số điểm của bài viết là: 4.294.967.295 trong 858.993.459 đánh giá');
  await expect(page.locator('.rating-average')).toHaveText('Xếp hạng: 5,0 - 858.993.459 phiếu bầu');

  // Headings under the page's own, no level skipped: h1 h5 h6 h3 → h2 h3 h4 h3.
  const body = page.locator('.article-body');
  expect(await body.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => h.tagName)))
    .toEqual(['H2', 'H3', 'H4', 'H3']);

  // The wide table: in a box that scrolls sideways, by keyboard too; its
  // columns keep their words whole.
  const scroller = body.locator('.table-scroll');
  await expect(scroller).toHaveAttribute('tabindex', '0');
  expect(await scroller.getAttribute('aria-label')).toMatch(/^Bảng 1: Bảng mười bốn cột/);
  const widths = await scroller.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(widths[0]).toBeGreaterThan(widths[1]);
  const tallest = await scroller.locator('th').evaluateAll((ths) =>
    Math.max(...ths.map((th) => th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight))));
  expect(tallest, 'a heading cell of four words runs to more lines than words').toBeLessThan(5);
  await scroller.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);

  // Frames become links; players keep only what may load, with controls.
  await expect(body.getByRole('link', { name: 'Xem video trên YouTube: Phóng sự nông thôn mới' }))
    .toHaveAttribute('href', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await expect(body.getByRole('link', { name: 'Mở nội dung nhúng từ ban-do.invalid' })).toBeVisible();
  await expect(body.locator('iframe')).toHaveCount(0);
  const video = body.locator('video');
  await expect(video).toHaveCount(1);
  await expect(video).toHaveAttribute('controls', '');
  await expect(video).not.toHaveAttribute('autoplay');
  await expect(video.locator('source')).toHaveAttribute('src', `${mediaOrigin}/media/que-huong-doi-moi.wav`);
  await expect(body.getByRole('link', { name: 'Mở tệp video' }))
    .toHaveAttribute('href', 'https://noi-khac.invalid/phim.mp4');
  await expect(body.locator('audio')).toHaveAttribute('src', `${mediaOrigin}/media/mua-vang-tren-dong.wav`);
  await expect(body).not.toContainText('không hỗ trợ');

  // Photos on the media origin load; the one from elsewhere does not try;
  // one without alt is decoration, its caption saying what it shows.
  for (const img of await page.locator(`img[src^="${mediaOrigin}/"]`).all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  }
  await expect(page.locator(`.article-photo img[src^="${mediaOrigin}/"]`)).toHaveCount(1);
  await expect(body.locator('img[alt="Ảnh từ nơi không được phép"]')).not.toHaveAttribute('src');
  await expect(body.locator(`img[src^="${mediaOrigin}/"]`)).toHaveAttribute('alt', '');

  await expect(article.locator('.tag')).toHaveCount(every.tags.length);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, `extremes-article-${page.viewportSize()!.width}`);
});

test('an article without its optional parts', async ({ page }) => {
  await page.goto('/tin-tuc/khong-anh-khong-tac-gia');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(articles[1].title);
  await expect(page.locator('.article-photo, .article-source, .article-tags, .rating')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test('the sidebar: songs, logos and the QR code from the media origin', async ({ page, mediaOrigin }) => {
  await page.goto('/tin-tuc/khong-anh-khong-tac-gia');
  const songs = page.getByRole('region', { name: site.songs_title });
  await expect(songs.locator('audio')).toHaveCount(2);
  await expect(songs.locator('source').first()).toHaveAttribute('src', `${mediaOrigin}/media/que-huong-doi-moi.wav`);
  for (const img of await page.locator(`aside img`).all()) {
    await img.scrollIntoViewIfNeeded();
    await expect(img).toHaveAttribute('src', new RegExp(`^${mediaOrigin}/`));
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    // Shown, sizes known or not (one logo's are 0: unknown).
    expect((await img.boundingBox())!.width).toBeGreaterThan(0);
  }
  await expectNoSidewaysScroll(page);
});

test('a photo whose sizes the backend does not know is shown at its own', async ({ page }) => {
  // bai-so-2's photo comes with width and height 0, as from a NukeViet site.
  await page.goto('/tin-tuc/bai-so-2');
  const photo = page.locator('.article-photo img');
  await expect(photo).toHaveAttribute('width', '0');
  await expect.poll(() => photo.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  const box = (await photo.boundingBox())!;
  expect(box.width).toBeGreaterThan(100);
  expect(box.height).toBeGreaterThan(50);
  await page.goto('/chuyen-muc/chuyen-muc-co-ten-rat-dai');
  const listed = page.locator('.news-item', { hasText: 'Bài thử số 2 với tiêu đề tiếng Việt' }).locator('img');
  await expect.poll(() => listed.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  expect((await listed.boundingBox())!.height).toBeGreaterThan(20);
});

test('pages for foreign readers: linked from the footer in their language, shown whole', async ({ page }) => {
  const [long, invalid] = seed<any[]>('pages.json');
  await page.goto('/');
  const links = page.locator('footer .footer-pages a');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveText(long.title);
  await expect(links.nth(0)).toHaveAttribute('lang', 'en-GB');
  // Not a language tag: no lang attribute at all, read as the site's language.
  await expect(links.nth(1)).toHaveText(invalid.title);
  expect(await links.nth(1).getAttribute('lang')).toBeNull();
  await expectNoSidewaysScroll(page);

  await links.nth(0).focus();
  await page.keyboard.press('Enter');
  const article = page.locator('main article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(long.title);
  await expect(article).toHaveAttribute('lang', 'en-GB');
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('Heading one, shown one level below the title');
  await expect(article).toContainText('Our province, Hà Tĩnh,');
  await expect(article.locator('td').last()).toHaveText('1234567902');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, `extremes-page-${page.viewportSize()!.width}`);

  await page.goto(`/trang/${invalid.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(invalid.title);
  expect(await page.locator('main article').getAttribute('lang')).toBeNull();
  await expectAccessible(page);
});
