import { describe, expect, it } from "vitest";
import { messageTypes, type MessageType } from "@/db/schema";
import { isStale, latestUsefulTime, LATEST_USEFUL_TIME } from "./useful-until";

/** SPEC §4.1, every type: the latest useful time, and stale one ms after it. */
const H = 3_600_000;
const M = 60_000;
const event = { startsAt: new Date("2026-12-10T15:00:00Z"), endsAt: new Date("2026-12-10T23:00:00Z"), timezone: "America/Chicago" };
const agenda = [
  { type: "session" as const, startsAt: new Date("2026-12-10T14:30:00Z"), endsAt: new Date("2026-12-10T15:30:00Z") },
  { type: "break" as const, startsAt: new Date("2026-12-10T16:00:00Z"), endsAt: new Date("2026-12-10T16:15:00Z") },
  { type: "lunch" as const, startsAt: new Date("2026-12-10T18:00:00Z"), endsAt: new Date("2026-12-10T19:00:00Z") },
];
const ctx = { event, agenda };
const sched = new Date("2026-12-10T16:05:00Z");
const at = (ms: number) => new Date(sched.getTime() + ms);
const firstItem = new Date("2026-12-10T14:30:00Z"); // SPEC §2: the earlier of starts_at and the first item

const cases: Array<[MessageType, Date, Record<string, unknown>?]> = [
  ["registration_confirmation", at(24 * H)],
  ["check_in_confirmation", at(24 * H)],
  ["agenda_ready", at(24 * H)],
  ["check_in_reminder_night_before", firstItem],
  ["check_in_reminder_1_hour", firstItem],
  ["check_in_reminder_event_start", new Date(firstItem.getTime() + 2 * H)],
  ["profile_completion_reminder", at(6 * H)],
  ["speaker_alert", new Date("2026-12-10T16:20:00Z"), { startsAt: "2026-12-10T16:20:00Z" }],
  // 20 min after scheduled would be 16:25, but the break ends 16:15.
  ["sponsor_recommendation", new Date("2026-12-10T16:15:00Z")],
  ["peer_introduction", new Date("2026-12-10T19:00:00Z")],
  ["peer_match_attendance", at(2 * H)],
  ["speaker_pcr_request", at(3 * H)],
  ["event_pcr_request", at(3 * H)],
  ["sponsor_batch_check", at(3 * H)],
  ["post_event_thank_you", at(48 * H)],
  ["connection_summary", at(48 * H)],
  ["feedback_request", at(48 * H)],
  ["re_engagement", at(7 * 24 * H)],
  ["event_invitation", at(7 * 24 * H)],
];

describe("latest useful time (SPEC §4.1)", () => {
  it("has a rule for every message type", () => {
    expect(Object.keys(LATEST_USEFUL_TIME).sort()).toEqual([...messageTypes].sort());
    expect(cases.map((c) => c[0]).sort()).toEqual([...messageTypes].sort());
  });

  it.each(cases)("%s is useful until %s", (type, until, personalization) => {
    const m = { type, scheduledFor: sched, personalization };
    expect(latestUsefulTime(m, ctx).toISOString()).toBe(until.toISOString());
    expect(isStale(m, ctx, new Date(until.getTime() - 1))).toBe(false);
    expect(isStale(m, ctx, until)).toBe(true);
  });

  it("a sponsor tip outside any break is useful for 20 minutes", () => {
    const m = { type: "sponsor_recommendation" as const, scheduledFor: new Date("2026-12-10T17:00:00Z") };
    expect(latestUsefulTime(m, ctx).toISOString()).toBe(new Date(Date.parse("2026-12-10T17:00:00Z") + 20 * M).toISOString());
  });

  it("a peer introduction without a lunch is useful until the event ends", () => {
    const m = { type: "peer_introduction" as const, scheduledFor: sched };
    expect(latestUsefulTime(m, { event, agenda: agenda.slice(0, 2) }).toISOString()).toBe(event.endsAt.toISOString());
  });
});
