"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { CloudOff, RefreshCw } from "lucide-react";

/** How often a ready page asks whether the plan changed (peers after the batch, a moved session). */
const VERSION_POLL_MS = 60_000;
export const AGENDA_SW_URL = "/agenda-sw.js";
export const AGENDA_SW_SCOPE = "/events/";

/**
 * Keeps the agenda page readable offline and current online: registers the agenda's
 * own service worker (scope /events/, separate from the staff tablet's), asks it to
 * keep this page and its assets, says when the copy on screen is from, and re-renders
 * when the plan's version changes.
 */
export function OfflinePlan({
  version,
  checkVersion,
  strings,
}: {
  version: string;
  checkVersion: () => Promise<string | null>;
  strings: { updated: string; offline: string; updating: string };
}) {
  const router = useRouter();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  // The version the page had when a change was seen: "updating…" until the new render arrives.
  const [staleVersion, setStaleVersion] = useState<string | null>(null);
  const changed = staleVersion === version;

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const register = () => {
      if (cancelled) return;
      navigator.serviceWorker
        .register(AGENDA_SW_URL, { scope: AGENDA_SW_SCOPE })
        .then(() => navigator.serviceWorker.ready)
        .then((reg) => {
          if (cancelled) return;
          // The first visit was not served through the worker: hand it this page and what it loaded.
          const assets = performance
            .getEntriesByType("resource")
            .map((e) => e.name)
            .filter((u) => new URL(u).origin === location.origin && new URL(u).pathname.startsWith("/_next/static/"));
          reg.active?.postMessage({ type: "cache-page", url: location.href, assets });
        })
        .catch(() => {
          // No worker (private mode, old browser): the page still works online.
        });
    };
    // Not part of the first screen: the worker's registration and install wait until the
    // page has loaded and the phone is idle (decision 0205), then keep the page as it is.
    return afterLoadWhenIdle(register, () => {
      cancelled = true;
    });
  }, []);

  useEffect(() => {
    let inFlight = false;
    const timer = window.setInterval(async () => {
      if (inFlight || document.visibilityState !== "visible" || !navigator.onLine) return;
      inFlight = true;
      try {
        const latest = await checkVersion();
        if (latest && latest !== version) {
          setStaleVersion(version);
          // The worker re-fetches the page (network first) so the offline copy is the new plan too.
          navigator.serviceWorker?.controller?.postMessage({ type: "cache-page", url: location.href, assets: [] });
          router.refresh();
        }
      } catch {
        // Venue Wi-Fi dropped: try on the next tick.
      } finally {
        inFlight = false;
      }
    }, VERSION_POLL_MS);
    return () => window.clearInterval(timer);
  }, [checkVersion, router, version]);

  if (!online) {
    return (
      <p role="status" className="flex items-center gap-2 rounded-lg bg-warning/12 px-3 py-2 text-sm font-medium text-warning">
        <CloudOff aria-hidden="true" className="size-4 shrink-0" />
        {strings.offline}
      </p>
    );
  }
  return (
    <p role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
      {changed ? <RefreshCw aria-hidden="true" className="size-3.5 animate-spin" /> : null}
      {changed ? strings.updating : strings.updated}
    </p>
  );
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Runs `task` once the page has loaded and the main thread is idle (at most ~2 s later). */
function afterLoadWhenIdle(task: () => void, onCancel: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    // Safari has long had no requestIdleCallback.
    if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(task, { timeout: 2000 });
    else timer = setTimeout(task, 500);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    onCancel();
    window.removeEventListener("load", schedule);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}
