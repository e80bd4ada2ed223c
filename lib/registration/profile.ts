import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, events } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, validationError, type Result } from "@/lib/errors";
import { getAgenda } from "@/lib/events/queries";
import { toE164 } from "./phone";
import { missingProfileFields, type ProfileField } from "./profile-completeness";

export const REVENUE_TIERS = ["under_500k", "500k_1m", "1m_5m", "5m_plus"] as const;

/**
 * Who a profile request is about: the attendee's link token, or — only after the
 * route has checked a staff session — the registration id (SPEC §5.1: never a bare
 * id from an attendee).
 */
export type AttendeeRef = string | { token: string } | { staffAttendeeId: string };

async function findAttendee(db: Db, ref: AttendeeRef) {
  if (typeof ref === "object" && "staffAttendeeId" in ref) {
    if (!/^[0-9a-f-]{36}$/i.test(ref.staffAttendeeId)) return null;
    return attendeeWhere(db, eq(eventAttendees.id, ref.staffAttendeeId));
  }
  return getAttendeeByToken(db, typeof ref === "string" ? ref : ref.token);
}

/** Looks an attendee up by the token in their links; never by a bare id (SPEC §5.1). */
export async function getAttendeeByToken(db: Db, token: string | null | undefined) {
  if (!token || token.length < 20 || token.length > 100) return null;
  return attendeeWhere(db, eq(eventAttendees.accessToken, token));
}

async function attendeeWhere(db: Db, where: SQL) {
  const [row] = await db
    .select({ attendee: eventAttendees, contractor: contractors, event: events })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .innerJoin(events, eq(events.id, eventAttendees.eventId))
    .where(and(where, isNull(eventAttendees.cancelledAt)))
    .limit(1);
  if (!row) return null;
  return { ...row, agenda: await getAgenda(db, row.event.id) };
}

/**
 * An attendee page's link: `?t=` must be a token of a live registration for this
 * event's slug; a token for another event is as wrong as none.
 */
export async function resolveAttendeeLink(db: Db, slug: string, t: string | string[] | undefined) {
  const token = typeof t === "string" ? t : undefined;
  const found = await getAttendeeByToken(db, token);
  if (!found || !token || found.event.slug !== slug) return null;
  return { ...found, token };
}

export type ProfileState = {
  attendeeId: string;
  profileCompletionStatus: "pending" | "completed";
  profileAutoApproved: boolean;
  missingFields: ProfileField[];
};

/**
 * The seed's GET /api/event-check-in/attendee semantics: a contractor whose main
 * profile is complete is auto-approved for this event; otherwise the missing fields.
 */
export async function getProfileState(db: Db, ref: AttendeeRef): Promise<Result<{ state: ProfileState }>> {
  const found = await findAttendee(db, ref);
  if (!found) return { ok: false, error: appError(404, "attendee_not_found", "This link is not valid any more.") };
  const missing = missingProfileFields(found.contractor);
  let { profileCompletionStatus, profileAutoApproved } = found.attendee;
  if (missing.length === 0 && profileCompletionStatus !== "completed") {
    await db
      .update(eventAttendees)
      .set({ profileCompletionStatus: "completed", profileAutoApproved: true, updatedAt: sql`now()` })
      .where(eq(eventAttendees.id, found.attendee.id));
    profileCompletionStatus = "completed";
    profileAutoApproved = true;
  }
  return {
    ok: true,
    state: { attendeeId: found.attendee.id, profileCompletionStatus, profileAutoApproved, missingFields: missing },
  };
}

const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

export const profileInputSchema = z.object({
  first_name: optional(z.string().trim().min(1).max(100)),
  last_name: optional(z.string().trim().min(1).max(100)),
  phone: optional(
    z
      .string()
      .trim()
      .transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: "is not a valid mobile number" }), z.NEVER)),
  ),
  company_name: optional(z.string().trim().min(1).max(200)),
  business_type: optional(z.string().trim().min(1).max(100)),
  service_area: optional(z.string().trim().min(1).max(200)),
  revenue_tier: optional(z.enum(REVENUE_TIERS, { error: "choose one of the listed ranges" })),
  team_size: optional(z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100000)),
  focus_areas: optional(z.array(z.string().trim().min(1).max(60)).max(20)),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

/** POST /api/event-check-in/complete-profile: fills what is given; completes when nothing is missing. */
export async function completeProfile(
  db: Db,
  ref: AttendeeRef,
  input: unknown,
): Promise<Result<{ completed: boolean; missingFields: ProfileField[] }>> {
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const found = await findAttendee(db, ref);
  if (!found) return { ok: false, error: appError(404, "attendee_not_found", "This link is not valid any more.") };
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [contractor] = await tx
      .update(contractors)
      .set({
        firstName: v.first_name ?? found.contractor.firstName,
        lastName: v.last_name ?? found.contractor.lastName,
        phone: v.phone ?? found.contractor.phone,
        companyName: v.company_name ?? found.contractor.companyName,
        businessType: v.business_type ?? found.contractor.businessType,
        serviceArea: v.service_area ?? found.contractor.serviceArea,
        revenueTier: v.revenue_tier ?? found.contractor.revenueTier,
        teamSize: v.team_size ?? found.contractor.teamSize,
        focusAreas: v.focus_areas ?? found.contractor.focusAreas,
        lastInteractionAt: clockNow(),
        updatedAt: sql`now()`,
      })
      .where(eq(contractors.id, found.contractor.id))
      .returning();
    const missing = missingProfileFields(contractor);
    if (missing.length === 0) {
      // Pending profile reminders are skipped at send time (SPEC §3), so the row history stays honest.
      await tx
        .update(eventAttendees)
        .set({ profileCompletionStatus: "completed", updatedAt: sql`now()` })
        .where(eq(eventAttendees.id, found.attendee.id));
    }
    return { ok: true as const, completed: missing.length === 0, missingFields: missing };
  });
}
