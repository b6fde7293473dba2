// Time to article text: from navigation start until the title and the first
// body paragraph are in the DOM and painted, SPA article vs the static page,
// cold cache, slow 4G and 4x CPU (as Lighthouse's mobile). Median of RUNS each.
//   node scripts/perf/text-time.mjs BASE_URL RESULTS_DIR
import { args, CPU_SLOWDOWN, launch, median, MOBILE, PAGES, printTable, saveResult, secs, SLOW_4G } from './lib.mjs';

const RUNS = Number(process.env.TEXT_RUNS ?? 5);
const TITLE = 'h1.article-title';
const PARAGRAPH = '.article-body p';

/** Runs in the page before its own scripts: checks every frame for the text;
 *  once it is there, that frame paints it, so the next frame's callback is
 *  the first moment it is certainly on screen. */
function watchForText([title, paragraph]) {
  const tick = () => {
    if (document.querySelector(title) && document.querySelector(paragraph)) {
      requestAnimationFrame(() => { window.__textPaintedAt = performance.now(); });
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
}

async function timeToText(browser, url) {
  const context = await browser.newContext(MOBILE); // new context: empty cache
  await context.addInitScript(watchForText, [TITLE, PARAGRAPH]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  // performance.now() counts from the navigation's start (timeOrigin).
  const handle = await page.waitForFunction(() => window.__textPaintedAt, null, { timeout: 90_000 });
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

const { base, results } = args();
const spa = PAGES.find((p) => p.key === 'article');
const floor = PAGES.find((p) => p.key === 'static');
const browser = await launch();
const times = { article: [], static: [] };
// Alternate the two so that a busy moment on the machine hits both alike.
for (let i = 0; i < RUNS; i++) {
  times.article.push(await timeToText(browser, base + spa.path));
  times.static.push(await timeToText(browser, base + floor.path));
}
await browser.close();

const out = {
  article: { runs: times.article, median: median(times.article) },
  static: { runs: times.static, median: median(times.static) },
};
out.ratio = out.article.median / out.static.median;
saveResult(results, 'text-time', out);

console.log(`Time to article text (${TITLE} + ${PARAGRAPH} painted), cold cache,`);
console.log(`${SLOW_4G.latency} ms RTT, 1.6 Mbit/s down, 750 kbit/s up, ${CPU_SLOWDOWN}x CPU, median of ${RUNS}:`);
printTable(
  ['page', 'median', 'runs'],
  [spa, floor].map((p) => [p.name, secs(out[p.key].median), out[p.key].runs.map((ms) => Math.round(ms)).join(' ') + ' ms']),
);
console.log(`SPA / static = ${out.ratio.toFixed(2)} (target ≤ 1.5)`);
