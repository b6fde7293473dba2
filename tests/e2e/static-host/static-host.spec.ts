import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  test as base, expect, expectAccessible, startBackend, startStaticServer,
  type Backend, type StaticServer,
} from '../fixtures';

// The front end as a deployer may host it: the built dist/ on a plain static
// server (no headers of ours, no first view), its API base pointed, as the
// README says, at the reference backend on another origin, which allows it
// with CORS and credentials. Every route renders, writes work, media show, and
// the page's CSP comes from the meta tag the build writes.

const root = path.resolve(__dirname, '../../..');

/** The deployment: dist/ on a static host, pointed at the backend's API. */
interface Deployment { backend: Backend; frontEnd: StaticServer; stop: () => Promise<void> }

/** The front end's origin must be known before the backend starts, and the
 *  backend's before the front end is written: the static server picks its
 *  port first and serves the copy once it is written. */
async function deploy(): Promise<Deployment> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ntm-static-'));
  const frontEnd = await startStaticServer(dir, true);
  const backend = await startBackend([
    '--allow-origin', frontEnd.url, '--new-visitors-per-ip', '1000000',
  ]);
  cpSync(path.join(root, 'dist'), dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  // The README's step for a static host.
  writeFileSync(index, readFileSync(index, 'utf8')
    .replace('content="/api"', `content="${backend.url}/api"`));
  return {
    backend,
    frontEnd,
    stop: async () => {
      await backend.stop();
      await frontEnd.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// One deployment for the spec file, as ../fixtures.ts gives every file its backend.
const test = base.extend<{ deployment: Deployment; frontEnd: StaticServer }>({
  deployment: async ({ perFile }, use, testInfo) => use(await perFile.get('static-host', testInfo, deploy)),
  backend: async ({ deployment }, use) => use(deployment.backend),
  frontEnd: async ({ deployment }, use) => use(deployment.frontEnd),
  baseURL: async ({ frontEnd }, use) => use(frontEnd.url),
});

async function ready(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

test('every route renders from the API on another origin, media included', async ({ page, backend }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(`${backend.url}/api/`)) apiCalls.push(r.url()); });
  await page.goto('/');
  await ready(page);
  await expect(page).toHaveTitle('Nông thôn mới Hà Tĩnh');
  await expect(page.locator('.news-item')).toHaveCount(10);
  for (const img of (await page.locator('.news-thumb').all()).slice(0, 3)) {
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  }
  const article = (await page.locator('.news-title a').first().getAttribute('href'))!;
  const routes = [
    '/chuyen-muc/chuong-trinh-ocop', article, '/van-ban', '/van-ban/6748-ubnd-nl5',
    '/tham-do-y-kien', '/tim-kiem?q=ocop', '/dang-nhap', '/dang-ky',
  ];
  for (const route of routes) {
    await page.goto(route);
    await ready(page);
    await expect(page.locator('.error-box')).toHaveCount(0);
    await expectAccessible(page);
  }
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang');
  // The partners' logos, from the static host.
  const logo = page.locator('.partners img').first();
  await logo.scrollIntoViewIfNeeded();
  await expect.poll(() => logo.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  expect(apiCalls.length).toBeGreaterThan(10);
});

test('writes cross origins with the reader\'s cookie: rating, vote, registration and sign-in', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('.news-title a').first().click();
  await ready(page);
  await page.locator('label.star').nth(3).click();
  await expect(page.locator('.rating-status')).toHaveText(/^Cảm ơn bạn đã đánh giá: 4 sao/);

  await page.goto('/tham-do-y-kien');
  await ready(page);
  const main = page.locator('main');
  await main.locator('.poll-option label').first().click();
  await main.getByRole('button', { name: 'Bình chọn' }).first().click();
  await expect(main.getByRole('status').first()).toHaveText('Cảm ơn bạn đã bình chọn.');

  const email = `tinh-${Date.now()}@example.vn`;
  await page.goto('/dang-ky');
  await ready(page);
  await page.getByLabel('Họ và tên').fill('Người Dùng Tĩnh');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-du-dai');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập ngay' })).toBeVisible();
  await page.goto('/dang-nhap');
  await ready(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu').fill('mat-khau-du-dai');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.member-name')).toContainText('Người Dùng Tĩnh');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
});

test('without any header, the built page carries its own CSP', async ({ page, consoleErrors }) => {
  const response = await page.goto('/');
  expect(response!.headers()['content-security-policy']).toBeUndefined();
  await ready(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("require-trusted-types-for 'script'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  // Trusted Types hold: markup that could run script is refused.
  const outcome = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<img src=x onerror="alert(1)">';
      return 'let in';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  // The browser may report the refusal it was asked for; nothing else may be there.
  const refusal = /Trusted Type|TrustedHTML|default policy/;
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !refusal.test(e)));
});
