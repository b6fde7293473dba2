import { test, expect, expectAccessible, keepScreenshot, EVERY_PAGE } from './fixtures';

// The system's preferences the stylesheet follows (style/main.css, at its
// end): dark, more contrast (text at 7:1, axe's color-contrast-enhanced),
// both, and forced colours. Every page at 360 and 1280 px passes axe in each.
const SCHEMES = [
  { name: 'dark', media: { colorScheme: 'dark' }, ground: 'rgb(18, 24, 20)', enhancedContrast: false },
  { name: 'contrast', media: { colorScheme: 'light', contrast: 'more' }, ground: 'rgb(255, 255, 255)', enhancedContrast: true },
  { name: 'dark-contrast', media: { colorScheme: 'dark', contrast: 'more' }, ground: 'rgb(0, 0, 0)', enhancedContrast: true },
  { name: 'forced', media: { forcedColors: 'active' }, ground: null, enhancedContrast: false },
] as const;

for (const scheme of SCHEMES) {
  for (const width of [360, 1280]) {
    test(`${scheme.name} at ${width} px: every page passes axe`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia(scheme.media);
      for (const path of EVERY_PAGE) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
        if (scheme.ground) {
          expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), path).toBe(scheme.ground);
        }
        await expectAccessible(page, { enhancedContrast: scheme.enhancedContrast });
        if (path.startsWith('/tin-tuc/') || path === '/') {
          await keepScreenshot(page, `scheme-${scheme.name}-${path === '/' ? 'home' : 'article'}-${width}`);
        }
      }
    });
  }
}

// The reader's own contrast switch, beside the text sizes: the same colours
// as the system's "more contrast", remembered, and set before the first
// paint (the app's code blocked, the page is already in it).
for (const width of [360, 1280]) {
  test(`the contrast switch at ${width} px: remembered, before the app, every page at 7:1`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Tìm · Cỡ chữ' });
    if (width < 768) await toggle.click();
    const contrast = page.getByRole('button', { name: 'Tương phản cao' });
    await expect(contrast).toHaveAttribute('aria-pressed', 'false');
    await contrast.focus();
    await page.keyboard.press('Enter');
    await expect(contrast).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'cao');
    const text = () => page.evaluate(() => getComputedStyle(document.body).color);
    expect(await text()).toBe('rgb(0, 0, 0)');

    // The app's code held back: the first view alone is already in it.
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    // The frame's own goto: the page's waits for the app.
    await page.mainFrame().goto(`${baseURL}/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#ntm-first-view')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'cao');
    expect(await text()).toBe('rgb(0, 0, 0)');
    release();
    await expect(page.locator('#ntm-first-view')).toHaveCount(0);
    await page.unroute('**/*.wasm');

    for (const path of EVERY_PAGE) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Tương phản cao', includeHidden: true })).toHaveAttribute('aria-pressed', 'true');
      await expectAccessible(page, { enhancedContrast: true });
      if (path === '/') await keepScreenshot(page, `contrast-switch-home-${width}`);
    }
    // On a dark system, the dark high-contrast colours.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ colorScheme: 'light' });

    if (width < 768) await toggle.click();
    await page.getByRole('button', { name: 'Tương phản cao' }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast', /.*/);
    expect(await page.evaluate(() => localStorage.getItem('ntm-contrast'))).toBeNull();
    expect(await text()).toBe('rgb(29, 37, 33)');
  });
}
