import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    // Warnings and errors only: a line per request would bury the test output.
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NTM_LOG: process.env.NTM_LOG ?? 'warn' } },
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

/** The MariaDB that scripts/test.sh starts (scripts/mariadb.sh), as the
 *  backend's tests name it: a URL without a database. */
function mariadb(): { url: string; client: string[] } {
  const url = process.env.NTM_TEST_MARIADB;
  if (!url) throw new Error('NTM_TEST_MARIADB is not set: scripts/test.sh starts a MariaDB (scripts/mariadb.sh start)');
  const u = new URL(url);
  return {
    url,
    client: ['--no-defaults', `--socket=${u.searchParams.get('socket')}`, `--user=${decodeURIComponent(u.username)}`,
      `--password=${decodeURIComponent(u.password)}`, '--default-character-set=utf8mb4'],
  };
}

let nukevietDatabases = 0;

/** The reference backend over a NukeViet 4 site: a new database on the test
 *  MariaDB loaded with the backend's own fixture (server/tests/nukeviet/:
 *  NukeViet 4.5's tables, our content stored as NukeViet stores it), and a
 *  site folder with the pictures and attachment it names. */
export async function startNukeVietBackend(extraArgs: string[] = []): Promise<Backend> {
  const { url, client } = mariadb();
  const name = `ntm_e2e_${process.pid}_${++nukevietDatabases}`;
  const fixture = path.join(root, 'server/tests/nukeviet');
  const sql = ['schema.sql', 'content.sql'].map((f) => readFileSync(path.join(fixture, f), 'utf8')).join('\n');
  execFileSync('mariadb', [...client, '-e',
    `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]);
  execFileSync('mariadb', [...client, name], { input: sql });
  const site = mkdtempSync(path.join(tmpdir(), 'ntm-nukeviet-'));
  // A picture (a 1×1 PNG: the browser goes by its bytes, not its name), its
  // thumbnail, and a document's attachment.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  for (const file of ['uploads/tin-tuc/2024_07/so-ket.jpg', 'assets/tin-tuc/2024_07/so-ket.jpg',
    'uploads/tin-tuc/2024_07/quyet-dinh.png']) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), png);
  }
  mkdirSync(path.join(site, 'uploads/van-ban/2024_07'), { recursive: true });
  writeFileSync(path.join(site, 'uploads/van-ban/2024_07/cv-6748-ubnd-nl5.pdf'), '%PDF-1.4\n% công văn 6748\n');
  const backend = await startBackend([
    '--nukeviet', url.replace('/?', `/${name}?`), '--nukeviet-root', site, ...extraArgs]);
  return {
    url: backend.url,
    stop: async () => {
      await backend.stop();
      execFileSync('mariadb', [...client, '-e', `DROP DATABASE IF EXISTS ${name}`]);
      rmSync(site, { recursive: true, force: true });
    },
  };
}

export interface StaticServer {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.wav': 'audio/wav', '.mp4': 'video/mp4', '.ico': 'image/x-icon',
};

/** A plain static file server on a free loopback port, sending no headers of
 *  ours (no CSP, no cache rules): what a deployer's static host or a CDN is.
 *  With `spa`, a path that is not a file gets `index.html`, as static hosts
 *  are set up for client-side routes. */
export async function startStaticServer(root: string, spa = false): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (!spa) { res.writeHead(404).end(); return; }
      file = path.join(root, 'index.html');
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** `1287` as the front end writes it, `1.287` (what ntm_types::number::group_digits
 *  does; the e2e tests cannot call the Rust). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
    // What sticks out, to say where to look when it fails.
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
        && !e.closest('.table-scroll, .visually-hidden'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  }));
  expect(widths.page, `wider than the window: ${widths.wide.join(', ')}`).toBeLessThanOrEqual(widths.window);
}

/** No axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page, { enhancedContrast = false } = {}) {
  let axe = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  // WCAG AAA's 7:1 for text, where the page promises it (more contrast).
  if (enhancedContrast) axe = axe.options({ rules: { 'color-contrast-enhanced': { enabled: true } } });
  const results = await axe.analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** A page of each route, with a first view or not; the not-found page last. */
export const EVERY_PAGE = ['/', '/chuyen-muc/hoc-tap-dao-duc-hcm', '/tin-tuc/thuc-day-chuong-trinh-ocop-o-binh-lieu',
  '/van-ban', '/van-ban/6748-ubnd-nl5', '/tham-do-y-kien', '/tim-kiem?q=nong+thon', '/dang-nhap', '/dang-ky', '/trang/about-us',
  '/khong-co'];

/** A full-page screenshot kept as an artifact of the run. */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Something a test runs against that is started and stopped (a backend, a
 *  static host with it). */
export interface Stoppable { stop: () => Promise<void> }

/**
 * The servers of one spec file: each file starts with new ones (a new backend,
 * a new database seeded afresh), so no test depends on what a test of another
 * file wrote. A worker runs the files of its project one after the other; when
 * its test belongs to another file (or another repetition of the same file,
 * `--repeat-each`) than the last one, what the last file had is stopped and
 * `start` runs again. Tests of one file share them, and must not depend on
 * each other's writes either: each reads what it needs (the API's own answer)
 * before it writes.
 *
 * Why per file and not per test: a backend takes about 0.3 s to start (a
 * debug build creating, migrating and seeding its database, whose PDF
 * attachments are written by crates the dev profile optimises; 2 s before
 * that), and tests of one file share a page's worth of setup; one per test
 * would add a minute or more to the run for no test that needs it.
 */
export class PerFile {
  private key = '';
  private held = new Map<string, Stoppable>();

  /** `name`'s servers for `testInfo`'s file, started by `start` if this file has none yet. */
  async get<T extends Stoppable>(name: string, testInfo: TestInfo, start: () => Promise<T>): Promise<T> {
    const key = `${testInfo.file}#${testInfo.repeatEachIndex}`;
    if (key !== this.key) {
      await this.stopAll();
      this.key = key;
    }
    let found = this.held.get(name) as T | undefined;
    if (!found) {
      found = await start();
      this.held.set(name, found);
    }
    return found;
  }

  /** Stops everything held, the last started first. */
  async stopAll() {
    const all = [...this.held.values()].reverse();
    this.held.clear();
    for (const s of all) await s.stop();
  }
}

type Fixtures = {
  consoleErrors: string[];
  waitForApp: boolean;
  /** What the backend serves: its own demo content, or a NukeViet site's. */
  store: 'own' | 'nukeviet';
  backend: Backend;
};
type WorkerFixtures = { perFile: PerFile };

export const test = base.extend<Fixtures, WorkerFixtures>({
  perFile: [async ({}, use) => {
    const perFile = new PerFile();
    await use(perFile);
    await perFile.stopAll();
  }, { scope: 'worker' }],
  store: ['own', { option: true }],
  backend: async ({ perFile, store }, use, testInfo) => {
    // Every test's fresh browser is a new visitor from 127.0.0.1: lift that cap.
    const args = ['--new-visitors-per-ip', '1000000'];
    await use(await perFile.get('backend', testInfo,
      () => (store === 'nukeviet' ? startNukeVietBackend(args) : startBackend(args))));
  },
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
