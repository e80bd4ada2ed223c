import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, events, users, type Attendee } from "@/db/schema";
import { userMayWorkEventDesk } from "@/lib/access/assignments";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { getAgenda, toEventTimes } from "@/lib/events/queries";
import { dispatchScheduledMessages, dispatchCheckIn } from "@/lib/jobs/dispatch";
import { savePlannedMessages } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { planImmediate } from "@/lib/scheduling/plan";
import { checkInWindow, formatLocal } from "./window";

export type CheckInMethod = "qr_code" | "manual" | "self";

/** Who is asking: a staff member at the desk, or the attendee through their link. */
export type CheckInActor = { kind: "staff"; userId: string; name: string } | { kind: "attendee" };

export type CheckInRequest = {
  method: CheckInMethod;
  /** The event the desk is checking in for (staff); the attendee's own event otherwise. */
  eventId?: string;
  /** qr_code: the scanned QR data. */
  code?: string;
  /** manual (staff): the attendee picked from the search. */
  attendeeId?: string;
  /** self: the attendee's link token. */
  token?: string;
  /** Client-generated per attempt: a retried request with the same nonce is the same check-in. */
  nonce?: string;
  /**
   * An offline scan synced later: when the device scanned. It becomes the check-in
   * time, bounded by the server to [window opens, now] (a device clock can be wrong).
   */
  scannedAt?: Date;
};

export type CheckInOk = {
  status: "checked_in" | "already_checked_in";
  attendeeId: string;
  name: string;
  companyName: string | null;
  checkInTime: Date;
  method: CheckInMethod;
  checkedInByName: string | null;
  message: string;
};

/**
 * SPEC §5.1: one atomic check-in. A second scan answers "already checked in at
 * 09:02 (by Sam)" and starts nothing again; the same nonce replays the first answer.
 */
export async function checkIn(db: Db, req: CheckInRequest, actor: CheckInActor): Promise<Result<CheckInOk>> {
  const received = clockNow();
  const found = await findAttendee(db, req, actor);
  if (!found.ok) return found;
  const { attendee, event, contractor } = found;
  const name = [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || contractor.email;
  if (req.eventId && req.eventId !== event.id) {
    return fail(409, "wrong_event", `${name} is registered for ${event.name}, not this event.`);
  }
  if (actor.kind === "staff" && !(await userMayWorkEventDesk(db, actor.userId, event.id))) return fail(403, "not_assigned", `Your account is not assigned to ${event.name}.`);
  if (attendee.cancelledAt) return fail(409, "registration_cancelled", `${name}'s registration was cancelled.`);
  if (event.status === "cancelled") return fail(409, "event_cancelled", `${event.name} has been cancelled.`);

  const times = toEventTimes(event, await getAgenda(db, event.id));
  const window = checkInWindow(event, times);
  const at = scanTime(req.scannedAt, window.opensAt, received);
  if (at < window.opensAt) {
    return fail(409, "check_in_not_open", `Check-in opens ${formatLocal(window.opensAt, event.timezone)}.`);
  }
  if (at > window.closesAt) {
    return fail(409, "check_in_closed", `Check-in closed ${formatLocal(window.closesAt, event.timezone)}.`);
  }

  const checkedInBy = actor.kind === "staff" ? actor.userId : null;
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventAttendees)
      .set({
        checkInTime: at,
        checkInMethod: req.method,
        checkedInBy,
        checkInNonce: req.nonce ?? null,
        planStatus: "pending",
        updatedAt: sql`now()`,
      })
      .where(and(eq(eventAttendees.id, attendee.id), isNull(eventAttendees.checkInTime)))
      .returning();
    if (!row) return null;
    const reach = reachability(contractor);
    const confirmation = planImmediate("check_in_confirmation", "main", reach, times, at, ["sms"]);
    const saved = await savePlannedMessages(tx, { eventId: event.id, attendeeId: row.id, contractorId: contractor.id }, confirmation);
    return { row, saved };
  });

  if (outcome) {
    await dispatchScheduledMessages(outcome.saved);
    await dispatchCheckIn(outcome.row.id);
    return ok("checked_in", outcome.row, name, contractor.companyName, actor.kind === "staff" ? actor.name : null, event.timezone);
  }
  const [current] = await db.select().from(eventAttendees).where(eq(eventAttendees.id, attendee.id));
  const byName = current.checkedInBy
    ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, current.checkedInBy)))[0]?.name ?? null)
    : null;
  const replay = Boolean(req.nonce) && current.checkInNonce === req.nonce;
  return ok(replay ? "checked_in" : "already_checked_in", current, name, contractor.companyName, byName, event.timezone);
}

/** The check-in time: now, or an offline scan's time kept but never in the future nor before the window opened. */
export function scanTime(scannedAt: Date | undefined, opensAt: Date, received: Date): Date {
  if (!scannedAt || received < opensAt) return received;
  const t = Math.min(scannedAt.getTime(), received.getTime());
  return new Date(Math.max(t, opensAt.getTime()));
}

function ok(
  status: CheckInOk["status"],
  row: Attendee,
  name: string,
  companyName: string | null,
  byName: string | null,
  zone: string,
): Result<CheckInOk> {
  const time = formatLocal(row.checkInTime!, zone, "HH:mm");
  const by = byName ? ` (by ${byName})` : row.checkInMethod === "self" ? " (online)" : "";
  const message = status === "checked_in" ? `${name} is checked in.` : `${name} is already checked in at ${time}${by}.`;
  return {
    ok: true,
    status,
    attendeeId: row.id,
    name,
    companyName,
    checkInTime: row.checkInTime!,
    method: row.checkInMethod!,
    checkedInByName: byName,
    message,
  };
}

function fail(status: 403 | 404 | 409, code: string, message: string): { ok: false; error: ReturnType<typeof appError> } {
  return { ok: false, error: appError(status, code, message) };
}

async function findAttendee(db: Db, req: CheckInRequest, actor: CheckInActor) {
  const base = db
    .select({ attendee: eventAttendees, event: events, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(events, eq(events.id, eventAttendees.eventId))
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId));
  let where;
  if (req.method === "self" || actor.kind === "attendee") {
    if (!req.token) return fail(404, "attendee_not_found", "This check-in link is not valid.");
    where = eq(eventAttendees.accessToken, req.token);
  } else if (req.method === "qr_code") {
    if (!req.code) return fail(404, "unknown_code", "No code was scanned.");
    where = eq(eventAttendees.qrCodeData, req.code.trim());
  } else {
    if (!req.attendeeId) return fail(404, "attendee_not_found", "Pick an attendee to check in.");
    where = eq(eventAttendees.id, req.attendeeId);
  }
  const [row] = await base.where(where).limit(1);
  if (!row) {
    return req.method === "qr_code"
      ? fail(404, "unknown_code", "This QR code does not match any registration.")
      : fail(404, "attendee_not_found", "No registration matches.");
  }
  return { ok: true as const, ...row };
}
