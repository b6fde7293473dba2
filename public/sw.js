// The service worker: offline reading. It keeps the app shell of this release
// and the answers (and photos) of what the visitor has read, and answers from
// them when the network does not. scripts/build.sh writes the release's file
// list and version into the copy in dist/.
'use strict';

const VERSION = '__VERSION__';
const SHELL = ['/', '/favicon.svg' /*__SHELL__*/];
const SHELL_CACHE = `ntm-shell-${VERSION}`;
// Read articles outlive a release: their JSON does not depend on it.
const DATA_CACHE = 'ntm-data';
// The API base, as the page registered the worker with it (?api=...).
const API = new URL(new URL(self.location.href).searchParams.get('api') || '/api', self.location.href).href;
// Answers that are the same for every reader; the rest (ratings, polls,
// sessions, statistics) always come from the network.
const SHARED = /^\/?(articles|documents|pages|site|search)(\/|\?|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

// A new release: drop the old shell, take over open pages at once.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('ntm-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

/** The network's answer, kept in `cacheName` when good; the kept one when the network fails. */
async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request, { ignoreVary: true })
      || (fallbackUrl && await caches.match(fallbackUrl, { cacheName: SHELL_CACHE }));
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const kept = await caches.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(DATA_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** Where the worker keeps the answer to `url` (a page when `page`): a cache's name, or null for what always comes from the network. */
function keptIn(url, page) {
  if (page) return SHELL_CACHE;
  if (url.href.startsWith(API)) return SHARED.test(url.href.slice(API.length)) ? DATA_CACHE : null;
  if (url.origin === self.location.origin
    && (SHELL.includes(url.pathname) || /^\/(anh|doi-tac)\//.test(url.pathname))) return DATA_CACHE;
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const page = request.mode === 'navigate';
  const cacheName = keptIn(url, page);
  if (page) {
    // Pages: always the newest index.html; offline, this release's shell.
    event.respondWith(networkFirst(request, cacheName, '/'));
  } else if (cacheName && url.href.startsWith(API)) {
    event.respondWith(networkFirst(request, cacheName));
  } else if (cacheName) {
    event.respondWith(cacheFirst(request));
  }
});

// A page this worker did not control when it loaded (a reader's first visit,
// often one article opened from a shared link) came from the network alone.
// Once taken over, the page sends its address and what it loaded (index.html
// does), and the worker keeps what it would have kept had it been there.
self.addEventListener('message', (event) => {
  const loaded = event.data && event.data.loaded;
  if (!Array.isArray(loaded)) return;
  event.waitUntil(Promise.all(loaded.slice(0, 300).map(async (href, i) => {
    let url;
    try {
      url = new URL(href, self.location.href);
    } catch {
      return;
    }
    const page = i === 0 && url.origin === self.location.origin;
    const cacheName = keptIn(url, page);
    if (!cacheName || (!page && await caches.match(url.href, { ignoreVary: true }))) return;
    try {
      // Most often from the browser's HTTP cache, not the network again.
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (response.ok) await (await caches.open(cacheName)).put(url.href, response);
    } catch {
      // Gone offline meanwhile: kept the next time it is read.
    }
  })));
});
