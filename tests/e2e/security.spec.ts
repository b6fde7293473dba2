import { test, expect } from './fixtures';

// The backend sends a strict Content-Security-Policy with Trusted Types; every
// other test runs under it too. This one checks that no page trips it, and
// that it really stops markup that could run script.
test('no page breaks the Content-Security-Policy, and injected handlers are refused', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  for (const path of ['/', '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu', '/van-ban', '/van-ban/6748-ubnd-nl5',
    '/tham-do-y-kien', '/tim-kiem?q=ocop', '/chuyen-muc/chuong-trinh-ocop']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__violations), path).toEqual([]);
  }
  const outcome = await page.evaluate(() => {
    const probe = document.createElement('div');
    try {
      probe.innerHTML = '<img src="x" onerror="window.__ran = 1">';
      return 'allowed';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
  const inline = await page.evaluate(() => {
    try {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
    } catch {
      return 'refused';
    }
    return (window as any).__inline === 1 ? 'ran' : 'blocked';
  });
  expect(inline).not.toBe('ran');
  // The browser logs the two refusals above; they are the point of this test.
  const unexpected = consoleErrors.filter((e) => !/Trusted(HTML|Script)|Trusted Types/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});

/** A policy's directives: name → its sources, in order. */
function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources.join(' ')];
  }));
}

// The built page carries a meta tag for static hosts (scripts/csp-meta.mjs);
// served by the backend it is there too, beside the header. Each directive it
// holds must read as the header's does, or one of them is out of step.
test('the build\'s CSP meta tag says what the backend\'s header says', async ({ page }) => {
  const response = await page.goto('/');
  const header = directives(response!.headers()['content-security-policy']);
  const meta = directives((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!);
  expect([...meta.keys()].sort()).toEqual(
    ['base-uri', 'object-src', 'require-trusted-types-for', 'script-src', 'trusted-types']);
  for (const [name, sources] of meta) expect(sources, name).toBe(header.get(name));
});
