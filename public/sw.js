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
const SHARED = /^\/?(articles|documents|site|search)(\/|\?|$)/;

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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // Pages: always the newest index.html; offline, this release's shell.
    event.respondWith(networkFirst(request, SHELL_CACHE, '/'));
  } else if (url.href.startsWith(API)) {
    if (SHARED.test(url.href.slice(API.length))) event.respondWith(networkFirst(request, DATA_CACHE));
  } else if (url.origin === self.location.origin
    && (SHELL.includes(url.pathname) || /^\/(anh|doi-tac)\//.test(url.pathname))) {
    event.respondWith(cacheFirst(request));
  }
});
