import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const artifacts = path.join(root, 'tests/e2e/artifacts');

export interface Backend {
  url: string;
  stop: () => Promise<void>;
}

/** Starts the reference backend on a free port with a new, empty database file
 *  (seeded on start) and the release build in `dist` (dist/ unless given). */
export async function startBackend(extraArgs: string[] = [], dist = path.join(root, 'dist')): Promise<Backend> {
  const bin = process.env.NTM_SERVER_BIN ?? path.join(root, 'target/debug/ntm-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'ntm-e2e-'));
  const child: ChildProcess = spawn(
    bin,
    ['--listen', '127.0.0.1:0', '--database', path.join(dir, 'e2e.sqlite3'),
      '--dist', dist, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`backend did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Listening on (http:\/\/\S+?)\/?\s/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`backend exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** No axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** A full-page screenshot kept as an artifact of the run. */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

type Fixtures = { consoleErrors: string[]; waitForApp: boolean };
type WorkerFixtures = { backend: Backend };

export const test = base.extend<Fixtures, WorkerFixtures>({
  backend: [async ({}, use) => {
    // Every test's fresh browser is a new visitor from 127.0.0.1: lift that cap.
    const backend = await startBackend(['--new-visitors-per-ip', '1000000']);
    await use(backend);
    await backend.stop();
  }, { scope: 'worker' }],
  baseURL: async ({ backend }, use) => use(backend.url),
  // On pages with a first view (server/src/first_view.rs) the app takes over a
  // moment after the load; a test of the app starts from there, as a reader's
  // first click would. first-view.spec.ts looks at the moments before.
  waitForApp: [true, { option: true }],
  page: async ({ page, waitForApp, javaScriptEnabled }, use) => {
    if (waitForApp && javaScriptEnabled !== false) {
      for (const name of ['goto', 'reload'] as const) {
        const load = page[name].bind(page) as (...a: unknown[]) => ReturnType<Page['goto']>;
        (page as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
          const response = await load(...args);
          await page
            .waitForFunction(() => !document.getElementById('ntm-first-view'), null, { timeout: 15_000 })
            .catch(() => {}); // the test's own checks say what went wrong
          return response;
        };
      }
    }
    await use(page);
  },
  // Every test fails on a panic or an uncaught error in the page.
  consoleErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
    });
    await use(errors);
    expect(errors, errors.join('\n')).toEqual([]);
  }, { auto: true }],
});

export { expect };
