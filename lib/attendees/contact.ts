import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, contractors, eventAttendees, type Contractor } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, validationError, type Result } from "@/lib/errors";
import { text, uuid } from "@/lib/http/parse";
import { profileInputSchema } from "@/lib/registration/profile";

/**
 * An organizer's change to an attendee's contact data (SPEC §8): anyone but the
 * attendee changing it is an organizer's act, recorded with who, when, the old and
 * the new value. Staff cannot reach this (they check people in, nothing else).
 */
export const contactChangeSchema = profileInputSchema.extend({
  email: z.preprocess((v) => (v === "" || v === null ? undefined : v), text(254).pipe(z.email("is not a valid email address")).transform((v) => v.toLowerCase()).optional()),
});

const COLUMNS = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone: "phone",
  company_name: "companyName",
  business_type: "businessType",
  service_area: "serviceArea",
  revenue_tier: "revenueTier",
  team_size: "teamSize",
  focus_areas: "focusAreas",
  language: "language",
} as const satisfies Record<keyof z.output<typeof contactChangeSchema>, keyof Contractor>;

export type Actor = { userId: string; email: string };

export async function updateAttendeeContact(
  db: Db,
  attendeeId: string,
  input: unknown,
  actor: Actor,
): Promise<Result<{ changed: string[] }>> {
  if (!uuid.safeParse(attendeeId).success) return { ok: false, error: appError(404, "registration_not_found", "No active registration with that id.") };
  const parsed = contactChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const v = parsed.data;

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ contractor: contractors })
      .from(eventAttendees)
      .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
      .where(and(eq(eventAttendees.id, attendeeId), isNull(eventAttendees.cancelledAt)))
      .for("update");
    if (!row) return { ok: false as const, error: appError(404, "registration_not_found", "No active registration with that id.") };
    const before = row.contractor;

    const set: Partial<Contractor> = {};
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]]>) {
      const next = v[field];
      if (next === undefined) continue;
      const old = before[column];
      if (JSON.stringify(old) === JSON.stringify(next)) continue;
      (set as Record<string, unknown>)[column] = next;
      changes[field] = { old, new: next };
    }
    if (Object.keys(changes).length === 0) return { ok: true as const, changed: [] };

    if (v.email && changes.email) {
      const [taken] = await tx.select({ id: contractors.id }).from(contractors).where(and(eq(contractors.email, v.email), ne(contractors.id, before.id)));
      if (taken) return { ok: false as const, error: appError(409, "email_taken", "Another contractor already uses that email.", { email: "is already used by another contractor" }) };
    }
    // A new number has not consented to texts: consent belongs to the number it was given for.
    if (changes.phone) set.smsOptIn = false;

    await tx
      .update(contractors)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(contractors.id, before.id));
    await tx.insert(auditLog).values({
      actorUserId: actor.userId,
      actorEmail: actor.email,
      action: "contractor.contact_updated",
      subjectType: "contractor",
      subjectId: before.id,
      changes,
      createdAt: clockNow(),
    });
    return { ok: true as const, changed: Object.keys(changes) };
  });
}

/** The audit trail of one contractor, newest first. */
export async function listAuditFor(db: Db, contractorId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.subjectType, "contractor"), eq(auditLog.subjectId, contractorId))).orderBy(sql`${auditLog.createdAt} desc`);
}
