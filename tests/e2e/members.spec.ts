import type { Page } from '@playwright/test';
import { test, expect, startBackend, expectAccessible, keepScreenshot, type Backend } from './fixtures';

// Members and the idle-session dialog, against a backend whose idle limit is
// shortened to 70 s, so the dialog opens after 10 s without activity.

let backend: Backend;
test.beforeAll(async () => {
  backend = await startBackend(['--session-idle-seconds', '70']);
});
test.afterAll(async () => backend?.stop());
test.use({ baseURL: undefined });

const ARTICLE = '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu';
let n = 0;

/** Registers a new member through the form; returns their e-mail and password. */
async function register(page: Page, name = 'Trần Thị Hoa') {
  const email = `hoa.${Date.now()}.${n++}@example.vn`;
  const password = 'mật-khẩu-đủ-dài';
  await page.goto(`${backend.url}/dang-ky`);
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.locator('.form-message')).toContainText('Đăng ký đã được ghi nhận');
  return { email, password };
}

async function signIn(page: Page, email: string, password: string, next = ARTICLE) {
  await page.goto(`${backend.url}/dang-nhap?tiep=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.member-name')).toBeVisible();
}

async function sessionMember(page: Page) {
  return (await (await page.request.get(`${backend.url}/api/session`)).json()).member;
}

test('register, sign in, see who is signed in, sign out; a wrong password is refused', async ({ page }) => {
  await page.goto(`${backend.url}/dang-ky`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký thành viên' })).toBeVisible();
  await expectAccessible(page);
  // Nothing filled in: the server's own Vietnamese message.
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.locator('.form-message')).toContainText('Vui lòng nhập họ tên');

  const { email, password } = await register(page);
  // The same e-mail again gets the same answer: nothing reveals it is taken.
  await register(page, 'Người khác');
  await page.goto(`${backend.url}/dang-ky`);

  await page.goto(`${backend.url}/dang-nhap`);
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.form-message')).toHaveText('E-mail hoặc mật khẩu không đúng.');

  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
  await expect(page.locator('.member-name')).toContainText('Trần Thị Hoa');
  expect((await sessionMember(page)).email).toBe(email);
  await keepScreenshot(page, 'member-signed-in');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  await expect.poll(() => sessionMember(page)).toBeNull();
});

test('the idle dialog counts down, Enter keeps the session, and at zero the member is signed out', async ({ page }) => {
  test.setTimeout(180_000);
  const { email, password } = await register(page);
  await signIn(page, email, password);
  await expect(page.locator('h1.article-title')).toBeVisible();

  // No activity: after 10 s the dialog asks, focus inside it.
  const dialog = page.getByRole('alertdialog', { name: 'Phiên đăng nhập sắp hết hạn' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('Bạn đã không sử dụng Site');
  const seconds = async () => Number(await dialog.locator('.idle-countdown').textContent());
  const first = await seconds();
  expect(first).toBeGreaterThan(50);
  expect(first).toBeLessThanOrEqual(60);
  const button = dialog.getByRole('button', { name: 'Bấm vào đây để duy trì trạng thái đăng nhập' });
  await expect(button).toBeFocused();
  await expectAccessible(page);
  await keepScreenshot(page, 'idle-dialog');
  await expect.poll(seconds, { timeout: 5_000 }).toBeLessThan(first);

  // Enter on "Bấm vào đây": the dialog closes and the session goes on.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await sessionMember(page)).not.toBeNull();

  // Left alone again: the dialog comes back, and this time runs out.
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.member-notice')).toContainText('đăng xuất vì không sử dụng trang', { timeout: 75_000 });
  await expect(dialog).toBeHidden();
  // The article is still on screen; the header offers sign-in again.
  await expect(page.locator('h1.article-title')).toBeVisible();
  await expect(page.locator('.article-body')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  await expect.poll(() => sessionMember(page)).toBeNull();
});

test('tabs agree: activity in one keeps the other open, signing out in one signs out both', async ({ page, context }) => {
  // The tabs' clock is Playwright's (one for the whole context): the 20 s
  // below pass on it, every timer of both tabs firing on the way, and not on
  // the wall clock. (It runs as usual until paused.)
  await context.clock.install();
  const { email, password } = await register(page);
  await signIn(page, email, password);
  const other = await context.newPage();
  await other.goto(`${backend.url}/`);
  await expect(other.locator('.member-name')).toBeVisible();

  // 20 s of clicks in the first tab, one every 2 s; the second, untouched,
  // would ask after 10 s of nobody's activity, and never does.
  await context.clock.pauseAt(await page.evaluate(() => Date.now() + 100));
  for (let i = 0; i < 10; i++) {
    await page.mouse.click(5, 300);
    await context.clock.runFor(2_000);
  }
  await expect(other.getByRole('alertdialog')).toBeHidden();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  expect(await sessionMember(page)).not.toBeNull();
  await context.clock.resume();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(other.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  await expect(other.locator('.member-name')).toHaveCount(0);
  await other.close();
});

test('a members-only poll asks a visitor to sign in, then takes the member’s vote once', async ({ page }) => {
  const polls = await (await page.request.get(`${backend.url}/api/polls`)).json();
  const question: string = polls.find((p: { members_only: boolean }) => p.members_only).question;
  await page.goto(`${backend.url}/tham-do-y-kien`);
  const poll = page.locator('.poll').filter({ hasText: question });
  await expect(poll).toContainText('Cuộc thăm dò này chỉ dành cho thành viên.');
  await expect(poll.getByRole('button', { name: 'Bình chọn' })).toBeDisabled();
  await expectAccessible(page);

  // The link signs in and comes back to the polls.
  await poll.getByRole('link', { name: 'Đăng nhập để bình chọn' }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?tiep=/);
  const { email, password } = await register(page);
  await signIn(page, email, password, '/tham-do-y-kien');
  await expect(poll).not.toContainText('chỉ dành cho thành viên');
  await poll.getByRole('radio').first().check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');

  // Once per member, also from a fresh page.
  await page.reload();
  await expect(poll.locator('.poll-results')).toBeVisible();
  await expect(poll).toContainText('(bạn đã chọn)');
});
