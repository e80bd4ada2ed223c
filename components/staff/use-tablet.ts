"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { newNonce } from "@/components/agenda/nonce";
import { describe, type ScanResult } from "@/lib/checkin/outcome";
import { deviceId, enqueueScan, lookupOffline, queuedScans, refreshCodeList, removeQueued } from "@/lib/checkin/device-store";
import { playFeedback } from "./feedback";

export type Mode = { kind: "door" } | { kind: "session"; agendaItemId: string; title: string };

const ONLINE_TIMEOUT_MS = 5_000;
const SYNC_EVERY_MS = 5_000;

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ONLINE_TIMEOUT_MS),
  });
}

/**
 * The tablet's brain: every scan goes to the server at once; when the network is
 * gone it is validated against the stored signed code list, queued on the device
 * (nonce + scan time) and synced as soon as the network is back. Each answer plays
 * its sound; the field is ready for the next scan straight away.
 */
export function useTablet(eventId: string, publicKey: string) {
  const router = useRouter();
  const [result, setResult] = useState<ScanResult | null>(null);
  const [history, setHistory] = useState<ScanResult[]>([]);
  const [pending, setPending] = useState(0);
  const browserOnline = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  // The browser may say "online" while the venue's uplink is down: a failed request says otherwise.
  const [reachable, setOnline] = useState(true);
  const online = browserOnline && reachable;
  const [conflicts, setConflicts] = useState<ScanResult[]>([]);
  const [listInfo, setListInfo] = useState<{ entries: number; verified: boolean } | null>(null);
  const syncing = useRef(false);
  const base = `/api/staff/events/${eventId}`;

  const show = useCallback((r: ScanResult) => {
    playFeedback(r.tone);
    setResult((prev) => {
      if (prev) setHistory((h) => [prev, ...h].slice(0, 8));
      return r;
    });
  }, []);

  const countPending = useCallback(async () => setPending((await queuedScans(eventId)).length), [eventId]);

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const queued = await queuedScans(eventId);
      if (!queued.length) return;
      const res = await postJson(`${base}/sync`, {
        device_id: deviceId(),
        scans: queued.slice(0, 100).map((q) => ({ code: q.code, nonce: q.nonce, scanned_at: q.scannedAt })),
      });
      if (!res.ok) return;
      const { results } = (await res.json()) as { results: ScanResult[] };
      await removeQueued(results.map((r) => r.nonce));
      const found = results.filter((r) => r.outcome === "conflict" || r.tone === "red");
      if (found.length) setConflicts((c) => [...found, ...c].slice(0, 20));
      setOnline(true);
      router.refresh();
    } catch {
      setOnline(false);
    } finally {
      syncing.current = false;
      await countPending();
    }
  }, [base, eventId, countPending, router]);

  useEffect(() => {
    void queuedScans(eventId).then((q) => setPending(q.length));
    refreshCodeList(eventId, publicKey).then(setListInfo, () => {});
    const back = () => void sync();
    window.addEventListener("online", back);
    const timer = setInterval(() => void sync(), SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", back);
      clearInterval(timer);
    };
  }, [eventId, publicKey, sync]);

  const scanOffline = useCallback(
    async (code: string, nonce: string, scannedAt: string): Promise<ScanResult> => {
      const queued = await queuedScans(eventId);
      const hit = await lookupOffline(eventId, code);
      const answer = (outcome: Parameters<typeof describe>[0], message: string, extra: Partial<ScanResult> = {}): ScanResult => ({ ...describe(outcome), outcome, message, nonce, ...extra });
      if (hit.found === false) return answer("unknown_code", "This QR code is not on this event's list.");
      if (hit.found && hit.state === "cancelled") return answer("registration_cancelled", `${hit.name}'s registration was cancelled.`);
      if (hit.found && (hit.state === "checked_in" || queued.some((q) => q.code === code.trim()))) {
        return answer("already_checked_in", `${hit.name} is already checked in.`, { name: hit.name, companyName: hit.company });
      }
      await enqueueScan({ nonce, eventId, code: code.trim(), scannedAt, name: hit.found ? hit.name : undefined });
      await countPending();
      return hit.found
        ? answer("queued", `${hit.name} is checked in. It will sync when the network is back.`, { name: hit.name, companyName: hit.company })
        : { ...answer("queued", "Saved on this tablet; the code will be checked when the network is back."), tone: "amber", title: "Saved offline (not verified)" };
    },
    [eventId, countPending],
  );

  const scan = useCallback(
    async (input: { code: string } | { attendeeId: string }, mode: Mode = { kind: "door" }) => {
      const nonce = newNonce();
      const scannedAt = new Date().toISOString();
      try {
        const res =
          mode.kind === "session" && "code" in input
            ? await postJson(`${base}/session-scan`, { agenda_item_id: mode.agendaItemId, code: input.code, nonce, device_id: deviceId() })
            : await postJson(`${base}/scan`, "code" in input
                ? { method: "qr_code", code: input.code, nonce, device_id: deviceId() }
                : { method: "manual", attendee_id: input.attendeeId, nonce, device_id: deviceId() });
        if (res.status === 401 || res.status === 403) return show({ ...describe("error"), outcome: "error", message: "Your session has ended. Sign in again to check people in.", nonce });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
          return show({ ...describe("error"), outcome: "error", message: body?.error?.message ?? "That didn't work. Try again.", nonce });
        }
        setOnline(true);
        show((await res.json()) as ScanResult);
        router.refresh();
      } catch {
        setOnline(false);
        if (!("code" in input) || mode.kind === "session") {
          return show({ ...describe("error"), outcome: "error", message: "No network: scan the QR code instead (codes work offline).", nonce });
        }
        show(await scanOffline(input.code, nonce, scannedAt));
      }
    },
    [base, router, scanOffline, show],
  );

  const undo = useCallback(async () => {
    if (!result?.undoUntil) return;
    const nonce = result.nonce;
    try {
      const res = await postJson(`${base}/undo`, { nonce, device_id: deviceId() });
      const body = (await res.json()) as { error?: { message: string } };
      show(res.ok
        ? { ...describe("undone"), outcome: "undone", message: `${result.name ?? "The attendee"} is no longer checked in.`, nonce: `${nonce}-undo` }
        : { ...describe("error"), outcome: "error", message: body.error?.message ?? "Undo failed.", nonce: `${nonce}-undo` });
      router.refresh();
    } catch {
      show({ ...describe("error"), outcome: "error", message: "Undo needs the network.", nonce: `${nonce}-undo` });
    }
  }, [base, result, router, show]);

  return { result, history, pending, online, conflicts, listInfo, scan, undo, sync };
}
