import { test, expect, expectAccessible, keepScreenshot } from './fixtures';
import type { Page } from '@playwright/test';

const SLUG = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';

// The browser's speech synthesis, stubbed: it records what it is asked to say
// and in which language, and a test ends the block being read (`finish`).
// The utterance is stubbed too: a real one refuses a voice it did not make.
function stubSpeech(voices: { lang: string; name: string }[]) {
  class Utterance extends EventTarget {
    text: string; lang = ''; voice: unknown = null;
    onstart: (() => void) | null = null; onend: (() => void) | null = null; onerror: (() => void) | null = null;
    constructor(text: string) { super(); this.text = text; }
    fire(type: 'start' | 'end' | 'error') { this[`on${type}`]?.(); }
  }
  const queue: Utterance[] = [];
  let current: Utterance | null = null;
  const said: { text: string; lang: string; voice: string | null }[] = [];
  const calls: string[] = [];
  const next = () => { current = queue.shift() ?? null; current?.fire('start'); };
  const speech = {
    voices: [] as typeof voices,
    onvoiceschanged: null as (() => void) | null,
    // Voices of the browser's own kind (a real utterance takes no other).
    getVoices() {
      return this.voices.map((v) => Object.create(SpeechSynthesisVoice.prototype, {
        lang: { value: v.lang }, name: { value: v.name },
      }));
    },
    speak(u: Utterance) {
      said.push({ text: u.text, lang: u.lang, voice: (u.voice as { lang?: string } | null)?.lang ?? null });
      queue.push(u);
      if (!current) next();
    },
    cancel() {
      calls.push('cancel');
      const was = current;
      queue.length = 0; current = null;
      was?.fire('error');
    },
    pause() { calls.push('pause'); },
    resume() { calls.push('resume'); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (window as unknown as Record<string, unknown>).speech = {
    said, calls,
    finish() { const was = current; current = null; was?.fire('end'); next(); },
    // Chrome's voices arrive after the page asks for them.
    arrive() { speech.voices = voices; speech.onvoiceschanged?.(); },
  };
}

type Speech = { said: { text: string; lang: string; voice: string | null }[]; calls: string[] };
const speech = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as { speech: Speech }).speech;
  return { said: [...s.said], calls: [...s.calls] };
});

test('listen: the article read aloud in Vietnamese, block by block, by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.addInitScript(stubSpeech, [{ lang: 'en-US', name: 'English' }, { lang: 'vi-VN', name: 'Tiếng Việt' }]);
  await page.goto(`/tin-tuc/${SLUG}`);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeVisible();
  const listen = page.getByRole('button', { name: 'Nghe bài viết' });
  // No voice yet: no control.
  await expect(listen).toHaveCount(0);
  const leadTop = () => page.locator('.article-lead').evaluate((e) => e.getBoundingClientRect().top);
  const before = await leadTop();
  await page.evaluate(() => (window as unknown as { speech: { arrive(): void } }).speech.arrive());
  await expect(listen).toBeVisible();
  // It took a place on the print button's line: the text did not move.
  expect(await leadTop()).toBe(before);

  await listen.focus();
  await page.keyboard.press('Enter');
  const pause = page.getByRole('button', { name: 'Tạm dừng' });
  await expect(pause).toBeFocused();
  const { said } = await speech(page);
  const lead = (await page.locator('.article-lead').textContent())!.trim();
  const blocks = await page.locator('.article-body').evaluate((body) =>
    [...body.querySelectorAll('p,h2,h3,h4,h5,h6,li,dt,dd,blockquote,figcaption,caption,th,td,pre')]
      .filter((el) => !el.querySelector('p,h2,h3,h4,h5,h6,li,dt,dd,blockquote,figcaption,caption,th,td,pre'))
      .map((el) => el.textContent!.trim()).filter((t) => t));
  expect(blocks.length).toBeGreaterThan(2);
  expect(said.map((s) => s.text)).toEqual([(await title.textContent())!.trim(), lead, ...blocks]);
  for (const s of said) expect(s).toMatchObject({ lang: 'vi-VN', voice: 'vi-VN' });

  // The block being read is marked and in view.
  await expect(title).toHaveClass(/speaking/);
  const finish = () => page.evaluate(() => (window as unknown as { speech: { finish(): void } }).speech.finish());
  await finish();
  await finish();
  const third = page.locator('.speaking');
  await expect(third).toHaveCount(1);
  await expect(third).toHaveText(blocks[0]);
  await expect(title).not.toHaveClass(/speaking/);
  await expect(third).toBeInViewport();
  await expectAccessible(page);
  await keepScreenshot(page, 'listen-reading');

  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Tiếp tục' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pause).toBeFocused();
  expect((await speech(page)).calls).toEqual(['cancel', 'pause', 'resume']);

  // Stop: nothing marked, focus back on the control.
  await page.getByRole('button', { name: 'Dừng đọc' }).click();
  await expect(listen).toBeFocused();
  await expect(page.locator('.speaking')).toHaveCount(0);

  // Read to the end: the control is ready again.
  await listen.click();
  for (let i = 0; i < blocks.length + 2; i++) await finish();
  await expect(listen).toBeVisible();
  await expect(page.locator('.speaking')).toHaveCount(0);

  // Leaving the article stops the reading.
  await listen.click();
  const calls = (await speech(page)).calls.length;
  await page.locator('.neighbours a').first().click();
  await expect(page).not.toHaveURL(new RegExp(SLUG));
  await expect.poll(async () => (await speech(page)).calls.slice(calls)).toContain('cancel');
});

test('listen: a browser without a Vietnamese voice shows no control, and nothing breaks', async ({ page, consoleErrors }) => {
  await page.addInitScript(stubSpeech, [{ lang: 'en-US', name: 'English' }]);
  await page.goto(`/tin-tuc/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => (window as unknown as { speech: { arrive(): void } }).speech.arrive());
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nghe bài viết' })).toHaveCount(0);
  // A browser with no speech synthesis at all.
  await page.addInitScript(() => { delete (window as unknown as Record<string, unknown>).speechSynthesis; });
  await page.reload();
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nghe bài viết' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('share: copy the link, Zalo and Facebook by plain links, the phone\'s share sheet', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => { (window as unknown as { shared: ShareData }).shared = data; },
      configurable: true,
    });
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`/tin-tuc/${SLUG}`);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const share = page.getByRole('group', { name: 'Chia sẻ bài viết:' });
  await expect(share).toBeVisible();
  const url = `${baseURL}/tin-tuc/${SLUG}`;

  const zalo = share.getByRole('link', { name: 'Zalo (mở trong thẻ mới)' });
  await expect(zalo).toHaveAttribute('href',
    `https://button-share.zalo.me/share_external?layout=1&d=${encodeURIComponent(Buffer.from(JSON.stringify({ url })).toString('base64'))}`);
  const facebook = share.getByRole('link', { name: 'Facebook (mở trong thẻ mới)' });
  await expect(facebook).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
  for (const link of [zalo, facebook]) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }

  await share.getByRole('button', { name: 'Chép liên kết' }).click();
  await expect(share.getByRole('status')).toHaveText('Đã chép liên kết bài viết.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  await share.getByRole('button', { name: 'Chia sẻ khác…' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shared?: ShareData }).shared)).toEqual({ title, url });
  await expectAccessible(page);
  await keepScreenshot(page, 'share');
  // Nothing of Zalo's or Facebook's was loaded.
  expect(requests.filter((r) => !r.startsWith(baseURL!) && !r.startsWith('data:'))).toEqual([]);
});

test('share: without a clipboard or a share sheet, the reader is told and the links remain', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
  });
  await page.goto(`/tin-tuc/${SLUG}`);
  const share = page.getByRole('group', { name: 'Chia sẻ bài viết:' });
  await expect(share.getByRole('link')).toHaveCount(2);
  await expect(share.getByRole('button', { name: 'Chia sẻ khác…' })).toHaveCount(0);
  await share.getByRole('button', { name: 'Chép liên kết' }).click();
  await expect(share.getByRole('status')).toHaveText('Trình duyệt không cho chép tự động: hãy chép địa chỉ trên thanh địa chỉ.');
});
