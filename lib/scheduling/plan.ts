import { DateTime } from "luxon";
import type { MessageChannel, MessageType } from "@/db/schema";
import { atLocal, calendarDaysBetween, eventEnd, eventStart, toLocal, type EventTimes } from "./event-times";

export type PlannedMessage = {
  type: MessageType;
  channel: MessageChannel;
  /** Distinguishes several messages of one type for one attendee. */
  dedupeKey: string;
  scheduledFor: Date;
};

export type Reachability = { email: boolean; sms: boolean };

/** Types whose SMS may go out in quiet hours on the event day (SPEC §4). */
const CHECK_IN_TYPES: ReadonlySet<MessageType> = new Set([
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
  "check_in_confirmation",
]);

export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;

/**
 * SPEC §4: no SMS between 21:00 and 08:00 local, except check-in messages on an
 * event day; a message that falls there moves to the next 08:00.
 */
export function applyQuietHours(type: MessageType, at: Date, event: EventTimes): Date {
  const local = toLocal(at, event.timezone);
  if (local.hour >= QUIET_END_HOUR && local.hour < QUIET_START_HOUR) return at;
  if (CHECK_IN_TYPES.has(type) && isEventDay(at, event)) return at;
  const day = local.hour >= QUIET_START_HOUR ? local.plus({ days: 1 }) : local;
  const moved = atLocal(day, QUIET_END_HOUR);
  // A check-in reminder moved past the start would be useless (an event starting
  // 00:30 has its 1-hour reminder at 23:30 the day before): it keeps its time.
  const start = eventStart(event).getTime();
  if (CHECK_IN_TYPES.has(type) && at.getTime() < start && moved.getTime() > start) return at;
  return moved;
}

export function isEventDay(at: Date, event: EventTimes): boolean {
  const zone = event.timezone;
  return (
    calendarDaysBetween(eventStart(event), at, zone) >= 0 && calendarDaysBetween(at, eventEnd(event), zone) >= 0
  );
}

/** SPEC §3: the three check-in reminders. */
export function checkInReminderTimes(event: EventTimes): Array<{ type: MessageType; at: Date }> {
  const start = eventStart(event);
  const startDay = toLocal(start, event.timezone).startOf("day");
  return [
    { type: "check_in_reminder_night_before", at: atLocal(startDay.minus({ days: 1 }), 20) },
    { type: "check_in_reminder_1_hour", at: new Date(start.getTime() - 60 * 60 * 1000) },
    { type: "check_in_reminder_event_start", at: start },
  ];
}

/**
 * SPEC §3.1: local days (as ISO dates) on which a profile reminder goes at 10:00.
 * D > 3: registration day +1..+3 and event day −3..−1 (shared days once);
 * D ≤ 3: each day strictly between the registration day and the event day.
 */
export function profileReminderDays(registeredAt: Date, event: EventTimes): string[] {
  const zone = event.timezone;
  const regDay = toLocal(registeredAt, zone).startOf("day");
  const eventDay = toLocal(eventStart(event), zone).startOf("day");
  const d = calendarDaysBetween(registeredAt, eventStart(event), zone);
  const offsets = new Set<number>();
  if (d > 3) {
    for (const k of [1, 2, 3]) offsets.add(k);
    for (const k of [3, 2, 1]) offsets.add(d - k);
  } else {
    for (let k = 1; k < d; k++) offsets.add(k);
  }
  return [...offsets]
    .sort((a, b) => a - b)
    .map((k) => regDay.plus({ days: k }))
    .filter((day) => day < eventDay)
    .map((day) => day.toISODate()!);
}

export type PreEventPlanInput = {
  event: EventTimes;
  registeredAt: Date;
  profileComplete: boolean;
  reach: Reachability;
  now: Date;
};

/**
 * Every pre-event reminder for one registration (not the confirmation, which is
 * immediate). Times already past are not planned (SPEC §3).
 */
export function planPreEventReminders(input: PreEventPlanInput): PlannedMessage[] {
  const { event, reach, now } = input;
  const wanted: Array<{ type: MessageType; dedupeKey: string; at: Date }> = checkInReminderTimes(event).map((r) => ({
    ...r,
    dedupeKey: "main",
  }));
  if (!input.profileComplete) {
    for (const day of profileReminderDays(input.registeredAt, event)) {
      const at = atLocal(DateTime.fromISO(day, { zone: event.timezone }), 10);
      wanted.push({ type: "profile_completion_reminder", dedupeKey: day, at });
    }
  }
  const out: PlannedMessage[] = [];
  for (const w of wanted) {
    for (const channel of channelsFor(reach)) {
      const scheduledFor = channel === "sms" ? applyQuietHours(w.type, w.at, event) : w.at;
      if (scheduledFor.getTime() < now.getTime()) continue;
      out.push({ type: w.type, channel, dedupeKey: w.dedupeKey, scheduledFor });
    }
  }
  return out.sort((a, b) => a.scheduledFor.getTime() - b.scheduledFor.getTime());
}

/** An immediate message (confirmation, check-in confirmation), SMS respecting quiet hours. */
export function planImmediate(
  type: MessageType,
  dedupeKey: string,
  reach: Reachability,
  event: EventTimes,
  now: Date,
  channels: ReadonlyArray<MessageChannel> = ["email", "sms"],
): PlannedMessage[] {
  return channelsFor(reach)
    .filter((c) => channels.includes(c))
    .map((channel) => ({
      type,
      channel,
      dedupeKey,
      scheduledFor: channel === "sms" ? applyQuietHours(type, now, event) : now,
    }));
}

function channelsFor(reach: Reachability): MessageChannel[] {
  const out: MessageChannel[] = [];
  if (reach.email) out.push("email");
  if (reach.sms) out.push("sms");
  return out;
}
