// claimlens service worker: the app works offline after one visit.
//
// - Precache: on install, every file the build listed in `precache.json` (written by
//   scripts/precache.sh after `trunk build`, so hashed file names are always right) is
//   fetched past the HTTP cache into a cache named after the build's VERSION.
// - Cache first: same-origin GET requests inside the app's scope are answered from
//   that cache, then the network; a navigation with no cached answer (a reload of
//   `./?x` or a deep link) gets the cached index.html when the network fails.
// - Updates: a new build stamps a new VERSION into this file, so the browser sees a
//   changed worker, installs it beside the old one and, once no tab uses the old one
//   (or the page posts {type: 'SKIP_WAITING'}), activates it; activation deletes every
//   other claimlens cache.
// - Sub-paths: every URL is resolved against `self.registration.scope`, so the app can
//   be served from https://host/any/path/.
// - Cross-origin requests and non-GET requests are never touched (the page makes
//   none, and the worker must not become a way to make them).
'use strict';

// Stamped by scripts/precache.sh with a hash of every built file; 'dev' when unbuilt.
const VERSION = 'dev';
const PREFIX = 'claimlens-';
const CACHE = PREFIX + VERSION;

const scope = () => self.registration.scope;
const inScope = (url) => new URL(url, scope()).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const response = await fetch(inScope('precache.json'), { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`precache.json: HTTP ${response.status}; was scripts/precache.sh run after the build?`);
  }
  const list = await response.json();
  const cache = await caches.open(CACHE);
  // Each path segment is URL-encoded, so a file name with `#` or `?` stays a path.
  const requests = list.files.map(
    (f) => new Request(inScope(f.url.split('/').map(encodeURIComponent).join('/')), { cache: 'reload' }),
  );
  await cache.addAll(requests);
  // The app's root URL (`./`) is its index.html.
  const index = await cache.match(inScope('index.html'));
  if (index) await cache.put(scope(), index);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      // Control the page of the first visit too, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(scope())) return;
  event.respondWith(cacheFirst(request));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  const hit = await cache.match(request, { ignoreSearch: navigate });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (offline) {
    const index = navigate ? await cache.match(inScope('index.html')) : undefined;
    if (index) return index;
    throw offline;
  }
}
