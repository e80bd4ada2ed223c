import { describe, expect, it } from "vitest";
import type { MessageType } from "@/db/schema";
import { renderSms } from "./index";
import { SMS_TEMPLATES } from "./sms";
import { gsm7Length, isGsm7 } from "./gsm7";
import { fitSegments, smsSegmentCount } from "../segments";
import { fixtureContext } from "./test-fixtures";

const SMS_TYPES: MessageType[] = [
  "registration_confirmation",
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
  "profile_completion_reminder",
  "check_in_confirmation",
  "agenda_ready",
];

const LINK_FOR: Partial<Record<MessageType, keyof ReturnType<typeof fixtureContext>["links"]>> = {
  registration_confirmation: "event",
  check_in_reminder_night_before: "checkIn",
  check_in_reminder_1_hour: "checkIn",
  check_in_reminder_event_start: "checkIn",
  profile_completion_reminder: "profile",
  check_in_confirmation: "agenda",
  agenda_ready: "agenda",
};

describe("renderSms: every type", () => {
  it.each(SMS_TYPES)("%s is GSM-7, within 2 segments and carries its link", (type) => {
    const ctx = fixtureContext(type, { personalization: { speakers: 3, sponsors: 3, peers: 3 } });
    const sms = renderSms(ctx);
    expect(isGsm7(sms)).toBe(true);
    expect(smsSegmentCount(sms)).toBeLessThanOrEqual(2);
    expect(sms).toContain(ctx.links[LINK_FOR[type]!]);
    if (type === "check_in_confirmation") expect(sms).not.toContain("STOP");
    else expect(sms.endsWith("\nReply STOP to opt out")).toBe(true);
  });

  it.each(SMS_TYPES)("%s stays within 2 segments for a long, typographic event name and a long link", (type) => {
    const ctx = fixtureContext(type, {
      event: { name: "The Contractor’s “Growth & Profit” Summit — 2026 Edition… for Home Services 🚀" },
      contractor: { firstName: "Maximiliano-Alejandro Bartholomew" },
      attendee: { profileCompletionStatus: "pending" },
    });
    const long = `https://events.some-long-organizer-domain.example.com/e/${"x".repeat(40)}?t=${"T".repeat(43)}`;
    ctx.links = { event: long, profile: long, checkIn: long, agenda: long, unsubscribe: long, unsubscribeOneClick: long, calendar: long, feedback: long, qrImage: long };
    const sms = renderSms(ctx);
    expect(isGsm7(sms)).toBe(true);
    expect(smsSegmentCount(sms)).toBeLessThanOrEqual(2);
    expect(sms).toContain(long);
    expect(sms).toContain("The Contractor's");
  });

  it("fits one segment when the link is short enough", () => {
    const ctx = fixtureContext("check_in_reminder_1_hour");
    ctx.links.checkIn = "https://tpx.io/c/Ab12";
    const sms = renderSms(ctx);
    expect(gsm7Length(sms)).toBeLessThanOrEqual(160);
    expect(sms).toBe(
      "Hi Dana, Contractor Growth Summit 2026 starts in 1 hour (8:30 AM EST). Check in from your phone: https://tpx.io/c/Ab12\nReply STOP to opt out",
    );
  });

  it("throws for a type without an SMS template", () => {
    expect(() => renderSms(fixtureContext("connection_summary"))).toThrow("no template for connection_summary on sms");
    expect(() => renderSms(fixtureContext("event_invitation"))).toThrow("no template for event_invitation on sms");
  });
});

describe("renderSms: content", () => {
  it("uses the event's zone: EST in New York, GMT in London", () => {
    expect(renderSms(fixtureContext("check_in_reminder_1_hour"))).toContain("(8:30 AM EST)");
    const london = fixtureContext("check_in_reminder_1_hour", { event: { timezone: "Europe/London" } });
    expect(renderSms(london)).toContain("(1:30 PM GMT)");
  });

  it("confirms registration with the date, and sends a pending profile to the profile form", () => {
    const done = fixtureContext("registration_confirmation");
    // The greeting would push it to two segments; one segment wins.
    expect(renderSms(done)).toBe(
      "You're registered for Contractor Growth Summit 2026, Thu, Dec 3, 8:30 AM EST. Details: https://tpx.example.com/events/growth-summit-2026\nReply STOP to opt out",
    );
    const short = fixtureContext("registration_confirmation", { event: { name: "RoofCon" } });
    expect(renderSms(short)).toBe(
      "Hi Dana, you're registered for RoofCon, Thu, Dec 3, 8:30 AM EST. Details: https://tpx.example.com/events/growth-summit-2026\nReply STOP to opt out",
    );
    const pending = fixtureContext("registration_confirmation", { attendee: { profileCompletionStatus: "pending" } });
    expect(renderSms(pending)).toContain(`complete your profile so we can plan your day: ${pending.links.profile}`);
  });

  it("mentions the desk QR in check-in reminders when there is room", () => {
    expect(renderSms(fixtureContext("check_in_reminder_night_before"))).toContain(
      "is tomorrow at 8:30 AM EST and check-in is open. Skip the line and check in from your phone:",
    );
    expect(renderSms(fixtureContext("check_in_reminder_event_start"))).toContain("or show your QR code at the desk.");
  });

  it("names up to three missing profile fields, and counts more", () => {
    const few = fixtureContext("profile_completion_reminder", { contractor: { revenueTier: null, focusAreas: [" "] } });
    expect(renderSms(few)).toContain("profile is missing annual revenue range and focus areas.");
    const many = fixtureContext("profile_completion_reminder", {
      contractor: { lastName: null, phone: null, companyName: null, revenueTier: null, teamSize: null },
    });
    expect(renderSms(many)).toContain("profile is missing 5 details.");
  });

  it("tells the attendee what their AI prepared", () => {
    const ctx = fixtureContext("agenda_ready", { personalization: { speakers: 3, sponsors: 2, peers: 1 } });
    expect(renderSms(ctx)).toContain("your AI prepared 3 speakers, 2 sponsors and 1 peer for Contractor Growth Summit 2026");
    const empty = fixtureContext("agenda_ready", { personalization: {} });
    expect(renderSms(empty)).toContain("your personal plan for Contractor Growth Summit 2026 is ready");
  });

  it("greets 'there' without a first name", () => {
    const ctx = fixtureContext("check_in_reminder_event_start", { contractor: { firstName: null } });
    expect(renderSms(ctx).startsWith("Hi there, ")).toBe(true);
    const confirmation = fixtureContext("check_in_confirmation", { contractor: { firstName: null } });
    confirmation.links.agenda = "https://tpx.io/a/1";
    expect(renderSms(confirmation)).toBe(
      "Welcome to Contractor Growth Summit 2026! You're checked in. We're building your personal plan now; it will be here in a minute: https://tpx.io/a/1",
    );
  });
});

describe("renderSms: SPEC §4.3, at most 2 segments whatever goes in", () => {
  const long = "Because you focus on pricing and hiring, and this one covers exactly the numbers behind both ".repeat(6).trim();
  const ALL_SMS = Object.keys(SMS_TEMPLATES) as MessageType[];
  it.each(ALL_SMS)("%s with a long model sentence stays within 2 segments, cut between words", (type) => {
    const ctx = fixtureContext(type, {
      event: { name: "The Contractor’s “Growth & Profit” Summit — 2026 Edition… for Home Services" },
      personalization: {
        title: long, why: long, talkingPoint: long, commonGround: long, speakerName: "Maria Lopez", sponsorName: "FleetFund",
        boothNumber: "12", peerFirstName: "Dana", peerCompany: long, startsAt: "2026-12-03T15:00:00.000Z", room: "Ballroom B",
        speakers: 3, sponsors: 2, peers: 1,
      },
    });
    const sms = renderSms(ctx);
    expect(smsSegmentCount(sms)).toBeLessThanOrEqual(2);
    const words = new Set(`${long} ${ctx.event.name}`.split(/\s+/));
    // Every word of the long text that made it in is whole: the cut never lands mid-word.
    const lastBeforeCut = sms.split("...")[0].trim().split(/\s+/).at(-1)!;
    if (sms.includes("...") && long.includes(lastBeforeCut)) expect(words.has(lastBeforeCut) || words.has(`${lastBeforeCut},`)).toBe(true);
  });

  it("fitSegments cuts at a word boundary and keeps the link and opt-out line", () => {
    const text = `${"word ".repeat(80)}see https://tpx.io/a/Xy12\nReply STOP to opt out`;
    const fit = fitSegments(text);
    expect(smsSegmentCount(text)).toBeGreaterThan(2);
    expect(smsSegmentCount(fit)).toBeLessThanOrEqual(2);
    expect(fit).toMatch(/^(word )+word\.\.\. https:\/\/tpx\.io\/a\/Xy12\nReply STOP to opt out$/);
  });

  it("counts UCS-2 at 70 per segment (67 when split) and GSM-7 at 160 (153)", () => {
    expect(smsSegmentCount("x".repeat(160))).toBe(1);
    expect(smsSegmentCount("x".repeat(306))).toBe(2);
    expect(smsSegmentCount("x".repeat(307))).toBe(3);
    expect(smsSegmentCount("ū".repeat(70))).toBe(1);
    expect(smsSegmentCount("ū".repeat(134))).toBe(2);
    expect(smsSegmentCount("ū".repeat(135))).toBe(3);
  });
});
