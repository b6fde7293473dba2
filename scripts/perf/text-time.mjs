// Time to article text: from navigation start until the title and the first
// body paragraph are in the DOM and painted, SPA article vs the static page,
// cold cache, slow 4G and 4x CPU (as Lighthouse's mobile). Median of RUNS each.
// The text may come from the first view the backend writes into the page; the
// moment the app has the article on screen itself is printed beside it.
//   node scripts/perf/text-time.mjs BASE_URL RESULTS_DIR
import { args, CPU_SLOWDOWN, launch, median, PAGES, printTable, saveResult, secs, SLOW_4G, throttledPage } from './lib.mjs';

const RUNS = Number(process.env.TEXT_RUNS ?? 5);
const TITLE = 'h1.article-title';
const PARAGRAPH = '.article-body p';

/** Runs in the page before its own scripts: checks every frame for the text;
 *  once it is there, that frame paints it, so the next frame's callback is
 *  the first moment it is certainly on screen. */
function watchForText([title, paragraph]) {
  const tick = () => {
    if (!window.__textSeen && document.querySelector(title) && document.querySelector(paragraph)) {
      window.__textSeen = true;
      requestAnimationFrame(() => { window.__textPaintedAt = performance.now(); });
    }
    const app = document.getElementById('noi-dung');
    const appShows = app && !document.getElementById('ntm-first-view') && !document.getElementById('ntm-first-text')
      && app.querySelector(title) && app.querySelector(paragraph);
    if (appShows && !window.__appSeen) {
      window.__appSeen = true;
      requestAnimationFrame(() => { window.__appPaintedAt = performance.now(); });
    }
    if (!window.__textSeen || !window.__appSeen) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function timeToText(browser, url, app) {
  const { context, page } = await throttledPage(browser, watchForText, [TITLE, PARAGRAPH]);
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  // performance.now() counts from the navigation's start (timeOrigin).
  const handle = await page.waitForFunction(
    (app) => window.__textPaintedAt && (!app || window.__appPaintedAt) && [window.__textPaintedAt, window.__appPaintedAt],
    app, { timeout: 90_000 });
  const [text, appReady] = await handle.jsonValue();
  await context.close();
  if (app) appTimes.push(appReady);
  return text;
}

const { base, results } = args();
const spa = PAGES.find((p) => p.key === 'article');
const floor = PAGES.find((p) => p.key === 'static');
const browser = await launch();
const times = { article: [], static: [] };
const appTimes = [];
// Alternate the two so that a busy moment on the machine hits both alike.
for (let i = 0; i < RUNS; i++) {
  times.article.push(await timeToText(browser, base + spa.path, true));
  times.static.push(await timeToText(browser, base + floor.path, false));
}
await browser.close();

const out = {
  article: { runs: times.article, median: median(times.article) },
  static: { runs: times.static, median: median(times.static) },
};
out.ratio = out.article.median / out.static.median;
out.app = { runs: appTimes, median: median(appTimes) };
saveResult(results, 'text-time', out);

console.log(`Time to article text (${TITLE} + ${PARAGRAPH} painted), cold cache,`);
console.log(`${SLOW_4G.latency} ms RTT, 1.6 Mbit/s down, 750 kbit/s up, ${CPU_SLOWDOWN}x CPU, median of ${RUNS}:`);
printTable(
  ['page', 'median', 'runs'],
  [spa, floor].map((p) => [p.name, secs(out[p.key].median), out[p.key].runs.map((ms) => Math.round(ms)).join(' ') + ' ms']),
);
console.log(`SPA / static = ${out.ratio.toFixed(2)} (target ≤ 1.5)`);
console.log(`The app itself shows the article at ${secs(out.app.median)} (runs ${out.app.runs.map((ms) => Math.round(ms)).join(' ')} ms).`);
