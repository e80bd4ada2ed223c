import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, type Contractor, type Event } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, validationError, type Result } from "@/lib/errors";
import { getEventBySlug, getAgenda, toEventTimes } from "@/lib/events/queries";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import { eventEnd, type EventTimes } from "@/lib/scheduling/event-times";
import { planImmediate, planPreEventReminders, type Reachability } from "@/lib/scheduling/plan";
import { cancelUnplannedMessages, savePlannedMessages } from "@/lib/messaging/store";
import { isProfileComplete } from "./profile-completeness";
import { earlierConfirmations, resendThrottled } from "./resend-throttle";
import { registrationInputSchema, type RegistrationInput, type ValidRegistration } from "./schema";
import { newAccessToken, newQrCodeData } from "./tokens";

export type RegistrationOk = {
  attendeeId: string;
  contractorId: string;
  eventId: string;
  accessToken: string;
  /** false when this email was already registered: the confirmation is re-sent. */
  created: boolean;
  messageIds: string[];
};

export type RegisterOptions = {
  now?: Date;
  /** Back-dates the registration (imports); its reminder days count from it, past ones are not planned. */
  registeredAt?: Date;
  source?: "web" | "api" | "import";
};

/** Message types planned at registration and re-planned when the event moves. */
export const PRE_EVENT_TYPES = [
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
  "profile_completion_reminder",
] as const;

export function registrationClosedReason(event: Event, times: EventTimes, at: Date): string | null {
  if (event.status === "cancelled") return "This event has been cancelled.";
  if (event.status === "completed" || at.getTime() >= eventEnd(times).getTime()) return "This event is over.";
  return null;
}

export function reachability(c: Pick<Contractor, "email" | "phone" | "smsOptIn" | "smsOptedOutAt">): Reachability {
  return { email: Boolean(c.email), sms: Boolean(c.phone && c.smsOptIn && !c.smsOptedOutAt) };
}

/**
 * SPEC §3: registers a contractor for an event and plans the confirmation and
 * every pre-event reminder, in one transaction. Registering again with the same
 * email is the same registration: details are updated, the confirmation re-sent
 * (at most once per 10 minutes: `resendThrottled`).
 */
export async function registerAttendee(
  db: Db,
  input: RegistrationInput,
  opts: RegisterOptions = {},
): Promise<Result<RegistrationOk>> {
  const parsed = registrationInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const v = parsed.data;
  const at = opts.now ?? clockNow();

  const event = await getEventBySlug(db, v.eventSlug);
  if (!event || event.status === "draft") return { ok: false, error: appError(404, "event_not_found", "No such event.") };
  const times = toEventTimes(event, await getAgenda(db, event.id));
  const closed = registrationClosedReason(event, times, at);
  if (closed) return { ok: false, error: appError(409, "registration_closed", closed) };

  const outcome = await db.transaction(async (tx) => {
    const contractor = await upsertContractor(tx, v, at);
    const { attendee, created, fresh } = await upsertAttendee(tx, event.id, contractor, opts.registeredAt ?? at);
    const owner = { eventId: event.id, attendeeId: attendee.id, contractorId: contractor.id };
    const reach = reachability(contractor);
    // A brand-new registration has no earlier rows: skip the lookup that would find none.
    const earlier = fresh ? { count: 0, lastResendAt: null } : await earlierConfirmations(tx, attendee.id);
    const throttled = !created && resendThrottled(earlier.lastResendAt, at);
    const confirmation = throttled
      ? []
      : planImmediate("registration_confirmation", `r${earlier.count + 1}`, reach, times, at).map((m) => ({
          ...m,
          personalization: { source: opts.source ?? "web" },
        }));
    const reminders = planPreEventReminders({
      event: times,
      registeredAt: attendee.registrationDate,
      profileComplete: attendee.profileCompletionStatus === "completed",
      reach,
      now: at,
    });
    const saved = await savePlannedMessages(tx, owner, [...confirmation, ...reminders]);
    if (!fresh) await cancelUnplannedMessages(tx, attendee.id, [...PRE_EVENT_TYPES], reminders, "no longer applies");
    return { contractor, attendee, created, saved };
  });

  await dispatchScheduledMessages(outcome.saved);
  return {
    ok: true,
    attendeeId: outcome.attendee.id,
    contractorId: outcome.contractor.id,
    eventId: event.id,
    accessToken: outcome.attendee.accessToken,
    created: outcome.created,
    messageIds: outcome.saved.map((m) => m.id),
  };
}

/**
 * Insert, or for a known email change nothing. The public form is not
 * authenticated, so it must never change an existing person's name, phone or
 * consent — not even fill a blank phone: anyone who knows an email could add
 * their own number and receive that person's links by SMS. Changes go through
 * the profile page, which the attendee's token authorises. Only consent for the
 * number already on file may be given again (an opt-out by SMS still wins).
 */
async function upsertContractor(db: Db, v: ValidRegistration, at: Date): Promise<Contractor> {
  const [row] = await db
    .insert(contractors)
    .values({
      email: v.email,
      firstName: v.firstName,
      lastName: v.lastName,
      phone: v.phone ?? null,
      companyName: v.companyName ?? null,
      smsOptIn: v.smsConsent,
      lastInteractionAt: at,
    })
    .onConflictDoUpdate({
      target: contractors.email,
      set: {
        // Consent counts only for the number on file; not ticking never withdraws it.
        smsOptIn: sql`${contractors.smsOptIn} or (excluded.sms_opt_in and coalesce(${contractors.phone} = excluded.phone, false))`,
        lastInteractionAt: at,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row;
}

/** `fresh`: inserted just now (nothing of it exists yet); `created`: a registration that was not active before. */
async function upsertAttendee(db: Db, eventId: string, contractor: Contractor, at: Date) {
  const complete = isProfileComplete(contractor);
  const status = complete ? ("completed" as const) : ("pending" as const);
  const [inserted] = await db
    .insert(eventAttendees)
    .values({
      eventId,
      contractorId: contractor.id,
      registrationDate: at,
      profileCompletionStatus: status,
      profileAutoApproved: complete,
      qrCodeData: newQrCodeData(),
      accessToken: newAccessToken(),
    })
    .onConflictDoNothing({ target: [eventAttendees.eventId, eventAttendees.contractorId] })
    .returning();
  if (inserted) return { attendee: inserted, created: true, fresh: true };

  const [existing] = await db
    .select()
    .from(eventAttendees)
    .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.contractorId, contractor.id)))
    .for("update");
  if (existing.cancelledAt) {
    const [row] = await db
      .update(eventAttendees)
      .set({ cancelledAt: null, registrationDate: at, profileCompletionStatus: status, updatedAt: sql`now()` })
      .where(eq(eventAttendees.id, existing.id))
      .returning();
    return { attendee: row, created: true, fresh: false };
  }
  if (complete && existing.profileCompletionStatus !== "completed") {
    const [row] = await db
      .update(eventAttendees)
      .set({ profileCompletionStatus: "completed", profileAutoApproved: true, updatedAt: sql`now()` })
      .where(eq(eventAttendees.id, existing.id))
      .returning();
    return { attendee: row, created: false, fresh: false };
  }
  return { attendee: existing, created: false, fresh: false };
}
