// First view of each page, cold cache: bytes transferred (as DevTools counts
// them: headers + compressed body, from Network.loadingFinished) and request
// counts, by kind. No throttling: only the bytes matter here.
//   node scripts/perf/transfer.mjs BASE_URL RESULTS_DIR
import { args, kib, launch, MOBILE, PAGES, printTable, saveResult } from './lib.mjs';

const KINDS = ['html', 'js', 'wasm', 'css', 'fonts', 'images', 'api/json', 'other'];

/** What a response is, from its URL first (wasm is fetched, the API is JSON),
 *  then its MIME type, then the resource type Chromium gives it. */
function kindOf({ url, type, mime }) {
  const p = new URL(url).pathname;
  if (p.endsWith('.wasm') || mime === 'application/wasm') return 'wasm';
  if (p.startsWith('/api/') || /json/.test(mime)) return 'api/json';
  if (type === 'Document' || mime === 'text/html') return 'html';
  if (type === 'Script' || /javascript/.test(mime)) return 'js';
  if (type === 'Stylesheet' || mime === 'text/css') return 'css';
  if (type === 'Font' || /^font\/|woff/.test(mime)) return 'fonts';
  if (type === 'Image' || /^image\//.test(mime)) return 'images';
  return 'other';
}

async function firstView(browser, url) {
  // A new context has its own, empty HTTP cache: a first visit.
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map(); // requestId -> { url, type, mime, bytes, done }
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    requests.set(e.requestId, { url: e.request.url, type: e.type, mime: '', bytes: 0, done: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { mime: e.response.mimeType, type: e.type ?? r.type });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
  });
  await cdp.send('Network.enable');
  const worker = watchServiceWorker(context);
  await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
  const workerTraffic = await worker.settle(page);
  await context.close();

  const byKind = Object.fromEntries(KINDS.map((k) => [k, { bytes: 0, count: 0 }]));
  let unfinished = 0;
  for (const r of requests.values()) {
    const k = byKind[kindOf(r)];
    k.bytes += r.bytes;
    k.count += 1;
    if (!r.done) unfinished += 1;
  }
  return { byKind, unfinished, worker: workerTraffic, urls: [...requests.values()].map((r) => `${kindOf(r)} ${r.bytes} ${r.url}`) };
}

/** The SPA registers a service worker a while after start, which then fetches
 *  the app shell to keep: not part of the first view (the page's own CDP
 *  session does not see it), so counted apart. Playwright reports the worker's
 *  requests on the context. */
function watchServiceWorker(context) {
  const sizes = [];
  let last = Date.now();
  context.on('requestfinished', async (req) => {
    if (!req.serviceWorker()) return;
    last = Date.now();
    const s = await req.sizes().catch(() => null);
    sizes.push(s ? s.responseHeadersSize + s.responseBodySize : 0);
  });
  return {
    async settle(page) {
      const registered = context.serviceWorkers().length > 0
        || (await context.waitForEvent('serviceworker', { timeout: 8_000 }).then(() => true, () => false));
      if (!registered) return null;
      // Installed (shell fetched) and active, then quiet for a second.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      while (Date.now() - last < 1_000) await page.waitForTimeout(250);
      return { count: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
    },
  };
}

const { base, results } = args();
const browser = await launch();
const out = {};
for (const p of PAGES) out[p.key] = await firstView(browser, base + p.path);
await browser.close();
saveResult(results, 'transfer', out);

console.log('Transferred on first view (cold cache, mobile viewport, until network idle):');
const rows = KINDS.map((k) => [
  k,
  ...PAGES.map((p) => {
    const { bytes, count } = out[p.key].byKind[k];
    return count ? `${kib(bytes)} (${count})` : '-';
  }),
]);
const total = (p) => Object.values(out[p.key].byKind).reduce((s, k) => ({ bytes: s.bytes + k.bytes, count: s.count + k.count }), { bytes: 0, count: 0 });
rows.push(['total', ...PAGES.map((p) => `${kib(total(p).bytes)} (${total(p).count})`)]);
printTable(['kind (requests)', ...PAGES.map((p) => p.name)], rows);
for (const p of PAGES) {
  const w = out[p.key].worker;
  if (w) console.log(`${p.name}: then its service worker installs: ${w.count} request(s), ${kib(w.bytes)} (not in the table)`);
  if (out[p.key].unfinished) console.log(`note: ${p.name}: ${out[p.key].unfinished} request(s) did not finish (counted with 0 B)`);
}
