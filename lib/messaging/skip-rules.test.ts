import { describe, expect, it } from "vitest";
import type { MessageType } from "@/db/schema";
import { decideAtSend } from "./skip-rules";
import { fixtureContext } from "./templates/test-fixtures";

const base = fixtureContext("registration_confirmation");
const at = new Date("2026-12-03T15:00:00Z");
const complete = { phone: "+15125550100", companyName: "Acme", revenueTier: "1m_5m", teamSize: 5, focusAreas: ["pricing"] };

type Case = [string, MessageType, "email" | "sms", Record<string, unknown>, string];
const cases: Case[] = [
  ["sends a confirmation", "registration_confirmation", "email", {}, "send"],
  ["cancels when the registration was cancelled", "check_in_reminder_1_hour", "email", { attendee: { cancelledAt: at } }, "cancel: registration cancelled"],
  ["cancels when the event was cancelled", "check_in_reminder_1_hour", "sms", { event: { status: "cancelled" } }, "cancel: event cancelled"],
  ["skips SMS after an opt-out", "check_in_reminder_1_hour", "sms", { contractor: { smsOptedOutAt: at } }, "skip: opted out of SMS"],
  ["skips SMS without consent", "check_in_reminder_1_hour", "sms", { contractor: { smsOptIn: false } }, "skip: no SMS consent"],
  ["skips SMS without a number", "check_in_reminder_1_hour", "sms", { contractor: { phone: null } }, "skip: no mobile number"],
  ["skips reminder email after unsubscribe", "check_in_reminder_1_hour", "email", { contractor: { emailUnsubscribedAt: at } }, "skip: unsubscribed from email"],
  ["still sends the confirmation after unsubscribe", "registration_confirmation", "email", { contractor: { emailUnsubscribedAt: at } }, "send"],
  ["skips a check-in reminder once checked in", "check_in_reminder_event_start", "sms", { attendee: { checkInTime: at } }, "skip: already checked in"],
  ["skips a profile reminder once complete", "profile_completion_reminder", "email", { attendee: { profileCompletionStatus: "completed" } }, "skip: profile completed"],
  ["skips a profile reminder when the main profile is complete", "profile_completion_reminder", "email", { contractor: complete }, "skip: profile completed"],
];

describe("decideAtSend", () => {
  it.each(cases)("%s", (_label, type, channel, overrides, expected) => {
    const ctx = fixtureContext(type, overrides as Parameters<typeof fixtureContext>[1]);
    const contractor = { ...ctx.contractor, smsOptIn: true, phone: ctx.contractor.phone ?? "+15125550100", ...(overrides.contractor as object) };
    const d = decideAtSend({ type, channel }, { event: ctx.event, attendee: ctx.attendee, contractor, agenda: ctx.agenda }, at);
    expect(d.action === "send" ? "send" : `${d.action}: ${d.reason}`).toBe(expected);
  });

  it("skips a speaker alert for a cancelled session, and one whose session has started", () => {
    const alert = { type: "speaker_alert" as const, channel: "sms" as const };
    const ctx = { event: base.event, attendee: base.attendee, contractor: { ...base.contractor, smsOptIn: true, phone: "+15125550100" }, agenda: base.agenda };
    const live = base.agenda[0];
    expect(decideAtSend({ ...alert, personalization: { agendaItemId: "gone", startsAt: "2026-12-03T16:00:00Z" } }, ctx, at)).toEqual({ action: "skip", reason: "session cancelled" });
    expect(decideAtSend({ ...alert, personalization: { agendaItemId: live.id, startsAt: "2026-12-03T15:00:00Z" } }, ctx, at)).toEqual({ action: "skip", reason: "stale" });
    expect(decideAtSend({ ...alert, personalization: { agendaItemId: live.id, startsAt: "2026-12-03T15:15:00Z" } }, ctx, at)).toEqual({ action: "send" });
  });

  it("skips a sponsor tip for a removed sponsor or a break long past", () => {
    const tip = { type: "sponsor_recommendation" as const, channel: "sms" as const, personalization: { sponsorId: "s1" } };
    const ctx = { event: base.event, attendee: base.attendee, contractor: { ...base.contractor, smsOptIn: true, phone: "+15125550100" } };
    const sponsor = { id: "s1", removedAt: null } as never;
    expect(decideAtSend({ ...tip, scheduledFor: at }, { ...ctx, sponsor: null }, at).action).toBe("skip");
    expect(decideAtSend({ ...tip, scheduledFor: at }, { ...ctx, sponsor: { id: "s1", removedAt: at } as never }, at)).toEqual({ action: "skip", reason: "sponsor removed" });
    expect(decideAtSend({ ...tip, scheduledFor: new Date(at.getTime() - 25 * 60_000) }, { ...ctx, sponsor }, at)).toEqual({ action: "skip", reason: "stale" });
    expect(decideAtSend({ ...tip, scheduledFor: new Date(at.getTime() - 60_000) }, { ...ctx, sponsor }, at)).toEqual({ action: "send" });
  });
});
