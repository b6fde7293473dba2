// The targets against what the other scripts measured.
//   CODE_BR=<wasm+js+css brotli bytes> node scripts/perf/summary.mjs BASE_URL RESULTS_DIR
import { args, loadResult, median, printTable, secs } from './lib.mjs';

const { results } = args();
const codeBr = Number(process.env.CODE_BR);
const lh = loadResult(results, 'lighthouse');
const text = loadResult(results, 'text-time');
const inp = loadResult(results, 'inp');
const worstTap = (runs) => median(runs.map((r) => Math.max(0, ...r.interactions.map((t) => t.ms))));
const scores = (page) => lh[page].runs.map((r) => r.score);

const LIMIT_BR = 150 * 1024; // "150 KB", read as KiB like scripts/bench-size.sh prints
const rows = [
  ['wasm + js + css, brotli -q 11', '≤ 150 KiB', `${(codeBr / 1024).toFixed(1)} KiB`, codeBr <= LIMIT_BR],
  ['Lighthouse performance, home', '≥ 98', lh.home.median.score, lh.home.median.score >= 98],
  ['Lighthouse performance, article', '≥ 98', lh.article.median.score, lh.article.median.score >= 98],
  ['LCP, home', '≤ 1.8 s', secs(lh.home.median.lcp), lh.home.median.lcp <= 1800],
  ['LCP, article', '≤ 1.8 s', secs(lh.article.median.lcp), lh.article.median.lcp <= 1800],
  ['CLS, home', '≤ 0.02', lh.home.median.cls.toFixed(3), lh.home.median.cls <= 0.02],
  ['CLS, article', '≤ 0.02', lh.article.median.cls.toFixed(3), lh.article.median.cls <= 0.02],
  // Issue 22: a quiet main thread on a cheap phone.
  ['TBT, home', '≤ 50 ms', `${Math.round(lh.home.median.tbt)} ms`, lh.home.median.tbt <= 50],
  ['TBT, article', '≤ 50 ms', `${Math.round(lh.article.median.tbt)} ms`, lh.article.median.tbt <= 50],
  ['performance in every run, home', '≥ 98', scores('home').join(', '), scores('home').every((s) => s >= 98)],
  ['performance in every run, article', '≥ 98', scores('article').join(', '), scores('article').every((s) => s >= 98)],
  ['taps during start-up (INP), home', '≤ 100 ms', `${worstTap(inp.home)} ms`, worstTap(inp.home) <= 100],
  ['taps during start-up (INP), article', '≤ 100 ms', `${worstTap(inp.article)} ms`, worstTap(inp.article) <= 100],
  ['time to article text, SPA / static', '≤ 1.5', `${text.ratio.toFixed(2)} (${secs(text.article.median)} / ${secs(text.static.median)})`, text.ratio <= 1.5],
];
if (text.app) console.log(`(the app itself has the article on screen at ${secs(text.app.median)}, median)`);
console.log('Summary (Lighthouse figures are medians of its mobile runs):');
printTable(
  ['target', 'goal', 'measured', 'status'],
  rows.map(([what, goal, got, ok]) => [what, goal, got, ok ? 'MET' : 'NOT MET']),
);
const met = rows.filter((r) => r[3]).length;
console.log(`${met} of ${rows.length} targets met`);
