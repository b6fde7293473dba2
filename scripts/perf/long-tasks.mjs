// The main thread's long tasks (over 50 ms) on the home page and an article,
// as a cheap phone sees them: Lighthouse's mobile screen, slow 4G and 4x CPU,
// cold cache. For each task: when it starts (ms after navigation), how long it
// takes, what fills it (the largest kinds of work inside it, from a Chrome
// trace), and the blocking time it adds (its length over 50 ms, counted after
// the first contentful paint, as Total Blocking Time is). A measurement, not a
// test: run by scripts/bench-perf.sh.
//   node scripts/perf/long-tasks.mjs BASE_URL RESULTS_DIR
import { args, CPU_SLOWDOWN, median, PAGES, runOnAppPages, throttledPage } from './lib.mjs';

const RUNS = Number(process.env.LONG_TASK_RUNS ?? 3);
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.wasm',
  'blink.user_timing', 'loading',
];
// What a task is made of, by trace event name; FunctionCall and friends are
// named by what they run.
const KINDS = new Set([
  'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame',
  'RunMicrotasks', 'v8.run', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize',
  'EventDispatch', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'wasm.SyncCompile',
  'wasm.OnCompilationSucceeded', 'v8.wasm.cachedModule', 'MajorGC', 'MinorGC', 'V8.GC_MC_BACKGROUND_MARKING',
  'ResourceReceivedData', 'ResourceFinish', 'XHRReadyStateChange', 'HandlePostMessage', 'ParseAuthorStyleSheet',
  'Decode Image', 'IntersectionObserverController::computeIntersections',
]);

function label(e) {
  const d = e.args?.data ?? {};
  if (e.name === 'EventDispatch') return `EventDispatch ${d.type ?? ''}`.trim();
  if (e.name === 'FunctionCall' && d.functionName) return `FunctionCall ${d.functionName}`;
  if (e.name === 'EvaluateScript' && d.url) return `EvaluateScript ${d.url.split('/').pop()}`;
  return e.name;
}

function analyse(events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, []);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (threads.has(key) && e.ph === 'X') threads.get(key).push(e);
  }
  // The page's main thread: the renderer with the most work.
  const [main] = [...threads.values()].sort((a, b) => b.reduce((s, e) => s + (e.dur ?? 0), 0) - a.reduce((s, e) => s + (e.dur ?? 0), 0));
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const origin = nav?.ts ?? Math.min(...main.map((e) => e.ts));
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 50_000).sort((a, b) => a.ts - b.ts);
  return {
    fcp: fcp ? (fcp.ts - origin) / 1000 : null,
    tasks: tasks.map((t) => {
      const inside = new Map();
      for (const e of main) {
        if (e === t || !KINDS.has(e.name) || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
        const name = label(e);
        inside.set(name, (inside.get(name) ?? 0) + e.dur);
      }
      const what = [...inside.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(', ');
      const start = (t.ts - origin) / 1000;
      const blocking = fcp && t.ts + t.dur > fcp.ts ? Math.max(0, (t.ts + t.dur - Math.max(t.ts, fcp.ts)) / 1000 - 50) : 0;
      return { start: Math.round(start), ms: Math.round(t.dur / 1000), blocking: Math.round(blocking), what };
    }),
  };
}

async function run(browser, url) {
  const { context, page } = await throttledPage(browser);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
  await page.waitForFunction(() => !document.getElementById('ntm-first-view')
    && document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 90_000 });
  await page.waitForLoadState('networkidle');
  // What the app does once it is idle (deferred work) belongs to the load too.
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 1000))));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  return analyse(trace.traceEvents ?? trace);
}

const { base, results } = args();
const out = await runOnAppPages(run, RUNS, { base, dir: results }, 'long-tasks');

for (const [key, runs] of Object.entries(out)) {
  console.log(`\n${PAGES.find((p) => p.key === key).name}: long tasks at ${CPU_SLOWDOWN}x CPU, slow 4G (run by run)`);
  runs.forEach((r, i) => {
    const tbt = r.tasks.reduce((s, t) => s + t.blocking, 0);
    console.log(`  run ${i + 1}: FCP ${Math.round(r.fcp)} ms, ${r.tasks.length} long tasks, blocking after FCP ${tbt} ms`);
    for (const t of r.tasks) console.log(`    at ${String(t.start).padStart(5)} ms  ${String(t.ms).padStart(4)} ms  (blocks ${String(t.blocking).padStart(3)})  ${t.what}`);
  });
  console.log(`  median blocking after FCP: ${median(runs.map((r) => r.tasks.reduce((s, t) => s + t.blocking, 0)))} ms`);
}
