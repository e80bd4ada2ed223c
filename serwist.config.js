// @ts-check
// The service worker's build configuration (@serwist/next configurator mode): read by
// scripts/serwist-build.ts after `next build`, so the prerendered output is precached.
import { serwist } from "@serwist/next/config";

export default await serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // The staff pages are dynamic; nothing prerendered needs to be precached.
  precachePrerendered: false,
  globIgnores: ["public/sw.js.map"],
});
