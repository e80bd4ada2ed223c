import type { AgendaItem, Event, MessageType } from "@/db/schema";
import { eventEnd, eventStart } from "@/lib/scheduling/event-times";

/**
 * SPEC §4.1: the latest time each message is still worth sending. The one place
 * this table lives; a row claimed after it ends `skipped` with reason `stale`.
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;

export type UsefulnessInput = {
  type: MessageType;
  scheduledFor: Date;
  personalization?: Record<string, unknown>;
};
export type UsefulnessContext = { event: Pick<Event, "startsAt" | "endsAt" | "timezone">; agenda: ReadonlyArray<Pick<AgendaItem, "type" | "startsAt" | "endsAt">> };

const after = (ms: number) => (m: UsefulnessInput) => new Date(m.scheduledFor.getTime() + ms);

function times(ctx: UsefulnessContext) {
  const agenda = ctx.agenda.map((a) => ({ type: a.type, startsAt: a.startsAt, endsAt: a.endsAt }));
  return { timezone: ctx.event.timezone, startsAt: ctx.event.startsAt, endsAt: ctx.event.endsAt, agenda };
}

/** The break or lunch the tip was planned inside (the one that contains its time, else the next one). */
function slotEnd(at: Date, ctx: UsefulnessContext): Date | null {
  const slots = ctx.agenda.filter((a) => a.type === "break" || a.type === "lunch");
  const inside = slots.find((a) => a.startsAt <= at && at < a.endsAt);
  return inside?.endsAt ?? null;
}

function lunchEnd(ctx: UsefulnessContext): Date {
  const lunch = ctx.agenda.find((a) => a.type === "lunch");
  return lunch?.endsAt ?? eventEnd(times(ctx));
}

type Rule = (m: UsefulnessInput, ctx: UsefulnessContext) => Date;

export const LATEST_USEFUL_TIME: Record<MessageType, Rule> = {
  registration_confirmation: after(24 * HOUR),
  check_in_confirmation: after(24 * HOUR),
  agenda_ready: after(24 * HOUR),
  check_in_reminder_night_before: (_m, ctx) => eventStart(times(ctx)),
  check_in_reminder_1_hour: (_m, ctx) => eventStart(times(ctx)),
  check_in_reminder_event_start: (_m, ctx) => new Date(eventStart(times(ctx)).getTime() + 2 * HOUR),
  profile_completion_reminder: after(6 * HOUR),
  speaker_alert: (m) => {
    const start = typeof m.personalization?.startsAt === "string" ? Date.parse(m.personalization.startsAt) : NaN;
    return Number.isNaN(start) ? m.scheduledFor : new Date(start);
  },
  sponsor_recommendation: (m, ctx) => {
    const late = m.scheduledFor.getTime() + 20 * MINUTE;
    const end = slotEnd(m.scheduledFor, ctx);
    return new Date(end ? Math.min(late, end.getTime()) : late);
  },
  peer_introduction: (_m, ctx) => lunchEnd(ctx),
  peer_match_attendance: after(2 * HOUR),
  speaker_pcr_request: after(3 * HOUR),
  event_pcr_request: after(3 * HOUR),
  sponsor_batch_check: after(3 * HOUR),
  post_event_thank_you: after(48 * HOUR),
  connection_summary: after(48 * HOUR),
  feedback_request: after(48 * HOUR),
  re_engagement: after(7 * 24 * HOUR),
  event_invitation: after(7 * 24 * HOUR),
};

export function latestUsefulTime(m: UsefulnessInput, ctx: UsefulnessContext): Date {
  return LATEST_USEFUL_TIME[m.type](m, ctx);
}

/** True when sending at `at` would be too late to be true (SPEC §4.1). */
export function isStale(m: UsefulnessInput, ctx: UsefulnessContext, at: Date): boolean {
  return at.getTime() >= latestUsefulTime(m, ctx).getTime();
}
