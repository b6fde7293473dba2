import { test, expect, expectAccessible, groupDigits } from './fixtures';
import type { APIRequestContext, Locator, Page } from '@playwright/test';

const OCOP_POLL = 'Theo bạn thực hiện Chương trình OCOP nên phát triển theo hướng nào:';

function sidebarPoll(page: Page) {
  return page.getByRole('region', { name: 'Thăm dò ý kiến' });
}

interface Results { voters: number; choices: number; options: { label: string; votes: number }[] }

/** The backend's own count of the poll asking `question`, as it is now: what
 *  a test expects is counted from there, not from the demo content by hand. */
async function results(request: APIRequestContext, question: RegExp | string): Promise<Results> {
  const polls: { id: number; question: string }[] = await (await request.get('/api/polls')).json();
  const poll = polls.find((p) => (typeof question === 'string' ? p.question === question : question.test(p.question)));
  expect(poll, `a poll asking ${question}`).toBeDefined();
  return (await request.get(`/api/polls/${poll!.id}/results`)).json();
}

/** The percentages shown in a results list add up to 100. */
async function expectShares(results: Locator) {
  const counts = await results.locator('.poll-count').allTextContents();
  const shares = counts.map((t) => Number(t.match(/\((\d+) %\)/)![1]));
  expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
}

test('single choice in the sidebar: vote, see results, a second tab is refused', async ({ page, context }) => {
  const before = await results(page.request, OCOP_POLL);
  const voters = groupDigits(before.voters + 1);
  await page.goto('/');
  const poll = sidebarPoll(page);
  await expect(poll.getByRole('group', { name: OCOP_POLL })).toBeVisible();
  await expect(poll.getByRole('radio')).toHaveCount(5);
  const tab2 = await context.newPage();
  await tab2.goto('/');
  await expect(sidebarPoll(tab2).getByRole('radio')).toHaveCount(5);

  await poll.getByLabel('Mở rộng vùng nguyên liệu tập trung, ổn định').check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
  await expect(poll.locator('.poll-total')).toContainText(
    `Tổng số: ${voters} người bình chọn, ${groupDigits(before.choices + 1)} lựa chọn - Tính từ: 01/03/2021`);
  await expect(poll.locator('.poll-results li').nth(1)).toContainText('(bạn đã chọn)');
  await expect(poll.locator('.poll-results li').nth(1)).toContainText(`${groupDigits(before.options[1].votes + 1)} phiếu`);
  await expectShares(poll);
  await expectAccessible(page);

  // After a reload the visitor sees the results with their choice.
  await page.reload();
  await expect(sidebarPoll(page).locator('.poll-results li').nth(1)).toContainText('(bạn đã chọn)');
  await expect(sidebarPoll(page).getByRole('button', { name: 'Bình chọn' })).toHaveCount(0);

  // The tab opened before the vote still shows the form: the backend refuses.
  const poll2 = sidebarPoll(tab2);
  await poll2.getByLabel('Hỗ trợ vốn và đào tạo cho hợp tác xã, hộ sản xuất').check();
  await poll2.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll2.getByRole('status')).toHaveText('Bạn đã bình chọn trong cuộc thăm dò này rồi.');
  await expect(poll2.locator('.poll-total')).toContainText(`${voters} người bình chọn`);
});

test('multi choice: no more than allowed can be ticked, choices and voters apart', async ({ page }) => {
  const before = await results(page.request, /chọn tối đa 3/);
  await page.goto('/tham-do-y-kien');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thăm dò ý kiến');
  const poll = page.getByRole('region', { name: /chọn tối đa 3/ });
  await expect(poll.getByText('Chọn tối đa 3 phương án.')).toBeVisible();
  const boxes = poll.getByRole('checkbox');
  await expect(boxes).toHaveCount(6);
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await boxes.nth(3).check();
  for (const i of [1, 4, 5]) await expect(boxes.nth(i)).toBeDisabled();
  await boxes.nth(2).uncheck();
  await expect(boxes.nth(4)).toBeEnabled();
  await boxes.nth(4).check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
  // This vote adds one voter and three choices.
  await expect(poll.locator('.poll-total')).toContainText(
    `Tổng số: ${groupDigits(before.voters + 1)} người bình chọn, ${groupDigits(before.choices + 3)} lựa chọn`);
  await expectShares(poll);
});

test('closed polls show results only; results can be seen without voting', async ({ page }) => {
  const counted = await results(page.request, /chất lượng nước sinh hoạt/);
  await page.goto('/tham-do-y-kien');
  const closed = page.getByRole('region', { name: /chất lượng nước sinh hoạt/ });
  await expect(closed.getByText('Cuộc thăm dò đã kết thúc hoặc chưa mở.')).toBeVisible();
  await expect(closed.locator('.poll-total')).toContainText(`Tổng số: ${groupDigits(counted.voters)} người bình chọn`);
  await expect(closed.getByRole('radio')).toHaveCount(0);
  await expect(closed.getByRole('button', { name: 'Bình chọn' })).toHaveCount(0);
  await expectShares(closed);

  const open = page.getByRole('region', { name: OCOP_POLL });
  await open.getByRole('button', { name: 'Xem kết quả' }).click();
  await expect(open.locator('.poll-total')).toBeVisible();
  await open.getByRole('button', { name: 'Quay lại bình chọn' }).click();
  await expect(open.getByRole('radio')).toHaveCount(5);
  await expectAccessible(page);
});

test('vote by keyboard alone', async ({ page }) => {
  await page.goto('/tham-do-y-kien');
  const poll = page.getByRole('region', { name: OCOP_POLL });
  const first = poll.getByRole('radio').first();
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = poll.getByRole('radio').nth(2);
  await expect(third).toBeFocused();
  await expect(third).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(poll.getByRole('button', { name: 'Bình chọn' })).toBeFocused();
  const outline = await poll.getByRole('button', { name: 'Bình chọn' }).evaluate((b) => getComputedStyle(b).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
  await expect(poll.locator('.poll-results li').nth(2)).toContainText('(bạn đã chọn)');
});

test('a failed vote keeps the choice and says why', async ({ page }) => {
  await page.route('**/vote', (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: '' }));
  await page.goto('/tham-do-y-kien');
  const poll = page.getByRole('region', { name: OCOP_POLL });
  await poll.getByRole('radio').nth(3).check();
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Máy chủ gặp sự cố (mã 503). Vui lòng thử lại sau.');
  await expect(poll.getByRole('radio').nth(3)).toBeChecked();
  await page.unroute('**/vote');
  await poll.getByRole('button', { name: 'Bình chọn' }).click();
  await expect(poll.getByRole('status')).toHaveText('Cảm ơn bạn đã bình chọn.');
});

test('the same poll twice on a page keeps its labels apart', async ({ page }) => {
  await page.goto('/tham-do-y-kien');
  const inPage = page.getByRole('region', { name: OCOP_POLL });
  await expect(inPage.getByRole('radio')).toHaveCount(5);
  await inPage.getByText('Gắn sản phẩm với du lịch trải nghiệm ở địa phương').click();
  await expect(inPage.getByRole('radio').nth(3)).toBeChecked();
  await expect(sidebarPoll(page).getByRole('radio').nth(3)).not.toBeChecked();
  const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length).toBe(new Set(ids).size);
});
