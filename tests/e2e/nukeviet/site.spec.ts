import { test, expect, expectAccessible, expectNoSidewaysScroll, groupDigits, keepScreenshot } from '../fixtures';
import type { Page } from '@playwright/test';

// The release build over a NukeViet 4 site's database (the `nukeviet`
// project): the reader, rating, polls, documents, statistics and sign-in, on
// the backend's NukeViet fixture (server/tests/nukeviet/content.sql). The
// file's tests share one site; each writes to its own article, poll or
// account, and expects what the API says before it writes.

const ARTICLE = '/tin-tuc/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1';

test('the reader: news lists, an article decoded, an old address kept', async ({ page }) => {
  await page.goto('/');
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Sản phẩm OCOP "Kẹo cu đơ" đạt 4 sao' }).first()).toBeVisible();
  // Not published, due in 2100, expired: not listed.
  await expect(main).not.toContainText('Bản nháp chưa đăng');
  await expect(main).not.toContainText('Bài hẹn giờ đăng năm 2100');
  await expect(main).not.toContainText('Thông báo đã hết hạn');
  await expectAccessible(page);

  await main.getByRole('link', { name: 'Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới');
  await expect(main).toContainText('Phóng viên/Báo Hà Tĩnh');
  await expect(main.locator('table')).toContainText('Xã đạt chuẩn');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, 'nukeviet-article');

  // NukeViet's own address of the article answers with the new one.
  await page.goto('/index.php?language=vi&nv=tin-tuc&op=tin-tuc-su-kien/ha-tinh-so-ket-6-thang-xay-dung-nong-thon-moi-1.html');
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hà Tĩnh: sơ kết 6 tháng xây dựng nông thôn mới');
});

test('rating an article counts in NukeViet and once per visitor', async ({ page }) => {
  const slug = 'quyet-dinh-15-2024-qd-ubnd-ve-bo-tieu-chi-xa-nong-thon-moi-7';
  const before = await (await page.request.get(`/api/articles/${slug}/rating`)).json();
  await page.goto(`/tin-tuc/${slug}`);
  const rating = page.getByRole('region', { name: 'Đánh giá bài viết' });
  await expect(rating).toContainText(`Tổng số điểm của bài viết là: ${before.total} trong ${before.count} đánh giá`);
  await rating.locator('label[for="rating-stars-5"]').click();
  await expect(rating.getByRole('status')).toHaveText('Cảm ơn bạn đã đánh giá: 5 sao – Bài viết rất tốt.');
  await expect(rating).toContainText(`Tổng số điểm của bài viết là: ${before.total + 5} trong ${before.count + 1} đánh giá`);
  await page.reload();
  const after = page.getByRole('region', { name: 'Đánh giá bài viết' });
  await expect(after.getByRole('radio', { name: '5 sao: Bài viết rất tốt' })).toBeChecked();
  for (const radio of await after.getByRole('radio').all()) await expect(radio).toBeDisabled();
});

function pollOn(page: Page, question: string) {
  return page.locator('main .poll', { has: page.getByText(question, { exact: true }) });
}

test('polls: a vote counts in NukeViet; a poll of several answers shows no voter count', async ({ page }) => {
  const question = 'Bạn biết đến Chương trình OCOP qua kênh nào?';
  const before = await (await page.request.get('/api/polls/1/results')).json();
  await page.goto('/tham-do-y-kien');
  const poll = pollOn(page, question);
  await poll.getByLabel('Mạng xã hội (Zalo, Facebook)').check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
  await expect(poll.locator('.poll-total')).toContainText(
    `Tổng số: ${groupDigits(before.voters + 1)} người bình chọn, ${groupDigits(before.choices + 1)} lựa chọn - Tính từ: 01/07/2024`);
  await expect(poll.locator('.poll-results li').nth(1)).toContainText(`${groupDigits(before.options[1].votes + 1)} phiếu`);
  await expect(poll.locator('.poll-results li').nth(1)).toContainText('(bạn đã chọn)');
  await expectAccessible(page);

  // NukeViet counts the answers ticked, not the voters, of a poll of several.
  const many = pollOn(page, 'Xã bạn cần ưu tiên tiêu chí nào (chọn tối đa 2)');
  await many.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(many.locator('.poll-total')).toHaveText(/^Tổng số: 4\.294\.967\.295 lựa chọn - Tính từ: 02\/07\/2024$/);
  await expect(many.locator('.poll-results li').nth(2)).toContainText('4.294.967.295 phiếu');
  await expectNoSidewaysScroll(page);
  await keepScreenshot(page, 'nukeviet-polls');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page);
  await keepScreenshot(page, 'nukeviet-polls-360');
});

test('documents: searched without diacritics, a document with its attachments', async ({ page }) => {
  await page.goto('/van-ban');
  const search = page.getByRole('search', { name: 'Tìm văn bản' });
  await expect(page.locator('main .doc-item')).toHaveCount(4);
  await search.getByLabel('Từ khóa (số hiệu, trích yếu)').fill('nong thon moi nang cao');
  await search.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.locator('main .doc-item')).toHaveCount(1);
  await expect(page.locator('main .doc-name')).toHaveText('Công văn số 6748/UBND-NL5');
  await page.locator('main .doc-name').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Công văn số 6748/UBND-NL5');
  const files = page.getByRole('region', { name: 'Tệp đính kèm' });
  // A file of the site: its size, no per-file count (NukeViet counts per
  // document); a file on another site: no size either.
  await expect(files.locator('li').first()).toHaveText(/^cv-6748-ubnd-nl5\.pdf \(PDF, 1 KB\)$/);
  await expect(files.locator('li').nth(1)).toHaveText('phu-luc.docx (Word)');
  const href = await files.getByRole('link', { name: 'cv-6748-ubnd-nl5.pdf' }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  await expectAccessible(page);
  await keepScreenshot(page, 'nukeviet-document');
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page);
  await keepScreenshot(page, 'nukeviet-document-360');
});

test('statistics: NukeViet counts, a visit added', async ({ page }) => {
  const before = await (await page.request.get('/api/stats')).json();
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Thống kê' });
  const total = panel.locator('div', { has: page.getByText('Tổng lượt truy cập') }).locator('dd');
  // This browser is a new visitor: one more visit.
  await expect(total).toHaveText(groupDigits(before.total + 1));
  await expect(total).toHaveText(/^\d{2}\.\d{3}\.\d{3}$/);
  const today = panel.locator('div', { has: page.getByText('Hôm nay', { exact: true }) }).locator('dd');
  await expect(today).toHaveText(groupDigits(before.today + 1));
  const month = panel.locator('div', { has: page.getByText('Tháng hiện tại', { exact: true }) }).locator('dd');
  await expect(month).toHaveText(groupDigits(before.month + 1));
});

test('members sign in with their NukeViet password; registration says whom to ask', async ({ page }) => {
  await page.goto('/dang-nhap');
  await page.getByLabel('E-mail').fill('bientap@nongthonmoi.example.vn');
  await page.getByLabel('Mật khẩu').fill('Mật-khẩu 2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('.member-name')).toHaveText(/Nguyễn Thị Lan/);
  // Member 5 voted in the members' poll on the old site.
  await page.goto('/tham-do-y-kien');
  const members = pollOn(page, 'Xã bạn cần ưu tiên tiêu chí nào (chọn tối đa 2)');
  await expect(members.getByRole('button', { name: 'Bình chọn' })).toHaveCount(0);

  const other = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const page2 = await other.newPage();
    await page2.goto('/dang-ky');
    await page2.getByLabel('Họ và tên').fill('Hoàng Văn Nam');
    await page2.getByLabel('E-mail').fill('nam@example.vn');
    await page2.getByLabel(/Mật khẩu/).fill('mật-khẩu-đủ-dài');
    await page2.getByRole('button', { name: 'Đăng ký' }).click();
    await expect(page2.locator('.form-message')).toContainText('vanphong@nongthonmoi.example.vn');
    await expectAccessible(page2);
  } finally {
    await other.close();
  }
});

test('the English side\'s pages: in the footer in their order, shown in English', async ({ page }) => {
  await page.goto('/');
  const links = page.locator('footer .footer-pages a');
  await expect(links).toHaveText(['Projects & partners', 'About us']);
  await expect(links.nth(1)).toHaveAttribute('lang', 'en');
  await links.nth(1).click();
  await expect(page).toHaveURL(/\/trang\/about-us$/);
  const article = page.locator('main article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About us');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article.locator('.article-lead')).toHaveText('Who we are & what we do in Ha Tinh');
  await expect(article.locator('strong')).toHaveText('New Rural Development');
  await expectAccessible(page);
  await keepScreenshot(page, 'nukeviet-english-page');
});
