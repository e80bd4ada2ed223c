/*
 * The attendee agenda's service worker (scope /events/), separate from the staff
 * tablet's Serwist worker (scope /staff/): see docs/decisions/0150.
 * - The agenda page (/events/{slug}/agenda?t=…): network first, the last good copy
 *   per URL when offline. The page itself says when its copy was made.
 * - Next's hashed static assets: cache first (their names change with their content).
 * Nothing else is touched: registration, check-in and server actions always go to
 * the network.
 */
const PAGES = "tpx-agenda-pages-v1";
const ASSETS = "tpx-agenda-assets-v1";
const AGENDA_PATH = /^\/events\/[^/]+\/agenda\/?$/;
const MAX_PAGES = 10;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("tpx-agenda-") && k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function isAgendaPage(url) {
  return url.origin === self.location.origin && AGENDA_PATH.test(url.pathname);
}

function isStaticAsset(url) {
  return url.origin === self.location.origin && url.pathname.startsWith("/_next/static/");
}

async function keepPage(url, response) {
  if (!response.ok || response.type !== "basic") return;
  const cache = await caches.open(PAGES);
  await cache.put(url, response);
  const keys = await cache.keys();
  // Oldest first: a phone keeps at most a few agendas (one per event, maybe a re-sent link).
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    await keepPage(request.url, response.clone());
    return response;
  } catch (err) {
    const cached = await caches.match(request.url, { cacheName: PAGES });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // RSC payloads (router.refresh) are not the page: leave them to the network.
  if (isAgendaPage(url) && request.mode === "navigate") event.respondWith(networkFirst(request));
  else if (isStaticAsset(url)) event.respondWith(cacheFirst(request));
});

/* The page hands over its own URL (and the assets it loaded before the worker was in charge). */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "cache-page" || typeof data.url !== "string") return;
  const url = new URL(data.url);
  if (!isAgendaPage(url)) return;
  const assets = Array.isArray(data.assets) ? data.assets.filter((a) => typeof a === "string" && isStaticAsset(new URL(a))) : [];
  event.waitUntil(
    Promise.all([
      // Marked so the page does not count this copy as another open (an engagement signal).
      fetch(url, { credentials: "same-origin", headers: { "x-tpx-offline-copy": "1" } }).then((r) => keepPage(url.href, r)),
      caches.open(ASSETS).then((c) => c.addAll(assets.slice(0, 60))),
    ]).catch(() => {}),
  );
});
