/**
 * The service worker (built by scripts/serwist-build.ts after `next build`: the
 * configurator mode of @serwist/next, docs/decisions/0130). It precaches the build's
 * static files so the tablet page loads without a network once visited; the staff
 * API is never cached (check-ins must reach the server or the device's own queue),
 * the ZXing decoder is cached for good (its URL carries the version).
 */
import { defaultCache } from "@serwist/next/worker";
import { CacheFirst, NetworkOnly, Serwist, type PrecacheEntry } from "serwist";

const manifest = (self as unknown as { __SW_MANIFEST: Array<PrecacheEntry | string> | undefined }).__SW_MANIFEST;

const serwist = new Serwist({
  precacheEntries: manifest,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/api/staff/"), handler: new NetworkOnly() },
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname === "/api/checkin/zxing-reader", handler: new CacheFirst({ cacheName: "zxing-wasm" }) },
    ...defaultCache,
  ],
});

serwist.addEventListeners();
