// Taps during start-up, as a reader on a cheap phone gives them: on the menu
// button, a star and a poll option (whichever of them is on the page at that
// moment, in turn), one every TAP_EVERY ms from the first paint until the app
// has settled and a few taps more; Lighthouse's mobile screen, slow 4G, 4x
// CPU, cold cache. How long each tap waits for the page to answer (its
// Interaction to Next Paint: input delay, handlers and the next frame) comes
// from the page's own Event Timing entries. A measurement, not a test: run by
// scripts/bench-perf.sh.
//   node scripts/perf/inp.mjs BASE_URL RESULTS_DIR
import { args, CPU_SLOWDOWN, median, PAGES, runOnAppPages, throttledPage } from './lib.mjs';

const RUNS = Number(process.env.INP_RUNS ?? 3);
const TAP_EVERY = 150;
/** Taps after the app has settled, so the last tasks of start-up are in range too. */
const TAPS_AFTER = 6;
const TARGETS = [
  ['menu button', '.menu-toggle'],
  ['star', '.rating .star'],
  ['poll option', '.poll-option label'],
];

// In the page before its own scripts: every interaction's entries.
function observe() {
  window.__taps = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      window.__taps.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

async function run(browser, url) {
  const { context, page } = await throttledPage(browser, observe);
  await page.goto(url, { waitUntil: 'commit', timeout: 90_000 });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 90_000 });

  // The next target, scrolled into view, and where it is: looked up between
  // taps, never just before one, so that a tap lands whenever it falls, long
  // task or not.
  let aim = 0;
  let next = null;
  let settled = false;
  let looking = true;
  const look = (async () => {
    while (looking) {
      const found = await page.evaluate(([targets, aim]) => {
        const shown = targets.map(([, selector]) => [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length > 0));
        const i = shown[aim] ? aim : shown.findIndex(Boolean);
        const done = !document.getElementById('ntm-first-view') && !document.querySelector('[aria-busy="true"]');
        if (i < 0) return { done, next: null };
        shown[i].scrollIntoView({ block: 'center' });
        const r = shown[i].getBoundingClientRect();
        return { done, next: { i, x: r.left + r.width / 2, y: r.top + r.height / 2 } };
      }, [TARGETS, aim]).catch(() => ({ done: false, next: null }));
      next = found.next;
      settled ||= found.done;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  // Taps are timed by the clock of this process, on the page's time line.
  const origin = await page.evaluate(() => performance.timeOrigin);
  const taps = [];
  let after = 0;
  for (let i = 0; i < 80 && after < TAPS_AFTER; i++) {
    const target = next;
    if (target) {
      taps.push({ name: TARGETS[target.i][0], at: Date.now() - origin });
      await page.touchscreen.tap(target.x, target.y);
      aim = (target.i + 1) % TARGETS.length;
      next = null;
    }
    if (settled) after++;
    await new Promise((r) => setTimeout(r, TAP_EVERY));
  }
  looking = false;
  await look;
  // The last entries come with the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const entries = await page.evaluate(() => window.__taps);
  await context.close();

  // One interaction, its longest entry; named by the tap it came from.
  const byId = new Map();
  for (const e of entries) {
    const kept = byId.get(e.id);
    if (!kept || e.duration > kept.duration) byId.set(e.id, e);
  }
  const interactions = [...byId.values()].sort((a, b) => a.start - b.start).map((e) => {
    const tap = [...taps].reverse().find((t) => t.at <= e.start + 5);
    return { target: tap?.name ?? '?', start: Math.round(e.start), ms: Math.round(e.duration) };
  });
  return { taps: taps.length, interactions };
}

const { base, results } = args();
const out = await runOnAppPages(run, RUNS, { base, dir: results }, 'inp');

for (const [key, runs] of Object.entries(out)) {
  console.log(`\n${PAGES.find((p) => p.key === key).name}: taps during start-up at ${CPU_SLOWDOWN}x CPU, slow 4G, one every ${TAP_EVERY} ms (run by run)`);
  runs.forEach((r, i) => {
    const worst = Math.max(0, ...r.interactions.map((t) => t.ms));
    const slow = r.interactions.filter((t) => t.ms > 100);
    const perTarget = TARGETS.map(([name]) => {
      const mine = r.interactions.filter((t) => t.target === name);
      return mine.length ? `${name} ${Math.max(...mine.map((t) => t.ms))} ms (${mine.length})` : null;
    }).filter(Boolean).join(', ');
    console.log(`  run ${i + 1}: ${r.taps} taps, INP ${worst} ms, ${slow.length} over 100 ms; worst by target: ${perTarget}`);
    for (const t of slow) console.log(`    at ${String(t.start).padStart(5)} ms  ${String(t.ms).padStart(4)} ms  ${t.target}`);
  });
  console.log(`  median INP: ${median(runs.map((r) => Math.max(0, ...r.interactions.map((t) => t.ms))))} ms`);
}
