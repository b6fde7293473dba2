// Shared by the scripts/perf/*.mjs measurements (run by scripts/bench-perf.sh).
import { chromium } from 'playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ARTICLE_SLUG = 'thuc-day-chuong-trinh-ocop-o-binh-lieu';
export const STATIC_PATH = '/bai-tinh.html';

/** The three pages measured: the SPA's home and article, and the static floor. */
export const PAGES = [
  { key: 'home', name: 'home /', path: '/' },
  { key: 'article', name: 'article (SPA)', path: `/tin-tuc/${ARTICLE_SLUG}` },
  { key: 'static', name: 'static article', path: STATIC_PATH },
];

// Debian's Chromium, with the flags the e2e tests use on this machine.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Lighthouse's default mobile device (Moto G Power), so every number here is
 *  for the same screen. */
export const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

/** Lighthouse's mobile "slow 4G" figures (150 ms RTT, 1.6 Mbit/s down,
 *  750 kbit/s up, 4x CPU), in the units CDP wants. */
export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS });
}

/** A page in a new context (empty cache) on Lighthouse's mobile screen, slow
 *  4G and 4x CPU; `init(arg)` runs in it before the page's own scripts. */
export async function throttledPage(browser, init, arg) {
  const context = await browser.newContext(MOBILE);
  if (init) await context.addInitScript(init, arg);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page };
}

/** `run(browser, url)` `runs` times on each page of the app (home, article),
 *  saved as `name` in the results folder; returns them by page. */
export async function runOnAppPages(run, runs, results, name) {
  const browser = await launch();
  const out = {};
  for (const p of PAGES.filter((p) => p.key !== 'static')) {
    out[p.key] = [];
    for (let i = 0; i < runs; i++) out[p.key].push(await run(browser, `${results.base}${p.path}`));
  }
  await browser.close();
  saveResult(results.dir, name, out);
  return out;
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Base URL and results folder from the command line: `node x.mjs URL RESULTS`. */
export function args() {
  const [base, results] = process.argv.slice(2);
  if (!base || !results) {
    console.error(`usage: node ${path.basename(process.argv[1])} BASE_URL RESULTS_DIR`);
    process.exit(2);
  }
  return { base: base.replace(/\/$/, ''), results };
}

// Each measurement saves its numbers for summary.mjs.
export function saveResult(dir, name, data) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data, null, 2));
}
export function loadResult(dir, name) {
  return JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
}

/** Prints rows (arrays of cells) as a table: first column left, others right. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  }
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
