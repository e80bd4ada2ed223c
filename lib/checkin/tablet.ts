import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkInScans } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { foreground } from "@/lib/jobs/foreground";
import { checkIn, type CheckInActor } from "./check-in";
import { describe, isScanOutcome, type ScanOutcome, type ScanResult } from "./outcome";

/** SPEC §8: staff may undo a check-in within 2 minutes, from the same device. */
export const UNDO_WINDOW_MS = 2 * 60_000;

export type TabletScan = {
  method: "qr_code" | "manual";
  code?: string;
  attendeeId?: string;
  nonce: string;
  deviceId: string;
  /** Offline scans: when the device scanned. */
  scannedAt?: Date;
  offline?: boolean;
};

type StaffActor = Extract<CheckInActor, { kind: "staff" }>;

/**
 * One scan at the door (typed, camera, scanner or a tap on a search result), online
 * or synced from the device's offline queue: checks in through the one check-in
 * rule, logs the scan against the device, and answers in the tablet's words. An
 * offline scan that finds the person already checked in by another scan is a
 * conflict: the device showed green, so it is told, and the dashboard counts it.
 */
export function scanAtDoor(db: Db, eventId: string, scan: TabletScan, actor: StaffActor): Promise<ScanResult> {
  // Someone is waiting at the door: plans built in this process hold back meanwhile.
  return foreground(() => scanOnce(db, eventId, scan, actor));
}

async function scanOnce(db: Db, eventId: string, scan: TabletScan, actor: StaffActor): Promise<ScanResult> {
  const result = await checkIn(
    db,
    { method: scan.method, code: scan.code, attendeeId: scan.attendeeId, eventId, nonce: scan.nonce, scannedAt: scan.offline ? scan.scannedAt : undefined },
    actor,
    // A new check-in writes its scan log row in the same statement (lib/checkin/check-in.ts).
    { scanLog: { deviceId: scan.deviceId, userId: actor.userId, nonce: scan.nonce, scannedAt: scan.offline && scan.scannedAt ? scan.scannedAt : null, offline: Boolean(scan.offline) } },
  );
  const at = clockNow();
  if (!result.ok) {
    const outcome: ScanOutcome = isScanOutcome(result.error.code) ? result.error.code : "error";
    await logScan(db, { eventId, scan, actor, at, outcome });
    return { ...describe(outcome), outcome, message: result.error.message, nonce: scan.nonce };
  }
  let outcome: ScanOutcome = result.status;
  let message = result.message;
  if (scan.offline && result.status === "already_checked_in") {
    outcome = "conflict";
    message = `${result.message.replace(/\.$/, "")}: this device scanned them offline too.`;
  }
  const logged = result.scanLogged ?? (await logScan(db, { eventId, scan, actor, at, outcome, attendeeId: result.attendeeId }));
  const undoUntil =
    outcome === "checked_in" && logged.deviceId === scan.deviceId
      ? new Date(Math.max(logged.createdAt.getTime(), result.checkInTime.getTime()) + UNDO_WINDOW_MS).toISOString()
      : undefined;
  return {
    ...describe(outcome),
    outcome,
    message,
    nonce: scan.nonce,
    name: result.name,
    companyName: result.companyName,
    attendeeId: result.attendeeId,
    undoUntil,
  };
}

/** The scan log row; a retried nonce keeps the first row (and so the first device). */
async function logScan(
  db: Db,
  s: { eventId: string; scan: TabletScan; actor: StaffActor; at: Date; outcome: ScanOutcome; attendeeId?: string },
) {
  const [row] = await db
    .insert(checkInScans)
    .values({
      eventId: s.eventId,
      attendeeId: s.attendeeId ?? null,
      deviceId: s.scan.deviceId,
      userId: s.actor.userId,
      nonce: s.scan.nonce,
      scannedAt: s.scan.offline && s.scan.scannedAt ? s.scan.scannedAt : s.at,
      outcome: s.outcome,
      offline: Boolean(s.scan.offline),
      createdAt: s.at,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [first] = await db
    .select()
    .from(checkInScans)
    .where(and(eq(checkInScans.eventId, s.eventId), eq(checkInScans.nonce, s.scan.nonce)));
  return first;
}

export const MAX_SYNC_BATCH = 200;

/** The device's offline queue, oldest first; each scan answered on its own (a bad one does not stop the rest). */
export async function syncOfflineScans(
  db: Db,
  eventId: string,
  deviceId: string,
  scans: Array<Omit<TabletScan, "deviceId" | "offline" | "method"> & { code: string; scannedAt: Date }>,
  actor: StaffActor,
): Promise<ScanResult[]> {
  const ordered = [...scans].sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
  const out: ScanResult[] = [];
  for (const s of ordered) {
    out.push(await scanAtDoor(db, eventId, { ...s, method: "qr_code", deviceId, offline: true }, actor));
  }
  return out;
}
