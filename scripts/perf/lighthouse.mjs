// Lighthouse (mobile: default emulation and simulated throttling, performance
// only) on each page, RUNS times; prints the median of each metric.
//   LIGHTHOUSE=.bench/node_modules/.bin/lighthouse node scripts/perf/lighthouse.mjs BASE_URL RESULTS_DIR
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { args, CHROME_FLAGS, CHROMIUM, median, PAGES, printTable, saveResult, secs } from './lib.mjs';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const LIGHTHOUSE = process.env.LIGHTHOUSE;
if (!LIGHTHOUSE) throw new Error('set LIGHTHOUSE to the lighthouse CLI');

const METRICS = [
  ['fcp', 'first-contentful-paint'],
  ['lcp', 'largest-contentful-paint'],
  ['tbt', 'total-blocking-time'],
  ['cls', 'cumulative-layout-shift'],
  ['si', 'speed-index'],
];

function runOnce(url, file) {
  const r = spawnSync(
    LIGHTHOUSE,
    [
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${file}`,
      '--quiet',
      `--chrome-flags=--headless=new ${CHROME_FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`lighthouse ${url} failed (${r.status}):\n${r.stderr}`);
  const lhr = JSON.parse(readFileSync(file, 'utf8'));
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
  const run = { score: Math.round(lhr.categories.performance.score * 100) };
  for (const [key, audit] of METRICS) run[key] = lhr.audits[audit].numericValue;
  return run;
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART): such a run
 *  says nothing about the page, so it is tried again, twice at most. */
function runRetrying(url, file) {
  for (let attempt = 1; ; attempt++) {
    try {
      return runOnce(url, file);
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`  (${url}: ${String(e.message).split('\n').find((l) => l.trim()) ?? 'failed'}; trying again)`);
    }
  }
}

const { base, results } = args();
const dir = path.join(results, 'lighthouse');
mkdirSync(dir, { recursive: true });
const out = {};
for (const p of PAGES) {
  const runs = [];
  for (let i = 1; i <= RUNS; i++) runs.push(runRetrying(base + p.path, path.join(dir, `${p.key}-${i}.json`)));
  out[p.key] = { runs, median: Object.fromEntries(['score', ...METRICS.map(([k]) => k)].map((k) => [k, median(runs.map((r) => r[k]))])) };
  console.log(`  ${p.name}: scores ${runs.map((r) => r.score).join(', ')}`);
}
saveResult(results, 'lighthouse', out);

console.log(`\nLighthouse ${process.env.LH_VERSION ?? ''} mobile, median of ${RUNS} runs (each metric on its own):`);
printTable(
  ['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index'],
  PAGES.map((p) => {
    const m = out[p.key].median;
    return [p.name, m.score, secs(m.fcp), secs(m.lcp), `${Math.round(m.tbt)} ms`, m.cls.toFixed(3), secs(m.si)];
  }),
);
