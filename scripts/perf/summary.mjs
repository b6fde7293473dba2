// The targets against what the other scripts measured.
//   CODE_BR=<wasm+js+css brotli bytes> node scripts/perf/summary.mjs BASE_URL RESULTS_DIR
import { args, loadResult, printTable, secs } from './lib.mjs';

const { results } = args();
const codeBr = Number(process.env.CODE_BR);
const lh = loadResult(results, 'lighthouse');
const text = loadResult(results, 'text-time');

const LIMIT_BR = 150 * 1024; // "150 KB", read as KiB like scripts/bench-size.sh prints
const rows = [
  ['wasm + js + css, brotli -q 11', '≤ 150 KiB', `${(codeBr / 1024).toFixed(1)} KiB`, codeBr <= LIMIT_BR],
  ['Lighthouse performance, home', '≥ 98', lh.home.median.score, lh.home.median.score >= 98],
  ['Lighthouse performance, article', '≥ 98', lh.article.median.score, lh.article.median.score >= 98],
  ['LCP, home', '≤ 1.8 s', secs(lh.home.median.lcp), lh.home.median.lcp <= 1800],
  ['LCP, article', '≤ 1.8 s', secs(lh.article.median.lcp), lh.article.median.lcp <= 1800],
  ['CLS, home', '≤ 0.02', lh.home.median.cls.toFixed(3), lh.home.median.cls <= 0.02],
  ['CLS, article', '≤ 0.02', lh.article.median.cls.toFixed(3), lh.article.median.cls <= 0.02],
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
