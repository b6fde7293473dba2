import { expectAccessible, expectNoSidewaysScroll, keepScreenshot } from '../fixtures';
import { test, expect, seed } from './fixtures';

// Issued documents over the extremes: a 300-character summary, no optional
// fields, and attachments of every type, each named for what it is.

const docs = seed<any[]>('documents.json');

test('the list, and a document with attachments of every type', async ({ page, backend }) => {
  await page.goto('/van-ban');
  await expect(page.locator('.doc-count')).toHaveText('Tìm thấy 2 văn bản.');
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Công văn số 6748/UBND-NL5' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Công văn số 6748/UBND-NL5');
  // Fields the backend left empty are left out.
  const fields = page.locator('.doc-fields');
  await expect(fields).not.toContainText('Người ký');
  await expect(fields).not.toContainText('Ngày có hiệu lực');
  await expect(fields).toContainText(docs[0].summary);
  const files = page.locator('.doc-files li');
  await expect(files).toHaveCount(5);
  for (const [name, kind] of [
    ['bao-cao.docx', 'Word'], ['so-lieu.xlsx', 'Excel'], ['ho-so.zip', 'ZIP'],
    ['ban-chup.png', 'Ảnh'], ['toan-van.pdf', 'PDF'],
  ]) {
    await expect(files.filter({ hasText: name })).toContainText(`(${name}, ${kind}, `);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await keepScreenshot(page, `extremes-document-${page.viewportSize()!.width}`);

  // A Word file downloads as one, under its own name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Báo cáo (Word)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('bao-cao.docx');
  const answer = await page.request.get(`${backend.url}/api/documents/6748-ubnd-nl5/files/bao-cao.docx`);
  expect(answer.headers()['content-type'])
    .toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
});
