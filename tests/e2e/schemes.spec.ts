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
