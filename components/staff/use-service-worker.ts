"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js, built by scripts/serwist-build.ts) so
 * the tablet page loads without a network once visited. On the very first visit the
 * page was fetched before the worker existed: once it controls the page, fetch the
 * page again through it so it lands in the cache.
 */
export function useServiceWorker(): void {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || process.env.NODE_ENV !== "production") return;
    let cancelled = false;
    const warm = () => {
      if (!cancelled) void fetch(window.location.href, { credentials: "same-origin" }).catch(() => {});
    };
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => {
        if (navigator.serviceWorker.controller) warm();
        else navigator.serviceWorker.addEventListener("controllerchange", warm, { once: true });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
}
