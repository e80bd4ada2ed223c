import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { executedRows } from "@/db/bulk";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, events, users, type Attendee, type MessageChannel } from "@/db/schema";
import { userMayWorkEventDeskSql } from "@/lib/access/assignments";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { agendaSpanSql, toEventTimesFromSpan } from "@/lib/events/queries";
import { dispatchScheduledMessages, dispatchCheckIn } from "@/lib/jobs/dispatch";
import type { SavedMessage } from "@/lib/messaging/store";
import { reachability } from "@/lib/registration/register";
import { planImmediate, type PlannedMessage } from "@/lib/scheduling/plan";
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
  /**
   * With a scan log (the door): the log row written with this check-in, or null when the
   * nonce was already logged (a retried scan that had failed before). Absent otherwise.
   */
  scanLogged?: { deviceId: string; createdAt: Date } | null;
};

/**
 * SPEC §5.1: one atomic check-in. A second scan answers "already checked in at
 * 09:02 (by Sam)" and starts nothing again; the same nonce replays the first answer.
 */
export async function checkIn(
  db: Db,
  req: CheckInRequest,
  actor: CheckInActor,
  opts: { scanLog?: CheckInScanLog } = {},
): Promise<Result<CheckInOk>> {
  const received = clockNow();
  const found = await findAttendee(db, req, actor);
  if (!found.ok) return found;
  const { attendee, event, contractor, checkedInByName, mayWorkDesk, agendaSpan } = found;
  const name = [contractor.firstName, contractor.lastName].filter(Boolean).join(" ") || contractor.email;
  if (req.eventId && req.eventId !== event.id) {
    return fail(409, "wrong_event", `${name} is registered for ${event.name}, not this event.`);
  }
  if (actor.kind === "staff" && !mayWorkDesk) return fail(403, "not_assigned", `Your account is not assigned to ${event.name}.`);
  if (attendee.cancelledAt) return fail(409, "registration_cancelled", `${name}'s registration was cancelled.`);
  if (event.status === "cancelled") return fail(409, "event_cancelled", `${event.name} has been cancelled.`);

  const times = toEventTimesFromSpan(event, agendaSpan);
  const window = checkInWindow(event, times);
  const at = scanTime(req.scannedAt, window.opensAt, received);
  if (at < window.opensAt) {
    return fail(409, "check_in_not_open", `Check-in opens ${formatLocal(window.opensAt, event.timezone)}.`);
  }
  if (at > window.closesAt) {
    return fail(409, "check_in_closed", `Check-in closed ${formatLocal(window.closesAt, event.timezone)}.`);
  }

  const answerAlready = (current: CheckInRow, byName: string | null) => {
    const replay = Boolean(req.nonce) && current.checkInNonce === req.nonce;
    return ok(replay ? "checked_in" : "already_checked_in", current, name, contractor.companyName, byName, event.timezone);
  };
  // Already in when looked up: the answer is that row (the same as after a failed
  // conditional update; an undo in between would only make this scan the earlier one).
  if (attendee.checkInTime) return answerAlready(attendee, checkedInByName);

  const checkedInBy = actor.kind === "staff" ? actor.userId : null;
  const confirmation = planImmediate("check_in_confirmation", "main", reachability(contractor), times, at, ["sms"]);
  const written = await writeCheckIn(db, {
    attendeeId: attendee.id,
    eventId: event.id,
    contractorId: contractor.id,
    at,
    method: req.method,
    checkedInBy,
    nonce: req.nonce ?? null,
    confirmation,
    scanLog: opts.scanLog && { ...opts.scanLog, createdAt: received },
  });

  if (written) {
    await dispatchScheduledMessages(written.saved);
    await dispatchCheckIn(attendee.id);
    const row = { ...attendee, checkInTime: at, checkInMethod: req.method, checkedInBy, checkInNonce: req.nonce ?? null };
    const result = ok("checked_in", row, name, contractor.companyName, actor.kind === "staff" ? actor.name : null, event.timezone);
    return result.ok && opts.scanLog ? { ...result, scanLogged: written.logged } : result;
  }
  // Checked in by another scan between the lookup and the update: read who and when.
  const checker = alias(users, "checker");
  const [current] = await db
    .select({
      attendee: { id: eventAttendees.id, checkInTime: eventAttendees.checkInTime, checkInMethod: eventAttendees.checkInMethod, checkInNonce: eventAttendees.checkInNonce },
      byName: checker.name,
    })
    .from(eventAttendees)
    .leftJoin(checker, eq(checker.id, eventAttendees.checkedInBy))
    .where(eq(eventAttendees.id, attendee.id));
  return answerAlready(current.attendee, current.byName ?? null);
}

/** The door's scan log row, written with the check-in itself (lib/checkin/tablet.ts). */
export type CheckInScanLog = { deviceId: string; userId: string; nonce: string; scannedAt: Date | null; offline: boolean };

/**
 * The check-in, its confirmation (the outbox upsert of lib/messaging/store.ts's
 * savePlannedMessages: a row cancelled by an undo is moved back, a sent one left alone)
 * and, at the door, the scan log row — one statement, so one round trip and atomic
 * without a transaction. Each write runs only when the conditional update took the row.
 * Null when another scan checked them in first.
 */
async function writeCheckIn(
  db: Db,
  w: {
    attendeeId: string;
    eventId: string;
    contractorId: string;
    at: Date;
    method: CheckInMethod;
    checkedInBy: string | null;
    nonce: string | null;
    confirmation: PlannedMessage[];
    scanLog?: CheckInScanLog & { createdAt: Date };
  },
): Promise<{ saved: SavedMessage[]; logged: { deviceId: string; createdAt: Date } | null } | null> {
  if (w.confirmation.length > 1) throw new Error("one confirmation per check-in");
  const [m] = w.confirmation;
  const at = w.at.toISOString();
  const confirmation = m
    ? sql`, confirmation as (
        insert into event_messages (event_id, attendee_id, contractor_id, type, channel, dedupe_key, scheduled_for, personalization)
        select ${w.eventId}::uuid, checked.id, ${w.contractorId}::uuid, ${m.type}::message_type, ${m.channel}::message_channel, ${m.dedupeKey}::text, ${m.scheduledFor.toISOString()}::timestamptz, '{}'::jsonb
        from checked
        on conflict (attendee_id, type, channel, dedupe_key) do update set
          scheduled_for = excluded.scheduled_for, status = 'scheduled', status_reason = null, next_attempt_at = null,
          schedule_version = event_messages.schedule_version + 1, updated_at = now()
        where event_messages.status in ('scheduled', 'cancelled')
        returning id, scheduled_for, schedule_version, channel
      )`
    : sql``;
  const l = w.scanLog;
  const logged = l
    ? sql`, logged as (
        insert into check_in_scans (event_id, attendee_id, device_id, user_id, nonce, scanned_at, outcome, offline, created_at)
        select ${w.eventId}::uuid, checked.id, ${l.deviceId}::text, ${l.userId}::uuid, ${l.nonce}::text, ${(l.scannedAt ?? l.createdAt).toISOString()}::timestamptz, 'checked_in', ${l.offline}::boolean, ${l.createdAt.toISOString()}::timestamptz
        from checked
        on conflict do nothing
        returning device_id, created_at
      )`
    : sql``;
  const res = await db.execute(sql`
    with checked as (
      update event_attendees set check_in_time = ${at}::timestamptz, check_in_method = ${w.method}::check_in_method,
        checked_in_by = ${w.checkedInBy}::uuid, check_in_nonce = ${w.nonce}::text, plan_status = 'pending', updated_at = now()
      where id = ${w.attendeeId}::uuid and check_in_time is null
      returning id
    )${confirmation}${logged}
    select checked.id,
      ${m ? sql`(select id from confirmation)` : sql`null::uuid`} as message_id,
      ${m ? sql`(select scheduled_for from confirmation)` : sql`null::timestamptz`} as message_at,
      ${m ? sql`(select schedule_version from confirmation)` : sql`null::int`} as message_version,
      ${m ? sql`(select channel::text from confirmation)` : sql`null::text`} as message_channel,
      ${l ? sql`(select device_id from logged)` : sql`null::text`} as logged_device,
      ${l ? sql`(select created_at from logged)` : sql`null::timestamptz`} as logged_at
    from checked`);
  const [row] = executedRows<{
    id: string;
    message_id: string | null;
    message_at: Date | string | null;
    message_version: number | null;
    message_channel: MessageChannel | null;
    logged_device: string | null;
    logged_at: Date | string | null;
  }>(res);
  if (!row) return null;
  const saved: SavedMessage[] = row.message_id
    ? [{ id: row.message_id, scheduledFor: new Date(row.message_at!), scheduleVersion: Number(row.message_version), channel: row.message_channel! }]
    : [];
  const loggedRow = row.logged_device !== null ? { deviceId: row.logged_device, createdAt: new Date(row.logged_at!) } : null;
  return { saved, logged: loggedRow };
}

/** The check-in time: now, or an offline scan's time kept but never in the future nor before the window opened. */
export function scanTime(scannedAt: Date | undefined, opensAt: Date, received: Date): Date {
  if (!scannedAt || received < opensAt) return received;
  const t = Math.min(scannedAt.getTime(), received.getTime());
  return new Date(Math.max(t, opensAt.getTime()));
}

type CheckInRow = Pick<Attendee, "id" | "checkInTime" | "checkInMethod" | "checkInNonce">;

function ok(
  status: CheckInOk["status"],
  row: CheckInRow,
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
  const checker = alias(users, "checker");
  const base = db
    .select({
      // Only what the check-in reads (a scan parses every column it selects).
      attendee: {
        id: eventAttendees.id, eventId: eventAttendees.eventId, cancelledAt: eventAttendees.cancelledAt, checkInTime: eventAttendees.checkInTime,
        checkInMethod: eventAttendees.checkInMethod, checkedInBy: eventAttendees.checkedInBy, checkInNonce: eventAttendees.checkInNonce,
      },
      event: {
        id: events.id, name: events.name, status: events.status, timezone: events.timezone, startsAt: events.startsAt, endsAt: events.endsAt,
        checkInClosesAt: events.checkInClosesAt,
      },
      contractor: {
        id: contractors.id, firstName: contractors.firstName, lastName: contractors.lastName, email: contractors.email, companyName: contractors.companyName,
        phone: contractors.phone, smsOptIn: contractors.smsOptIn, smsOptedOutAt: contractors.smsOptedOutAt,
      },
      checkedInByName: checker.name,
      // SPEC §8's desk rule, read in the same lookup (lib/access/assignments.ts).
      mayWorkDesk: (actor.kind === "staff" ? userMayWorkEventDeskSql(actor.userId, events.id) : sql`true`).mapWith(Boolean),
      // All the window and the confirmation's quiet hours read of the agenda.
      agendaSpan: agendaSpanSql(events.id),
    })
    .from(eventAttendees)
    .innerJoin(events, eq(events.id, eventAttendees.eventId))
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .leftJoin(checker, eq(checker.id, eventAttendees.checkedInBy));
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
  return { ok: true as const, ...row, checkedInByName: row.checkedInByName ?? null };
}
