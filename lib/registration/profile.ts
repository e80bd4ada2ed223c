import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, events } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, validationError, type Result } from "@/lib/errors";
import { getAgenda } from "@/lib/events/queries";
import { text, TOKEN_PATTERN, uuid } from "@/lib/http/parse";
import { toE164 } from "./phone";
import { missingProfileFields, type ProfileField } from "./profile-completeness";

export const REVENUE_TIERS = ["under_500k", "500k_1m", "1m_5m", "5m_plus"] as const;

/**
 * Whose profile state is read: the attendee's link token, or a registration id that
 * the route may pass only after it verified a staff or organizer session itself
 * (SPEC §5.1: never a bare id from an attendee). Writes take a token only
 * (completeProfile); an organizer's change goes through lib/attendees/contact.ts,
 * which records it.
 */
export type ProfileLookup = { token: string } | { verifiedStaffLookupOf: string };

async function findAttendee(db: Db, ref: ProfileLookup) {
  if ("verifiedStaffLookupOf" in ref) {
    if (!uuid.safeParse(ref.verifiedStaffLookupOf).success) return null;
    return attendeeWhere(db, eq(eventAttendees.id, ref.verifiedStaffLookupOf));
  }
  return getAttendeeByToken(db, ref.token);
}

/** Looks an attendee up by the token in their links; never by a bare id (SPEC §5.1). */
export async function getAttendeeByToken(db: Db, token: unknown) {
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
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
export async function getProfileState(db: Db, ref: ProfileLookup): Promise<Result<{ state: ProfileState }>> {
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

/** Strict: an unknown key (an id, a role, a flag) is a 400, not something quietly ignored. */
export const profileInputSchema = z.strictObject({
  first_name: optional(text(100)),
  last_name: optional(text(100)),
  phone: optional(
    text(40).transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: "is not a valid mobile number" }), z.NEVER)),
  ),
  company_name: optional(text(200)),
  language: optional(z.enum(["en", "es"], { error: "must be en or es" })),
  business_type: optional(text(100)),
  service_area: optional(text(200)),
  revenue_tier: optional(z.enum(REVENUE_TIERS, { error: "choose one of the listed ranges" })),
  team_size: optional(
    z
      .union([z.number(), text(12).pipe(z.coerce.number())], { error: "must be a number" })
      .pipe(z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100000, "must be at most 100000")),
  ),
  focus_areas: optional(z.array(text(60).pipe(z.string().min(1, "must not be empty")), { error: "must be a list" }).max(20, "at most 20")),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

/** POST /api/event-check-in/complete-profile: fills what is given; completes when nothing is missing. */
export async function completeProfile(
  db: Db,
  token: string,
  input: unknown,
): Promise<Result<{ completed: boolean; missingFields: ProfileField[] }>> {
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const found = await getAttendeeByToken(db, token);
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
        language: v.language ?? found.contractor.language,
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
