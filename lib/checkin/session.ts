import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recordSignal } from "@/lib/learning/signals";
import { aiLearningEvents, checkInScans, contractors, eventAgendaItems, eventAttendees, recommendations } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { describe, type ScanResult } from "./outcome";

/** Agenda items a session-mode tablet can scan people into (not breaks). */
export async function listScannableSessions(db: Db, eventId: string) {
  return db
    .select({ id: eventAgendaItems.id, title: eventAgendaItems.title, room: eventAgendaItems.room, startsAt: eventAgendaItems.startsAt, type: eventAgendaItems.type })
    .from(eventAgendaItems)
    .where(and(eq(eventAgendaItems.eventId, eventId), sql`${eventAgendaItems.type} in ('session', 'keynote', 'panel')`))
    .orderBy(asc(eventAgendaItems.startsAt));
}

/**
 * Session mode (SPEC §9, the closed loop): a scan at a room's door marks the
 * attendee's recommendation for that session attended and logs the engagement
 * signal; someone the session was not recommended to is still counted in the room.
 * The same nonce twice records once.
 */
export async function scanIntoSession(
  db: Db,
  eventId: string,
  agendaItemId: string,
  scan: { code: string; nonce: string; deviceId: string },
  actor: { userId: string },
): Promise<ScanResult> {
  const at = clockNow();
  const red = (outcome: "unknown_code" | "registration_cancelled", message: string): ScanResult => ({ ...describe(outcome), outcome, message, nonce: scan.nonce });
  const [session] = await db
    .select({ id: eventAgendaItems.id, title: eventAgendaItems.title })
    .from(eventAgendaItems)
    .where(and(eq(eventAgendaItems.id, agendaItemId), eq(eventAgendaItems.eventId, eventId)));
  if (!session) return { ...describe("error"), outcome: "error", message: "This session is not on the event's agenda.", nonce: scan.nonce };
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contractors })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.qrCodeData, scan.code.trim())));
  if (!row) return red("unknown_code", "This QR code is not registered for this event.");
  if (row.attendee.cancelledAt) return red("registration_cancelled", "This registration was cancelled.");
  const name = [row.contractor.firstName, row.contractor.lastName].filter(Boolean).join(" ") || row.contractor.email;

  const first = await db
    .insert(checkInScans)
    .values({ eventId, attendeeId: row.attendee.id, agendaItemId, deviceId: scan.deviceId, userId: actor.userId, nonce: scan.nonce, scannedAt: at, outcome: "attended", createdAt: at })
    .onConflictDoNothing()
    .returning({ id: checkInScans.id });
  const [rec] = await db
    .update(recommendations)
    .set({ engagement: sql`${recommendations.engagement} || jsonb_build_object('attended', ${at.toISOString()}::text)` })
    .where(
      and(
        eq(recommendations.attendeeId, row.attendee.id),
        eq(recommendations.kind, "speaker"),
        eq(recommendations.targetId, agendaItemId),
        isNull(sql`${recommendations.engagement}->'attended'`),
      ),
    )
    .returning({ id: recommendations.id, rank: recommendations.rank });
  // The recommendation's outcome and success score (lib/learning; idempotent, so a repeat scan changes nothing).
  await recordSignal(db, { attendeeId: row.attendee.id, kind: "speaker", targetId: agendaItemId, signal: "attended", at });
  if (first.length && rec) {
    await db.insert(aiLearningEvents).values({
      eventType: "recommendation_outcome",
      contractorId: row.contractor.id,
      eventId,
      action: "attended_session",
      outcome: "attended",
      successScore: 1,
      context: { attendeeId: row.attendee.id, recommendationId: rec.id, kind: "speaker", targetId: agendaItemId, rank: rec.rank, via: "session_scan" },
    });
  }
  return {
    ...describe("attended"),
    outcome: "attended",
    message: rec ? `${name} is in ${session.title} (recommended to them).` : `${name} is in ${session.title}.`,
    nonce: scan.nonce,
    name,
    companyName: row.contractor.companyName,
    attendeeId: row.attendee.id,
  };
}
