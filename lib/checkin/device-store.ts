/**
 * The tablet's own storage (browser only; IndexedDB through `idb`): the queue of
 * scans made while offline (nonce + scan time, synced later) and the event's signed
 * code list for validating codes without the network (lib/checkin/code-list.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { CodeList, CodeListEntry, SignedCodeList } from "./code-list";

export type QueuedScan = { nonce: string; eventId: string; code: string; scannedAt: string; name?: string };
type StoredList = SignedCodeList & { eventId: string; fetchedAt: string; verified: boolean };

interface TabletDb extends DBSchema {
  queue: { key: string; value: QueuedScan; indexes: { byEvent: string } };
  lists: { key: string; value: StoredList };
}

let dbPromise: Promise<IDBPDatabase<TabletDb>> | undefined;
function db() {
  dbPromise ??= openDB<TabletDb>("tpx-tablet", 1, {
    upgrade(d) {
      d.createObjectStore("queue", { keyPath: "nonce" }).createIndex("byEvent", "eventId");
      d.createObjectStore("lists", { keyPath: "eventId" });
    },
  });
  return dbPromise;
}

export async function enqueueScan(scan: QueuedScan): Promise<void> {
  await (await db()).put("queue", scan);
}

export async function queuedScans(eventId: string): Promise<QueuedScan[]> {
  const all = await (await db()).getAllFromIndex("queue", "byEvent", eventId);
  return all.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

export async function removeQueued(nonces: string[]): Promise<void> {
  const tx = (await db()).transaction("queue", "readwrite");
  await Promise.all([...nonces.map((n) => tx.store.delete(n)), tx.done]);
}

/** This device's id: random, kept in localStorage, sent with every scan (undo is per device). */
export function deviceId(): string {
  const key = "tpx-device-id";
  let id = localStorage.getItem(key);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    localStorage.setItem(key, id);
  }
  return id;
}

const b64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** Verifies the list's Ed25519 signature with WebCrypto; null where the browser cannot (then it is kept, unverified). */
export async function verifyList(list: SignedCodeList, publicKey: string): Promise<boolean | null> {
  try {
    const key = await crypto.subtle.importKey("raw", b64url(publicKey), { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify("Ed25519", key, b64url(list.signature), new TextEncoder().encode(list.payload));
  } catch {
    return null;
  }
}

/** Downloads, verifies and stores the event's code list; a list whose signature fails is refused. */
export async function refreshCodeList(eventId: string, publicKey: string): Promise<{ entries: number; verified: boolean } | null> {
  const res = await fetch(`/api/staff/events/${eventId}/codes`, { cache: "no-store" });
  if (!res.ok) return null;
  const list = (await res.json()) as SignedCodeList;
  const verified = await verifyList(list, publicKey);
  if (verified === false) return null;
  await (await db()).put("lists", { ...list, eventId, fetchedAt: new Date().toISOString(), verified: verified === true });
  indexCache.delete(eventId);
  return { entries: (JSON.parse(list.payload) as CodeList).entries.length, verified: verified === true };
}

const indexCache = new Map<string, { salt: string; byHash: Map<string, CodeListEntry> }>();

async function codeIndex(eventId: string) {
  const cached = indexCache.get(eventId);
  if (cached) return cached;
  const stored = await (await db()).get("lists", eventId);
  if (!stored) return null;
  const list = JSON.parse(stored.payload) as CodeList;
  const index = { salt: list.salt, byHash: new Map(list.entries.map((e) => [e[0], e])) };
  indexCache.set(eventId, index);
  return index;
}

async function hashCode(salt: string, code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${salt}:${code.trim()}`));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

export type OfflineLookup =
  | { found: true; name: string; company: string | null; state: CodeListEntry[3] }
  | { found: false }
  | { found: null };

/** Looks a scanned code up in the stored list; { found: null } when there is no list (or no WebCrypto) to check against. */
export async function lookupOffline(eventId: string, code: string): Promise<OfflineLookup> {
  const index = await codeIndex(eventId);
  if (!index || !crypto.subtle) return { found: null };
  const entry = index.byHash.get(await hashCode(index.salt, code));
  return entry ? { found: true, name: entry[1], company: entry[2], state: entry[3] } : { found: false };
}
