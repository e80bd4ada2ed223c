/**
 * Table-driven tests of the pre-event timing rules (SPEC §2, §3, §3.1, §4 quiet hours).
 *
 * Every expected value below is written out literally (local wall clock in the
 * event's zone and, where DST matters, the UTC instant), worked out by hand from
 * the SPEC and the tz rules — never computed with the code under test.
 *
 * DST dates used (hand-derived):
 *   America/New_York  2026: spring Sun 03-08, fall Sun 11-01   2027: spring Sun 03-14, fall Sun 11-07
 *   Europe/London     2026: spring Sun 03-29, fall Sun 10-25   2027: spring Sun 03-28, fall Sun 10-31
 *   Pacific/Auckland  2026: DST ends Sun 04-05, starts Sun 09-27   2027: ends Sun 04-04, starts Sun 09-26
 *   Asia/Kolkata      +05:30 all year
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import type { MessageChannel, MessageType } from "@/db/schema";
import { eventEnd, eventStart, type EventTimes } from "./event-times";
import {
  applyQuietHours,
  checkInReminderTimes,
  planImmediate,
  planPreEventReminders,
  profileReminderDays,
  type PlannedMessage,
  type Reachability,
} from "./plan";

// ───────────────────────────── helpers ─────────────────────────────

const NY = "America/New_York";
const LON = "Europe/London";
const KOL = "Asia/Kolkata";
const AKL = "Pacific/Auckland";

/** "YYYY-MM-DD HH:mm" on the wall clock of `zone` → instant. Rejects times that do not exist (DST gap). */
function local(wall: string, zone: string): Date {
  const dt = DateTime.fromFormat(wall, "yyyy-MM-dd HH:mm", { zone });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd HH:mm") !== wall) {
    throw new Error(`test bug: ${wall} is not a valid wall-clock time in ${zone}`);
  }
  return dt.toJSDate();
}

/** Instant → "YYYY-MM-DD HH:mm" on the wall clock of `zone`. */
function wall(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

type AgendaRow = [type: string, starts: string, ends: string, cancelled?: boolean];

/** An event in `zone` from wall-clock strings; agenda rows are [type, start, end, cancelled?]. */
function ev(zone: string, starts: string, ends: string, agenda: AgendaRow[] = []): EventTimes {
  return {
    timezone: zone,
    startsAt: local(starts, zone),
    endsAt: local(ends, zone),
    agenda: agenda.map(([type, s, e, cancelled]) => ({
      type,
      startsAt: local(s, zone),
      endsAt: local(e, zone),
      cancelledAt: cancelled ? new Date("2026-01-01T00:00:00Z") : null,
    })),
  };
}

const BOTH: Reachability = { email: true, sms: true };
const EMAIL_ONLY: Reachability = { email: true, sms: false };
const SMS_ONLY: Reachability = { email: false, sms: true };
const NONE: Reachability = { email: false, sms: false };

function plan(event: EventTimes, registered: string, opts: { complete?: boolean; reach?: Reachability; now?: string } = {}) {
  const registeredAt = local(registered, event.timezone);
  return planPreEventReminders({
    event,
    registeredAt,
    profileComplete: opts.complete ?? false,
    reach: opts.reach ?? BOTH,
    now: opts.now ? local(opts.now, event.timezone) : registeredAt,
  });
}

const TYPE_ORDER: MessageType[] = [
  "profile_completion_reminder",
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
];

/** Rows as "wall type channel", in time order (email before sms at the same time). */
function rows(msgs: PlannedMessage[], zone: string, only?: MessageType): string[] {
  return msgs
    .filter((m) => !only || m.type === only)
    .slice()
    .sort(
      (a, b) =>
        a.scheduledFor.getTime() - b.scheduledFor.getTime() ||
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
        a.channel.localeCompare(b.channel),
    )
    .map((m) => `${wall(m.scheduledFor, zone)} ${m.type} ${m.channel}`);
}

/** Same rows as UTC ISO instants. */
function utcRows(msgs: PlannedMessage[], only: MessageType, channel: MessageChannel): string[] {
  return msgs
    .filter((m) => m.type === only && m.channel === channel)
    .map((m) => m.scheduledFor.toISOString())
    .sort();
}

/** "wall type" → the email row and the SMS row (for reach = both). */
function both(...entries: string[]): string[] {
  return entries.flatMap((e) => [`${e} email`, `${e} sms`]);
}

const NB = "check_in_reminder_night_before";
const H1 = "check_in_reminder_1_hour";
const ST = "check_in_reminder_event_start";
const PR = "profile_completion_reminder";

/** Friday 2026-06-19, New York (EDT, −04:00), 09:00–17:00, no agenda. */
const NY_JUNE = ev(NY, "2026-06-19 09:00", "2026-06-19 17:00");

// ───────────────────── §3.1 profile completion reminders ─────────────────────

describe("§3.1 profile completion reminder days (10:00 local)", () => {
  // [label, event, registered (local), expected local days]
  const cases: Array<[string, EventTimes, string, string[]]> = [
    ["D=30 NY", NY_JUNE, "2026-05-20 12:00", ["2026-05-21", "2026-05-22", "2026-05-23", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=10 NY", NY_JUNE, "2026-06-09 12:00", ["2026-06-10", "2026-06-11", "2026-06-12", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=8 NY", NY_JUNE, "2026-06-11 12:00", ["2026-06-12", "2026-06-13", "2026-06-14", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=7 NY (phases touch: 6 days)", NY_JUNE, "2026-06-12 12:00", ["2026-06-13", "2026-06-14", "2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=6 NY (one shared day: 5 days)", NY_JUNE, "2026-06-13 12:00", ["2026-06-14", "2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=5 NY (two shared days: 4 days)", NY_JUNE, "2026-06-14 12:00", ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=4 NY (phases coincide: 3 days)", NY_JUNE, "2026-06-15 12:00", ["2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=3 NY (strictly between)", NY_JUNE, "2026-06-16 12:00", ["2026-06-17", "2026-06-18"]],
    ["D=2 NY", NY_JUNE, "2026-06-17 12:00", ["2026-06-18"]],
    ["D=1 NY", NY_JUNE, "2026-06-18 12:00", []],
    ["D=0 NY (registers on the event day)", NY_JUNE, "2026-06-19 07:00", []],
    ["D=0 NY (registers after the start)", NY_JUNE, "2026-06-19 11:00", []],
    // Registration late in the local evening: the UTC date is already the next day.
    ["D=4 NY, registered 23:30 local (03:30Z next day)", NY_JUNE, "2026-06-15 23:30", ["2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=5 NY, registered 00:05 local", NY_JUNE, "2026-06-14 00:05", ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=10 London", ev(LON, "2026-06-19 09:00", "2026-06-19 17:00"), "2026-06-09 18:00", ["2026-06-10", "2026-06-11", "2026-06-12", "2026-06-16", "2026-06-17", "2026-06-18"]],
    // 00:30 IST is 19:00Z the previous day: the local date counts.
    ["D=4 Kolkata, registered 00:30 local", ev(KOL, "2026-06-19 09:30", "2026-06-19 17:00"), "2026-06-15 00:30", ["2026-06-16", "2026-06-17", "2026-06-18"]],
    // 08:00 NZST is 20:00Z the previous day; the event's 09:00 NZST is 21:00Z on 06-18.
    ["D=4 Auckland, registered 08:00 local", ev(AKL, "2026-06-19 09:00", "2026-06-19 17:00"), "2026-06-15 08:00", ["2026-06-16", "2026-06-17", "2026-06-18"]],
    ["D=3 Auckland", ev(AKL, "2026-06-19 09:00", "2026-06-19 17:00"), "2026-06-16 23:00", ["2026-06-17", "2026-06-18"]],
    ["D=6 Kolkata across the year end", ev(KOL, "2027-01-02 10:00", "2027-01-02 18:00"), "2026-12-27 15:00", ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"]],
    ["D=6 London across 29 Feb 2028", ev(LON, "2028-03-03 09:00", "2028-03-03 17:00"), "2028-02-26 12:00", ["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01", "2028-03-02"]],
    ["D=4 NY across spring-forward", ev(NY, "2026-03-09 09:00", "2026-03-09 17:00"), "2026-03-05 12:00", ["2026-03-06", "2026-03-07", "2026-03-08"]],
    ["D=4 London across fall-back", ev(LON, "2026-10-26 09:00", "2026-10-26 17:00"), "2026-10-22 12:00", ["2026-10-23", "2026-10-24", "2026-10-25"]],
    // Event start = first agenda item (Fri 18:00 reception) before starts_at (Sat 09:00): the event day is Friday.
    [
      "D=4 NY, event day moved earlier by the agenda",
      ev(NY, "2026-06-20 09:00", "2026-06-20 17:00", [["networking", "2026-06-19 18:00", "2026-06-19 20:00"], ["keynote", "2026-06-20 09:00", "2026-06-20 10:00"]]),
      "2026-06-15 12:00",
      ["2026-06-16", "2026-06-17", "2026-06-18"],
    ],
    // Same, but the first item runs the day before starts_at's date only on the D ≤ 3 branch.
    [
      "D=2 NY, event day moved earlier by the agenda",
      ev(NY, "2026-06-20 09:00", "2026-06-20 17:00", [["networking", "2026-06-19 18:00", "2026-06-19 20:00"]]),
      "2026-06-17 12:00",
      ["2026-06-18"],
    ],
  ];

  it.each(cases)("%s: profileReminderDays", (_label, event, registered, days) => {
    expect(profileReminderDays(local(registered, event.timezone), event)).toEqual(days);
  });

  it.each(cases)("%s: planned at 10:00 local on each day, email + SMS", (_label, event, registered, days) => {
    const got = rows(plan(event, registered), event.timezone, PR);
    expect(got).toEqual(days.flatMap((d) => [`${d} 10:00 ${PR} email`, `${d} 10:00 ${PR} sms`]));
    expect(got).toHaveLength(days.length * 2);
    expect(got.length).toBeLessThanOrEqual(12);
  });

  it.each(cases)("%s: none when the profile is complete", (_label, event, registered) => {
    expect(rows(plan(event, registered, { complete: true }), event.timezone, PR)).toEqual([]);
  });

  it("a re-plan later (now after registration) keeps only the reminders not yet past", () => {
    // D=10 from 06-09; re-planned on 06-12 at 12:00 → 06-10, 06-11 and 06-12 10:00 have passed.
    const got = rows(plan(NY_JUNE, "2026-06-09 12:00", { now: "2026-06-12 12:00" }), NY, PR);
    expect(got).toEqual(both(`2026-06-16 10:00 ${PR}`, `2026-06-17 10:00 ${PR}`, `2026-06-18 10:00 ${PR}`));
  });
});

// ─────────────────── profile reminders at 10:00 on both sides of DST ───────────────────

describe("§3.1 × DST: a profile reminder stays 10:00 on the wall clock", () => {
  // [label, zone, registered, event start, expected [local, UTC] per day]
  const cases: Array<[string, string, string, string, Array<[string, string]>]> = [
    ["NY spring 2026", NY, "2026-03-02 12:00", "2026-03-09 09:00", [
      ["2026-03-03 10:00", "2026-03-03T15:00:00.000Z"],
      ["2026-03-04 10:00", "2026-03-04T15:00:00.000Z"],
      ["2026-03-05 10:00", "2026-03-05T15:00:00.000Z"],
      ["2026-03-06 10:00", "2026-03-06T15:00:00.000Z"],
      ["2026-03-07 10:00", "2026-03-07T15:00:00.000Z"],
      ["2026-03-08 10:00", "2026-03-08T14:00:00.000Z"],
    ]],
    ["NY fall 2026", NY, "2026-10-26 12:00", "2026-11-02 09:00", [
      ["2026-10-27 10:00", "2026-10-27T14:00:00.000Z"],
      ["2026-10-28 10:00", "2026-10-28T14:00:00.000Z"],
      ["2026-10-29 10:00", "2026-10-29T14:00:00.000Z"],
      ["2026-10-30 10:00", "2026-10-30T14:00:00.000Z"],
      ["2026-10-31 10:00", "2026-10-31T14:00:00.000Z"],
      ["2026-11-01 10:00", "2026-11-01T15:00:00.000Z"],
    ]],
    ["NY spring 2027", NY, "2027-03-08 12:00", "2027-03-15 09:00", [
      ["2027-03-09 10:00", "2027-03-09T15:00:00.000Z"],
      ["2027-03-10 10:00", "2027-03-10T15:00:00.000Z"],
      ["2027-03-11 10:00", "2027-03-11T15:00:00.000Z"],
      ["2027-03-12 10:00", "2027-03-12T15:00:00.000Z"],
      ["2027-03-13 10:00", "2027-03-13T15:00:00.000Z"],
      ["2027-03-14 10:00", "2027-03-14T14:00:00.000Z"],
    ]],
    ["NY fall 2027, D=10 (phase 1 before, phase 2 both sides)", NY, "2027-10-29 12:00", "2027-11-08 09:00", [
      ["2027-10-30 10:00", "2027-10-30T14:00:00.000Z"],
      ["2027-10-31 10:00", "2027-10-31T14:00:00.000Z"],
      ["2027-11-01 10:00", "2027-11-01T14:00:00.000Z"],
      ["2027-11-05 10:00", "2027-11-05T14:00:00.000Z"],
      ["2027-11-06 10:00", "2027-11-06T14:00:00.000Z"],
      ["2027-11-07 10:00", "2027-11-07T15:00:00.000Z"],
    ]],
    ["London spring 2026", LON, "2026-03-23 12:00", "2026-03-30 09:00", [
      ["2026-03-24 10:00", "2026-03-24T10:00:00.000Z"],
      ["2026-03-25 10:00", "2026-03-25T10:00:00.000Z"],
      ["2026-03-26 10:00", "2026-03-26T10:00:00.000Z"],
      ["2026-03-27 10:00", "2026-03-27T10:00:00.000Z"],
      ["2026-03-28 10:00", "2026-03-28T10:00:00.000Z"],
      ["2026-03-29 10:00", "2026-03-29T09:00:00.000Z"],
    ]],
    ["London fall 2026", LON, "2026-10-19 12:00", "2026-10-26 09:00", [
      ["2026-10-20 10:00", "2026-10-20T09:00:00.000Z"],
      ["2026-10-21 10:00", "2026-10-21T09:00:00.000Z"],
      ["2026-10-22 10:00", "2026-10-22T09:00:00.000Z"],
      ["2026-10-23 10:00", "2026-10-23T09:00:00.000Z"],
      ["2026-10-24 10:00", "2026-10-24T09:00:00.000Z"],
      ["2026-10-25 10:00", "2026-10-25T10:00:00.000Z"],
    ]],
    ["London spring 2027, D=5", LON, "2027-03-24 12:00", "2027-03-29 09:00", [
      ["2027-03-25 10:00", "2027-03-25T10:00:00.000Z"],
      ["2027-03-26 10:00", "2027-03-26T10:00:00.000Z"],
      ["2027-03-27 10:00", "2027-03-27T10:00:00.000Z"],
      ["2027-03-28 10:00", "2027-03-28T09:00:00.000Z"],
    ]],
    ["London fall 2027", LON, "2027-10-25 12:00", "2027-11-01 09:00", [
      ["2027-10-26 10:00", "2027-10-26T09:00:00.000Z"],
      ["2027-10-27 10:00", "2027-10-27T09:00:00.000Z"],
      ["2027-10-28 10:00", "2027-10-28T09:00:00.000Z"],
      ["2027-10-29 10:00", "2027-10-29T09:00:00.000Z"],
      ["2027-10-30 10:00", "2027-10-30T09:00:00.000Z"],
      ["2027-10-31 10:00", "2027-10-31T10:00:00.000Z"],
    ]],
    ["Auckland DST start 2026 (NZST +12 → NZDT +13)", AKL, "2026-09-21 12:00", "2026-09-28 09:00", [
      ["2026-09-22 10:00", "2026-09-21T22:00:00.000Z"],
      ["2026-09-23 10:00", "2026-09-22T22:00:00.000Z"],
      ["2026-09-24 10:00", "2026-09-23T22:00:00.000Z"],
      ["2026-09-25 10:00", "2026-09-24T22:00:00.000Z"],
      ["2026-09-26 10:00", "2026-09-25T22:00:00.000Z"],
      ["2026-09-27 10:00", "2026-09-26T21:00:00.000Z"],
    ]],
    ["Auckland DST end 2026 (NZDT +13 → NZST +12)", AKL, "2026-03-30 12:00", "2026-04-06 09:00", [
      ["2026-03-31 10:00", "2026-03-30T21:00:00.000Z"],
      ["2026-04-01 10:00", "2026-03-31T21:00:00.000Z"],
      ["2026-04-02 10:00", "2026-04-01T21:00:00.000Z"],
      ["2026-04-03 10:00", "2026-04-02T21:00:00.000Z"],
      ["2026-04-04 10:00", "2026-04-03T21:00:00.000Z"],
      ["2026-04-05 10:00", "2026-04-04T22:00:00.000Z"],
    ]],
    ["Kolkata (no DST) same week", KOL, "2026-03-02 12:00", "2026-03-09 09:00", [
      ["2026-03-03 10:00", "2026-03-03T04:30:00.000Z"],
      ["2026-03-04 10:00", "2026-03-04T04:30:00.000Z"],
      ["2026-03-05 10:00", "2026-03-05T04:30:00.000Z"],
      ["2026-03-06 10:00", "2026-03-06T04:30:00.000Z"],
      ["2026-03-07 10:00", "2026-03-07T04:30:00.000Z"],
      ["2026-03-08 10:00", "2026-03-08T04:30:00.000Z"],
    ]],
  ];

  it.each(cases)("%s", (_label, zone, registered, start, expected) => {
    const event = ev(zone, start, start.slice(0, 11) + "17:00");
    const msgs = plan(event, registered);
    expect(rows(msgs, zone, PR)).toEqual(expected.flatMap(([w]) => [`${w} ${PR} email`, `${w} ${PR} sms`]));
    const utc = expected.map(([, u]) => u);
    expect(utcRows(msgs, PR, "email")).toEqual(utc);
    expect(utcRows(msgs, PR, "sms")).toEqual(utc);
  });
});

// ─────────────────────────── §3 check-in reminders ───────────────────────────

describe("§3 check-in reminders: night before 20:00, start − 1 h, start", () => {
  // [label, event, night-before wall, 1-hour wall, start wall, night-before UTC, 1-hour UTC, start UTC]
  const cases: Array<[string, EventTimes, string, string, string, string, string, string]> = [
    ["NY summer", NY_JUNE, "2026-06-18 20:00", "2026-06-19 08:00", "2026-06-19 09:00", "2026-06-19T00:00:00.000Z", "2026-06-19T12:00:00.000Z", "2026-06-19T13:00:00.000Z"],
    ["NY evening event", ev(NY, "2026-06-19 18:00", "2026-06-19 22:00"), "2026-06-18 20:00", "2026-06-19 17:00", "2026-06-19 18:00", "2026-06-19T00:00:00.000Z", "2026-06-19T21:00:00.000Z", "2026-06-19T22:00:00.000Z"],
    ["NY on the 1st of a month", ev(NY, "2026-07-01 08:00", "2026-07-01 17:00"), "2026-06-30 20:00", "2026-07-01 07:00", "2026-07-01 08:00", "2026-07-01T00:00:00.000Z", "2026-07-01T11:00:00.000Z", "2026-07-01T12:00:00.000Z"],
    ["London summer (BST)", ev(LON, "2026-06-19 09:00", "2026-06-19 17:00"), "2026-06-18 20:00", "2026-06-19 08:00", "2026-06-19 09:00", "2026-06-18T19:00:00.000Z", "2026-06-19T07:00:00.000Z", "2026-06-19T08:00:00.000Z"],
    ["Kolkata +05:30", ev(KOL, "2026-06-19 09:30", "2026-06-19 17:00"), "2026-06-18 20:00", "2026-06-19 08:30", "2026-06-19 09:30", "2026-06-18T14:30:00.000Z", "2026-06-19T03:00:00.000Z", "2026-06-19T04:00:00.000Z"],
    ["Kolkata on New Year's Day", ev(KOL, "2027-01-01 10:00", "2027-01-01 17:00"), "2026-12-31 20:00", "2027-01-01 09:00", "2027-01-01 10:00", "2026-12-31T14:30:00.000Z", "2027-01-01T03:30:00.000Z", "2027-01-01T04:30:00.000Z"],
    ["Auckland winter (NZST +12)", ev(AKL, "2026-06-19 09:00", "2026-06-19 17:00"), "2026-06-18 20:00", "2026-06-19 08:00", "2026-06-19 09:00", "2026-06-18T08:00:00.000Z", "2026-06-18T20:00:00.000Z", "2026-06-18T21:00:00.000Z"],
    ["Auckland summer (NZDT +13)", ev(AKL, "2027-01-15 09:00", "2027-01-15 17:00"), "2027-01-14 20:00", "2027-01-15 08:00", "2027-01-15 09:00", "2027-01-14T07:00:00.000Z", "2027-01-14T19:00:00.000Z", "2027-01-14T20:00:00.000Z"],

    // ── DST: America/New_York ──
    ["NY Mon before spring-forward 2026 (EST)", ev(NY, "2026-03-02 09:00", "2026-03-02 17:00"), "2026-03-01 20:00", "2026-03-02 08:00", "2026-03-02 09:00", "2026-03-02T01:00:00.000Z", "2026-03-02T13:00:00.000Z", "2026-03-02T14:00:00.000Z"],
    ["NY Mon after spring-forward 2026", ev(NY, "2026-03-09 09:00", "2026-03-09 17:00"), "2026-03-08 20:00", "2026-03-09 08:00", "2026-03-09 09:00", "2026-03-09T00:00:00.000Z", "2026-03-09T12:00:00.000Z", "2026-03-09T13:00:00.000Z"],
    ["NY Sun of spring-forward 2026 (night before is EST)", ev(NY, "2026-03-08 09:00", "2026-03-08 17:00"), "2026-03-07 20:00", "2026-03-08 08:00", "2026-03-08 09:00", "2026-03-08T01:00:00.000Z", "2026-03-08T12:00:00.000Z", "2026-03-08T13:00:00.000Z"],
    ["NY start 03:30 just after the gap: −1 h is 01:30 EST", ev(NY, "2026-03-08 03:30", "2026-03-08 12:00"), "2026-03-07 20:00", "2026-03-08 01:30", "2026-03-08 03:30", "2026-03-08T01:00:00.000Z", "2026-03-08T06:30:00.000Z", "2026-03-08T07:30:00.000Z"],
    ["NY Mon after fall-back 2026", ev(NY, "2026-11-02 09:00", "2026-11-02 17:00"), "2026-11-01 20:00", "2026-11-02 08:00", "2026-11-02 09:00", "2026-11-02T01:00:00.000Z", "2026-11-02T13:00:00.000Z", "2026-11-02T14:00:00.000Z"],
    ["NY Sun of fall-back 2026 (night before is EDT)", ev(NY, "2026-11-01 09:00", "2026-11-01 17:00"), "2026-10-31 20:00", "2026-11-01 08:00", "2026-11-01 09:00", "2026-11-01T00:00:00.000Z", "2026-11-01T13:00:00.000Z", "2026-11-01T14:00:00.000Z"],
    ["NY start 02:30 EST after the repeated hour: −1 h is the second 01:30", ev(NY, "2026-11-01 02:30", "2026-11-01 12:00"), "2026-10-31 20:00", "2026-11-01 01:30", "2026-11-01 02:30", "2026-11-01T00:00:00.000Z", "2026-11-01T06:30:00.000Z", "2026-11-01T07:30:00.000Z"],
    ["NY Mon after spring-forward 2027", ev(NY, "2027-03-15 09:00", "2027-03-15 17:00"), "2027-03-14 20:00", "2027-03-15 08:00", "2027-03-15 09:00", "2027-03-15T00:00:00.000Z", "2027-03-15T12:00:00.000Z", "2027-03-15T13:00:00.000Z"],
    ["NY Mon after fall-back 2027", ev(NY, "2027-11-08 09:00", "2027-11-08 17:00"), "2027-11-07 20:00", "2027-11-08 08:00", "2027-11-08 09:00", "2027-11-08T01:00:00.000Z", "2027-11-08T13:00:00.000Z", "2027-11-08T14:00:00.000Z"],

    // ── DST: Europe/London ──
    ["London Mon before spring-forward 2026 (GMT)", ev(LON, "2026-03-23 09:00", "2026-03-23 17:00"), "2026-03-22 20:00", "2026-03-23 08:00", "2026-03-23 09:00", "2026-03-22T20:00:00.000Z", "2026-03-23T08:00:00.000Z", "2026-03-23T09:00:00.000Z"],
    ["London Mon after spring-forward 2026", ev(LON, "2026-03-30 09:00", "2026-03-30 17:00"), "2026-03-29 20:00", "2026-03-30 08:00", "2026-03-30 09:00", "2026-03-29T19:00:00.000Z", "2026-03-30T07:00:00.000Z", "2026-03-30T08:00:00.000Z"],
    ["London Sun of spring-forward 2026 (night before is GMT)", ev(LON, "2026-03-29 09:00", "2026-03-29 17:00"), "2026-03-28 20:00", "2026-03-29 08:00", "2026-03-29 09:00", "2026-03-28T20:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-29T08:00:00.000Z"],
    ["London start 02:30 BST just after the gap: −1 h is 00:30 GMT", ev(LON, "2026-03-29 02:30", "2026-03-29 12:00"), "2026-03-28 20:00", "2026-03-29 00:30", "2026-03-29 02:30", "2026-03-28T20:00:00.000Z", "2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000Z"],
    ["London Mon after fall-back 2026", ev(LON, "2026-10-26 09:00", "2026-10-26 17:00"), "2026-10-25 20:00", "2026-10-26 08:00", "2026-10-26 09:00", "2026-10-25T20:00:00.000Z", "2026-10-26T08:00:00.000Z", "2026-10-26T09:00:00.000Z"],
    ["London Sun of fall-back 2026 (night before is BST)", ev(LON, "2026-10-25 09:00", "2026-10-25 17:00"), "2026-10-24 20:00", "2026-10-25 08:00", "2026-10-25 09:00", "2026-10-24T19:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-25T09:00:00.000Z"],
    ["London Mon after spring-forward 2027", ev(LON, "2027-03-29 09:00", "2027-03-29 17:00"), "2027-03-28 20:00", "2027-03-29 08:00", "2027-03-29 09:00", "2027-03-28T19:00:00.000Z", "2027-03-29T07:00:00.000Z", "2027-03-29T08:00:00.000Z"],
    ["London Mon after fall-back 2027", ev(LON, "2027-11-01 09:00", "2027-11-01 17:00"), "2027-10-31 20:00", "2027-11-01 08:00", "2027-11-01 09:00", "2027-10-31T20:00:00.000Z", "2027-11-01T08:00:00.000Z", "2027-11-01T09:00:00.000Z"],

    // ── DST: Pacific/Auckland (southern hemisphere) ──
    ["Auckland Mon after DST start 2026", ev(AKL, "2026-09-28 09:00", "2026-09-28 17:00"), "2026-09-27 20:00", "2026-09-28 08:00", "2026-09-28 09:00", "2026-09-27T07:00:00.000Z", "2026-09-27T19:00:00.000Z", "2026-09-27T20:00:00.000Z"],
    ["Auckland Sun of DST start 2026 (night before is NZST)", ev(AKL, "2026-09-27 09:00", "2026-09-27 17:00"), "2026-09-26 20:00", "2026-09-27 08:00", "2026-09-27 09:00", "2026-09-26T08:00:00.000Z", "2026-09-26T19:00:00.000Z", "2026-09-26T20:00:00.000Z"],
    ["Auckland Mon after DST end 2026", ev(AKL, "2026-04-06 09:00", "2026-04-06 17:00"), "2026-04-05 20:00", "2026-04-06 08:00", "2026-04-06 09:00", "2026-04-05T08:00:00.000Z", "2026-04-05T20:00:00.000Z", "2026-04-05T21:00:00.000Z"],
    ["Auckland Sun of DST end 2026 (night before is NZDT)", ev(AKL, "2026-04-05 09:00", "2026-04-05 17:00"), "2026-04-04 20:00", "2026-04-05 08:00", "2026-04-05 09:00", "2026-04-04T07:00:00.000Z", "2026-04-04T20:00:00.000Z", "2026-04-04T21:00:00.000Z"],
    ["Auckland Mon after DST end 2027", ev(AKL, "2027-04-05 09:00", "2027-04-05 17:00"), "2027-04-04 20:00", "2027-04-05 08:00", "2027-04-05 09:00", "2027-04-04T08:00:00.000Z", "2027-04-04T20:00:00.000Z", "2027-04-04T21:00:00.000Z"],
    ["Auckland Mon after DST start 2027", ev(AKL, "2027-09-27 09:00", "2027-09-27 17:00"), "2027-09-26 20:00", "2027-09-27 08:00", "2027-09-27 09:00", "2027-09-26T07:00:00.000Z", "2027-09-26T19:00:00.000Z", "2027-09-26T20:00:00.000Z"],

    // ── Asia/Kolkata on the US/EU change weekends: nothing moves ──
    ["Kolkata on NY's spring-forward Monday", ev(KOL, "2026-03-09 09:00", "2026-03-09 17:00"), "2026-03-08 20:00", "2026-03-09 08:00", "2026-03-09 09:00", "2026-03-08T14:30:00.000Z", "2026-03-09T02:30:00.000Z", "2026-03-09T03:30:00.000Z"],
    ["Kolkata on NY's fall-back Monday", ev(KOL, "2026-11-02 09:00", "2026-11-02 17:00"), "2026-11-01 20:00", "2026-11-02 08:00", "2026-11-02 09:00", "2026-11-01T14:30:00.000Z", "2026-11-02T02:30:00.000Z", "2026-11-02T03:30:00.000Z"],
  ];

  it.each(cases)("%s: checkInReminderTimes", (_l, event, nbW, h1W, stW, nbU, h1U, stU) => {
    const z = event.timezone;
    const got = checkInReminderTimes(event);
    expect(got.map((r) => r.type)).toEqual([NB, H1, ST]);
    expect(got.map((r) => wall(r.at, z))).toEqual([nbW, h1W, stW]);
    expect(got.map((r) => r.at.toISOString())).toEqual([nbU, h1U, stU]);
  });

  it.each(cases)("%s: planned for email and SMS, SMS not moved by quiet hours", (_l, event, nbW, h1W, stW, nbU, h1U, stU) => {
    // Registered 30 days before, profile complete: only the three check-in reminders.
    const registered = wall(new Date(event.startsAt.getTime() - 30 * 86_400_000), event.timezone);
    const msgs = plan(event, registered, { complete: true });
    expect(msgs).toHaveLength(6);
    for (const channel of ["email", "sms"] as const) {
      expect(utcRows(msgs, NB, channel)).toEqual([nbU]);
      expect(utcRows(msgs, H1, channel)).toEqual([h1U]);
      expect(utcRows(msgs, ST, channel)).toEqual([stU]);
    }
    expect(rows(msgs, event.timezone, NB)).toEqual([`${nbW} ${NB} email`, `${nbW} ${NB} sms`]);
    expect(rows(msgs, event.timezone, H1)).toEqual([`${h1W} ${H1} email`, `${h1W} ${H1} sms`]);
    expect(rows(msgs, event.timezone, ST)).toEqual([`${stW} ${ST} email`, `${stW} ${ST} sms`]);
  });

  it("NY: the night-before reminder is 20:00 local on both sides of spring-forward, so its UTC hour shifts by 1 h", () => {
    const before = checkInReminderTimes(ev(NY, "2026-03-02 09:00", "2026-03-02 17:00"))[0].at;
    const after = checkInReminderTimes(ev(NY, "2026-03-09 09:00", "2026-03-09 17:00"))[0].at;
    expect(after.getTime() - before.getTime()).toBe(7 * 24 * 3_600_000 - 3_600_000);
  });

  it("London: the night-before reminder is 20:00 local on both sides of fall-back, so its UTC hour shifts by 1 h", () => {
    const before = checkInReminderTimes(ev(LON, "2026-10-19 09:00", "2026-10-19 17:00"))[0].at; // Sun 10-18 20:00 BST = 19:00Z
    const after = checkInReminderTimes(ev(LON, "2026-10-26 09:00", "2026-10-26 17:00"))[0].at; // Sun 10-25 20:00 GMT = 20:00Z
    expect(before.toISOString()).toBe("2026-10-18T19:00:00.000Z");
    expect(after.getTime() - before.getTime()).toBe(7 * 24 * 3_600_000 + 3_600_000);
  });
});

// ───────────────────────────── late registrants ─────────────────────────────

describe("§3 a reminder whose time has passed is not planned (late registrant)", () => {
  // NY_JUNE: night before 06-18 20:00, 1 h 06-19 08:00, start 06-19 09:00. Profile complete.
  const cases: Array<[string, string, string[]]> = [
    ["two days before", "2026-06-17 12:00", both(`2026-06-18 20:00 ${NB}`, `2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["the day before, 19:59", "2026-06-18 19:59", both(`2026-06-18 20:00 ${NB}`, `2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    // At exactly the scheduled minute the time has not yet passed: still planned (due now).
    ["the day before, exactly 20:00", "2026-06-18 20:00", both(`2026-06-18 20:00 ${NB}`, `2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["the day before, 20:01 (night-before past)", "2026-06-18 20:01", both(`2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["the day before, 23:30", "2026-06-18 23:30", both(`2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["event day 07:59", "2026-06-19 07:59", both(`2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["event day 08:01 (inside the last hour)", "2026-06-19 08:01", both(`2026-06-19 09:00 ${ST}`)],
    ["event day 08:59", "2026-06-19 08:59", both(`2026-06-19 09:00 ${ST}`)],
    ["event day, exactly 09:00", "2026-06-19 09:00", both(`2026-06-19 09:00 ${ST}`)],
    ["event day 09:01 (after the start)", "2026-06-19 09:01", []],
    ["event day 15:00", "2026-06-19 15:00", []],
  ];

  it.each(cases)("NY, registered %s", (_l, registered, expected) => {
    const msgs = plan(NY_JUNE, registered, { complete: true });
    expect(rows(msgs, NY)).toEqual(expected);
    expect(msgs).toHaveLength(expected.length);
  });

  it.each([
    // Auckland winter, event 2026-06-19 09:00 NZST.
    ["Auckland, 21:00 the day before", AKL, "2026-06-18 21:00", both(`2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`)],
    ["Kolkata, 08:45 on the event day (start 09:30)", KOL, "2026-06-19 08:45", both(`2026-06-19 09:30 ${ST}`)],
  ] as Array<[string, string, string, string[]]>)("%s", (_l, zone, registered, expected) => {
    const start = zone === KOL ? "2026-06-19 09:30" : "2026-06-19 09:00";
    const msgs = plan(ev(zone, start, "2026-06-19 17:00"), registered, { complete: true });
    expect(rows(msgs, zone)).toEqual(expected);
  });

  it("incomplete profile, D=2: one profile reminder plus the three check-in reminders (8 rows)", () => {
    expect(rows(plan(NY_JUNE, "2026-06-17 12:00"), NY)).toEqual(
      both(`2026-06-18 10:00 ${PR}`, `2026-06-18 20:00 ${NB}`, `2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`),
    );
  });

  it("incomplete profile, registered 06-18 at 11:00 (D=1): no profile reminder, three check-in reminders", () => {
    expect(rows(plan(NY_JUNE, "2026-06-18 11:00"), NY)).toEqual(
      both(`2026-06-18 20:00 ${NB}`, `2026-06-19 08:00 ${H1}`, `2026-06-19 09:00 ${ST}`),
    );
  });
});

// ───────────────────── §2 event start/end from the agenda ─────────────────────

describe("§2 event start = earlier of starts_at and first item; end = later of ends_at and last item", () => {
  // [label, event, start wall, end wall, night-before wall, 1-hour wall]
  const cases: Array<[string, EventTimes, string, string, string, string]> = [
    ["no agenda", NY_JUNE, "2026-06-19 09:00", "2026-06-19 17:00", "2026-06-18 20:00", "2026-06-19 08:00"],
    [
      "breakfast at 07:30 before starts_at 09:00",
      ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["networking", "2026-06-19 07:30", "2026-06-19 08:30"], ["keynote", "2026-06-19 09:00", "2026-06-19 10:00"]]),
      "2026-06-19 07:30", "2026-06-19 17:00", "2026-06-18 20:00", "2026-06-19 06:30",
    ],
    [
      "reception the evening before starts_at (night-before day moves)",
      ev(NY, "2026-06-20 09:00", "2026-06-20 17:00", [["keynote", "2026-06-20 09:00", "2026-06-20 10:00"], ["networking", "2026-06-19 18:00", "2026-06-19 20:00"]]),
      "2026-06-19 18:00", "2026-06-20 17:00", "2026-06-18 20:00", "2026-06-19 17:00",
    ],
    [
      "first item after starts_at",
      ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["keynote", "2026-06-19 10:00", "2026-06-19 11:00"]]),
      "2026-06-19 09:00", "2026-06-19 17:00", "2026-06-18 20:00", "2026-06-19 08:00",
    ],
    [
      "last item (after-party) ends after ends_at, past midnight",
      ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["session", "2026-06-19 09:00", "2026-06-19 10:00"], ["networking", "2026-06-19 19:00", "2026-06-20 01:00"]]),
      "2026-06-19 09:00", "2026-06-20 01:00", "2026-06-18 20:00", "2026-06-19 08:00",
    ],
    [
      "last item ends before ends_at",
      ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["session", "2026-06-19 09:00", "2026-06-19 16:00"]]),
      "2026-06-19 09:00", "2026-06-19 17:00", "2026-06-18 20:00", "2026-06-19 08:00",
    ],
    [
      // Decision (SPEC silent): a cancelled agenda item is not part of the agenda.
      "cancelled early item is ignored",
      ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["networking", "2026-06-19 07:00", "2026-06-19 08:00", true], ["session", "2026-06-19 09:30", "2026-06-19 10:30"]]),
      "2026-06-19 09:00", "2026-06-19 17:00", "2026-06-18 20:00", "2026-06-19 08:00",
    ],
    [
      "NY: Sunday-evening item before a Monday starts_at across spring-forward",
      ev(NY, "2026-03-09 09:00", "2026-03-09 17:00", [["networking", "2026-03-08 18:00", "2026-03-08 21:00"]]),
      "2026-03-08 18:00", "2026-03-09 17:00", "2026-03-07 20:00", "2026-03-08 17:00",
    ],
    [
      "London: early item 06:30 on the fall-back Sunday",
      ev(LON, "2026-10-25 09:00", "2026-10-25 17:00", [["networking", "2026-10-25 06:30", "2026-10-25 08:00"]]),
      "2026-10-25 06:30", "2026-10-25 17:00", "2026-10-24 20:00", "2026-10-25 05:30",
    ],
  ];

  it.each(cases)("%s", (_l, event, startW, endW, nbW, h1W) => {
    const z = event.timezone;
    expect(wall(eventStart(event), z)).toBe(startW);
    expect(wall(eventEnd(event), z)).toBe(endW);
    const [nb, h1, st] = checkInReminderTimes(event);
    expect(wall(nb.at, z)).toBe(nbW);
    expect(wall(h1.at, z)).toBe(h1W);
    expect(wall(st.at, z)).toBe(startW);
  });

  it("NY spring-forward agenda case in UTC: night before Sat 20:00 EST, 1 h before the Sun 18:00 EDT item", () => {
    const [nb, h1, st] = checkInReminderTimes(ev(NY, "2026-03-09 09:00", "2026-03-09 17:00", [["networking", "2026-03-08 18:00", "2026-03-08 21:00"]]));
    expect([nb.at.toISOString(), h1.at.toISOString(), st.at.toISOString()]).toEqual([
      "2026-03-08T01:00:00.000Z",
      "2026-03-08T21:00:00.000Z",
      "2026-03-08T22:00:00.000Z",
    ]);
  });

  it("07:30 breakfast: registered at 06:00 on the event day gets the 06:30 and 07:30 reminders, SMS not moved by quiet hours", () => {
    const event = ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["networking", "2026-06-19 07:30", "2026-06-19 08:30"]]);
    expect(rows(plan(event, "2026-06-19 06:00", { complete: true }), NY)).toEqual(
      both(`2026-06-19 06:30 ${H1}`, `2026-06-19 07:30 ${ST}`),
    );
  });

  it("07:30 breakfast: registered at 07:00 gets only the start reminder (1 h reminder at 06:30 is past)", () => {
    const event = ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["networking", "2026-06-19 07:30", "2026-06-19 08:30"]]);
    expect(rows(plan(event, "2026-06-19 07:00", { complete: true }), NY)).toEqual(both(`2026-06-19 07:30 ${ST}`));
  });

  it("reception the evening before: full plan for D=5 (registered Sun 06-14) uses Fri 06-19 as the event day", () => {
    const event = ev(NY, "2026-06-20 09:00", "2026-06-20 17:00", [["networking", "2026-06-19 18:00", "2026-06-19 20:00"]]);
    expect(rows(plan(event, "2026-06-14 12:00"), NY)).toEqual(
      both(
        `2026-06-15 10:00 ${PR}`,
        `2026-06-16 10:00 ${PR}`,
        `2026-06-17 10:00 ${PR}`,
        `2026-06-18 10:00 ${PR}`,
        `2026-06-18 20:00 ${NB}`,
        `2026-06-19 17:00 ${H1}`,
        `2026-06-19 18:00 ${ST}`,
      ),
    );
  });
});

// ─────────────────────────── §4 quiet hours (SMS) ───────────────────────────

describe("§4 quiet hours: no SMS 21:00–08:00 local except check-in messages on the event day", () => {
  const KOL_EV = ev(KOL, "2026-12-01 09:00", "2026-12-01 17:00");
  const AKL_EV = ev(AKL, "2026-12-01 09:00", "2026-12-01 17:00");
  const NY_DEC = ev(NY, "2026-12-01 09:00", "2026-12-01 17:00");
  const LON_DEC = ev(LON, "2026-12-01 09:00", "2026-12-01 17:00");
  const NY_AFTERPARTY = ev(NY, "2026-06-19 09:00", "2026-06-19 17:00", [["networking", "2026-06-19 19:00", "2026-06-20 01:00"]]);
  const NY_TWO_DAYS = ev(NY, "2026-06-19 09:00", "2026-06-20 17:00");

  // [label, type, event, at (wall), expected (wall), expected UTC or null]
  const cases: Array<[string, MessageType, EventTimes, string, string, string | null]> = [
    ["21:30 moves to 08:00 next day", PR, NY_JUNE, "2026-06-16 21:30", "2026-06-17 08:00", "2026-06-17T12:00:00.000Z"],
    ["06:00 moves to 08:00 same day", PR, NY_JUNE, "2026-06-16 06:00", "2026-06-16 08:00", "2026-06-16T12:00:00.000Z"],
    ["23:59 moves to 08:00 next day", "registration_confirmation", NY_JUNE, "2026-06-10 23:59", "2026-06-11 08:00", null],
    ["00:00 moves to 08:00 same day", "registration_confirmation", NY_JUNE, "2026-06-10 00:00", "2026-06-10 08:00", null],
    ["07:59 moves to 08:00", "registration_confirmation", NY_JUNE, "2026-06-10 07:59", "2026-06-10 08:00", null],
    ["21:00 is quiet: moves to 08:00 next day", "registration_confirmation", NY_JUNE, "2026-06-10 21:00", "2026-06-11 08:00", null],
    ["08:00 is not quiet", "registration_confirmation", NY_JUNE, "2026-06-10 08:00", "2026-06-10 08:00", null],
    ["12:00 is not quiet", "registration_confirmation", NY_JUNE, "2026-06-10 12:00", "2026-06-10 12:00", null],
    ["20:59 is not quiet", "registration_confirmation", NY_JUNE, "2026-06-10 20:59", "2026-06-10 20:59", "2026-06-11T00:59:00.000Z"],
    ["night-before reminder at 20:00 is not moved", NB, NY_JUNE, "2026-06-18 20:00", "2026-06-18 20:00", "2026-06-19T00:00:00.000Z"],
    ["1-hour reminder at 07:00 on the event day is not moved", H1, NY_JUNE, "2026-06-19 07:00", "2026-06-19 07:00", null],
    ["event-start reminder at 06:00 on the event day is not moved", ST, NY_JUNE, "2026-06-19 06:00", "2026-06-19 06:00", null],
    ["check-in confirmation 07:15 on the event day is not moved", "check_in_confirmation", NY_JUNE, "2026-06-19 07:15", "2026-06-19 07:15", null],
    ["check-in confirmation 22:30 on the event day is not moved", "check_in_confirmation", NY_JUNE, "2026-06-19 22:30", "2026-06-19 22:30", null],
    ["check-in confirmation 22:00 two days before is moved", "check_in_confirmation", NY_JUNE, "2026-06-17 22:00", "2026-06-18 08:00", null],
    ["1-hour reminder at 23:30 the day before is not on the event day: moved", H1, NY_JUNE, "2026-06-18 23:30", "2026-06-19 08:00", null],
    ["agenda_ready at 07:30 on the event day is not check-in related: moved", "agenda_ready", NY_JUNE, "2026-06-19 07:30", "2026-06-19 08:00", null],
    ["speaker_alert at 21:15 on the event day: moved", "speaker_alert", NY_JUNE, "2026-06-19 21:15", "2026-06-20 08:00", null],
    ["post_event_thank_you 22:00: moved", "post_event_thank_you", NY_JUNE, "2026-06-19 22:00", "2026-06-20 08:00", null],
    ["check-in 00:30 after midnight, event end extended by the after-party: not moved", "check_in_confirmation", NY_AFTERPARTY, "2026-06-20 00:30", "2026-06-20 00:30", null],
    ["check-in 00:30 after midnight, one-day event: moved", "check_in_confirmation", NY_JUNE, "2026-06-20 00:30", "2026-06-20 08:00", null],
    ["check-in 07:00 on day 2 of a two-day event: not moved", "check_in_confirmation", NY_TWO_DAYS, "2026-06-20 07:00", "2026-06-20 07:00", null],
    // DST and other zones
    ["NY 21:30 EST the night before spring-forward → 08:00 EDT", PR, NY_DEC, "2026-03-07 21:30", "2026-03-08 08:00", "2026-03-08T12:00:00.000Z"],
    ["NY 01:30 EST just before the gap → 08:00 EDT", PR, NY_DEC, "2026-03-08 01:30", "2026-03-08 08:00", "2026-03-08T12:00:00.000Z"],
    ["NY 22:00 EDT the night before fall-back → 08:00 EST", PR, NY_DEC, "2026-10-31 22:00", "2026-11-01 08:00", "2026-11-01T13:00:00.000Z"],
    ["London 23:00 GMT before spring-forward → 08:00 BST", PR, LON_DEC, "2026-03-28 23:00", "2026-03-29 08:00", "2026-03-29T07:00:00.000Z"],
    ["London 06:00 GMT on the fall-back Sunday → 08:00 GMT", PR, LON_DEC, "2026-10-25 06:00", "2026-10-25 08:00", "2026-10-25T08:00:00.000Z"],
    ["London 22:00 BST before fall-back → 08:00 GMT", PR, LON_DEC, "2026-10-24 22:00", "2026-10-25 08:00", "2026-10-25T08:00:00.000Z"],
    ["Kolkata 21:30 → 08:00 next day", PR, KOL_EV, "2026-06-16 21:30", "2026-06-17 08:00", "2026-06-17T02:30:00.000Z"],
    ["Kolkata 06:00 → 08:00", PR, KOL_EV, "2026-06-16 06:00", "2026-06-16 08:00", "2026-06-16T02:30:00.000Z"],
    ["Kolkata 20:30 not quiet", PR, KOL_EV, "2026-06-16 20:30", "2026-06-16 20:30", "2026-06-16T15:00:00.000Z"],
    ["Auckland 23:00 NZST before DST start → 08:00 NZDT", PR, AKL_EV, "2026-09-26 23:00", "2026-09-27 08:00", "2026-09-26T19:00:00.000Z"],
    ["Auckland 22:00 NZDT before DST end → 08:00 NZST", PR, AKL_EV, "2026-04-04 22:00", "2026-04-05 08:00", "2026-04-04T20:00:00.000Z"],
  ];

  it.each(cases)("%s", (_l, type, event, at, expectedWall, expectedUtc) => {
    const got = applyQuietHours(type, local(at, event.timezone), event);
    expect(wall(got, event.timezone)).toBe(expectedWall);
    if (expectedUtc) expect(got.toISOString()).toBe(expectedUtc);
  });
});

describe("§3/§4 immediate messages: email is never moved, SMS respects quiet hours", () => {
  // [label, type, reach, at (NY wall), channels, expected rows]
  const cases: Array<[string, MessageType, Reachability, string, MessageChannel[], string[]]> = [
    ["confirmation at 22:15: email now, SMS 08:00 next day", "registration_confirmation", BOTH, "2026-06-10 22:15", ["email", "sms"], ["2026-06-10 22:15 email", "2026-06-11 08:00 sms"]],
    ["confirmation at 05:00: email now, SMS 08:00", "registration_confirmation", BOTH, "2026-06-10 05:00", ["email", "sms"], ["2026-06-10 05:00 email", "2026-06-10 08:00 sms"]],
    ["confirmation at 14:00: both now", "registration_confirmation", BOTH, "2026-06-10 14:00", ["email", "sms"], ["2026-06-10 14:00 email", "2026-06-10 14:00 sms"]],
    ["confirmation at 23:00, email only", "registration_confirmation", EMAIL_ONLY, "2026-06-10 23:00", ["email", "sms"], ["2026-06-10 23:00 email"]],
    ["confirmation at 23:00, SMS only", "registration_confirmation", SMS_ONLY, "2026-06-10 23:00", ["email", "sms"], ["2026-06-11 08:00 sms"]],
    ["check-in confirmation (SMS only) at 22:15 on the event day: not moved", "check_in_confirmation", BOTH, "2026-06-19 22:15", ["sms"], ["2026-06-19 22:15 sms"]],
    ["check-in confirmation at 07:05 on the event day: not moved", "check_in_confirmation", BOTH, "2026-06-19 07:05", ["sms"], ["2026-06-19 07:05 sms"]],
    ["nobody reachable", "registration_confirmation", NONE, "2026-06-10 12:00", ["email", "sms"], []],
  ];

  it.each(cases)("%s", (_l, type, reach, at, channels, expected) => {
    const got = planImmediate(type, "main", reach, NY_JUNE, local(at, NY), channels);
    expect(got.map((m) => `${wall(m.scheduledFor, NY)} ${m.channel}`).sort()).toEqual(expected);
    expect(got.every((m) => m.type === type)).toBe(true);
  });
});

// ───────────────────────────── reachability ─────────────────────────────

describe("§3 reachability: email to every attendee, SMS only when reachable by SMS", () => {
  // NY_JUNE, registered Sun 06-14 12:00 (D=5), profile incomplete: 4 profile days + 3 check-in reminders.
  const WHEN = [
    `2026-06-15 10:00 ${PR}`,
    `2026-06-16 10:00 ${PR}`,
    `2026-06-17 10:00 ${PR}`,
    `2026-06-18 10:00 ${PR}`,
    `2026-06-18 20:00 ${NB}`,
    `2026-06-19 08:00 ${H1}`,
    `2026-06-19 09:00 ${ST}`,
  ];
  const cases: Array<[string, Reachability, string[]]> = [
    ["email only: 7 email rows, no SMS", EMAIL_ONLY, WHEN.map((w) => `${w} email`)],
    ["SMS only: 7 SMS rows", SMS_ONLY, WHEN.map((w) => `${w} sms`)],
    ["both channels: 14 rows", BOTH, both(...WHEN)],
    ["neither: nothing", NONE, []],
  ];

  it.each(cases)("%s", (_l, reach, expected) => {
    const msgs = plan(NY_JUNE, "2026-06-14 12:00", { reach });
    expect(rows(msgs, NY)).toEqual(expected);
    expect(msgs).toHaveLength(expected.length);
  });

  it("email rows are never moved by quiet hours: 00:30 event, its 1-hour email stays at 23:30 the day before", () => {
    const event = ev(NY, "2026-06-19 00:30", "2026-06-19 06:00");
    const msgs = plan(event, "2026-06-10 12:00", { complete: true });
    expect(rows(msgs, NY).filter((r) => r.endsWith(" email"))).toEqual([
      `2026-06-18 20:00 ${NB} email`,
      `2026-06-18 23:30 ${H1} email`,
      `2026-06-19 00:30 ${ST} email`,
    ]);
    // SMS: the night-before (20:00) and the start reminder (00:30, on the event day) are not moved.
    expect(rows(msgs, NY, NB)).toContain(`2026-06-18 20:00 ${NB} sms`);
    expect(rows(msgs, NY, ST)).toContain(`2026-06-19 00:30 ${ST} sms`);
  });

  it("no duplicate (type, channel, time) rows and a distinct dedupe key per profile day", () => {
    const msgs = plan(NY_JUNE, "2026-06-09 12:00");
    const keys = msgs.map((m) => `${m.type}|${m.channel}|${m.dedupeKey}`);
    expect(new Set(keys).size).toBe(msgs.length);
    expect(msgs).toHaveLength(18); // 6 profile days + 3 check-in reminders, × 2 channels
  });

  it("full plan, D=10 in Auckland across DST start, both channels (18 rows)", () => {
    // Event Mon 2026-10-05 09:00 NZDT; registered Fri 09-25 12:00 NZST (D=10).
    const event = ev(AKL, "2026-10-05 09:00", "2026-10-05 17:00");
    const msgs = plan(event, "2026-09-25 12:00");
    expect(rows(msgs, AKL)).toEqual(
      both(
        `2026-09-26 10:00 ${PR}`,
        `2026-09-27 10:00 ${PR}`,
        `2026-09-28 10:00 ${PR}`,
        `2026-10-02 10:00 ${PR}`,
        `2026-10-03 10:00 ${PR}`,
        `2026-10-04 10:00 ${PR}`,
        `2026-10-04 20:00 ${NB}`,
        `2026-10-05 08:00 ${H1}`,
        `2026-10-05 09:00 ${ST}`,
      ),
    );
    expect(utcRows(msgs, PR, "sms")).toEqual([
      "2026-09-25T22:00:00.000Z", // 09-26 10:00 NZST
      "2026-09-26T21:00:00.000Z", // 09-27 10:00 NZDT (first day of DST)
      "2026-09-27T21:00:00.000Z",
      "2026-10-01T21:00:00.000Z",
      "2026-10-02T21:00:00.000Z",
      "2026-10-03T21:00:00.000Z",
    ]);
  });
});

describe("decision 0003: a check-in reminder is never moved past the event start", () => {
  it("keeps the 1-hour SMS at 23:30 the day before an event that starts at 00:30", () => {
    const midnight = ev(NY, "2026-06-20 00:30", "2026-06-20 06:00");
    const got = applyQuietHours("check_in_reminder_1_hour", local("2026-06-19 23:30", NY), midnight);
    expect(wall(got, NY)).toBe("2026-06-19 23:30");
  });
  it("still moves a non-check-in SMS at 23:30 to 08:00", () => {
    const midnight = ev(NY, "2026-06-20 00:30", "2026-06-20 06:00");
    const got = applyQuietHours("profile_completion_reminder", local("2026-06-19 23:30", NY), midnight);
    expect(wall(got, NY)).toBe("2026-06-20 08:00");
  });
});
