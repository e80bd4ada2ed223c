import { describe, expect, it } from "vitest";
import type { MessageType } from "@/db/schema";
import { render, toPlainText } from "@react-email/render";
import { EMAIL_BUILDERS } from "./email-builders";
import { EMAIL_BUILDERS_ES } from "./emails-es";
import { renderEmail, renderEmailHtml, stripImagePreloads } from "./index";
import { agendaItem, fixtureContext } from "./test-fixtures";

const EMAIL_TYPES: MessageType[] = [
  "registration_confirmation",
  "check_in_reminder_night_before",
  "check_in_reminder_1_hour",
  "check_in_reminder_event_start",
  "profile_completion_reminder",
  "agenda_ready",
];

const decode = (b64: string) => Buffer.from(b64, "base64");

describe("renderEmail: registration_confirmation", () => {
  it("has the event, its local time, the venue, the hosted QR and the .ics", async () => {
    const ctx = fixtureContext("registration_confirmation");
    const email = await renderEmail(ctx);
    expect(email.subject).toBe("You're registered for Contractor Growth Summit 2026");
    // Breakfast at 8:30 EST starts the day before the 9:00 event row (SPEC §2 event start).
    expect(email.html).toContain("Thu, Dec 3 · 8:30 AM – 5:00 PM EST");
    expect(email.text).toContain("Thu, Dec 3 · 8:30 AM – 5:00 PM EST");
    expect(email.text).toContain("Seaport Hotel, 1 Seaport Ln, Boston, MA 02210");
    // The QR is the hosted, signed image (decision 0197), not an attachment.
    expect(email.html).toContain(`src="${ctx.links.qrImage}"`);
    // The code itself, for typing at the desk and for clients that block images.
    expect(email.text).toContain(ctx.attendee.qrCodeData);

    // The .ics alone is attached (SPEC §3).
    expect(email.attachments).toHaveLength(1);
    const [ics] = email.attachments;
    expect(ics).toMatchObject({ filename: "growth-summit-2026.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
    expect(ics.contentId).toBeUndefined();
    const calendar = decode(ics.content).toString("utf8");
    expect(calendar).toContain("DTSTART;TZID=America/New_York:20261203T083000\r\n");
    expect(calendar).toContain(`UID:${ctx.attendee.id}@tpx.example.com\r\n`);
  });

  it("asks for the profile only while it is pending", async () => {
    const pending = fixtureContext("registration_confirmation", { attendee: { profileCompletionStatus: "pending" } });
    const done = fixtureContext("registration_confirmation");
    const a = await renderEmail(pending);
    const b = await renderEmail(done);
    expect(a.text).toContain(`Complete your profile ${pending.links.profile}`);
    expect(a.html).toContain(`href="${pending.links.profile}"`);
    expect(b.text).not.toContain("Complete your profile");
    expect(b.html).not.toContain(done.links.profile);
  });

  it("shows the time in the event's zone: New York vs London for the same instant", async () => {
    const ny = await renderEmail(fixtureContext("registration_confirmation"));
    const london = await renderEmail(fixtureContext("registration_confirmation", { event: { timezone: "Europe/London" } }));
    expect(ny.text).toContain("8:30 AM – 5:00 PM EST");
    expect(london.text).toContain("Thu, Dec 3 · 1:30 PM – 10:00 PM GMT");
    expect(london.text).not.toContain("EST");
  });

  it("says the year when the event is not in the year of sending, and spans days in full", async () => {
    const ctx = fixtureContext("registration_confirmation", {
      event: { startsAt: new Date("2027-01-14T14:00:00Z"), endsAt: new Date("2027-01-15T22:00:00Z") },
      agenda: [],
    });
    const email = await renderEmail(ctx);
    expect(email.text).toContain("Thu, Jan 14, 2027 · 9:00 AM EST – Fri, Jan 15, 2027 · 5:00 PM EST");
  });

  it("greets by first name and falls back to 'there'", async () => {
    expect((await renderEmail(fixtureContext("registration_confirmation"))).text).toContain("Hi Dana,");
    const anon = await renderEmail(fixtureContext("registration_confirmation", { contractor: { firstName: "  " } }));
    expect(anon.text).toContain("Hi there,");
  });
});

describe("renderEmail: check-in reminders", () => {
  it.each([
    ["check_in_reminder_night_before", "Contractor Growth Summit 2026 is tomorrow: check in from your phone", "starts tomorrow, Thu, Dec 3 · 8:30 AM EST"],
    ["check_in_reminder_1_hour", "Contractor Growth Summit 2026 starts in 1 hour", "starts at 8:30 AM EST"],
    ["check_in_reminder_event_start", "Contractor Growth Summit 2026 is starting now", "is starting now (8:30 AM EST)"],
  ] as const)("%s links to phone check-in and mentions the desk QR", async (type, subject, timing) => {
    const ctx = fixtureContext(type);
    const email = await renderEmail(ctx);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(timing);
    expect(email.text).toContain(`Check in from your phone ${ctx.links.checkIn}`);
    expect(email.text).toContain("Show this QR code at registration");
    expect(email.html).toContain(`src="${ctx.links.qrImage}"`);
    // No attachment: a burst of reminders fits Resend's batch endpoint (decision 0197).
    expect(email.attachments).toEqual([]);
  });

  it("moves with the zone: 1:30 PM GMT in London", async () => {
    const email = await renderEmail(fixtureContext("check_in_reminder_1_hour", { event: { timezone: "Europe/London" } }));
    expect(email.text).toContain("starts at 1:30 PM GMT");
  });
});

describe("renderEmail: profile_completion_reminder", () => {
  it("lists exactly the missing fields and links to the profile", async () => {
    const ctx = fixtureContext("profile_completion_reminder", {
      contractor: { companyName: "", teamSize: null, focusAreas: [] },
    });
    const email = await renderEmail(ctx);
    expect(email.subject).toBe("Finish your profile for Contractor Growth Summit 2026");
    expect(email.text).toMatch(/We still need:\s+• Company name\s+• Team size\s+• Focus areas\s/);
    expect(email.text).not.toContain("• Last name");
    expect(email.text).toContain(`Complete your profile ${ctx.links.profile}`);
  });

  it("asks for a check rather than listing nothing when the fields are all there", async () => {
    const email = await renderEmail(fixtureContext("profile_completion_reminder"));
    expect(email.text).not.toContain("We still need");
    expect(email.text).toContain("check it's up to date");
  });
});

describe("renderEmail: agenda_ready", () => {
  it("counts what the AI prepared and links to the agenda", async () => {
    const ctx = fixtureContext("agenda_ready", { personalization: { speakers: 3, sponsors: 1, peers: 2 } });
    const email = await renderEmail(ctx);
    expect(email.subject).toBe("Your personal plan for Contractor Growth Summit 2026 is ready");
    expect(email.text).toContain("Your AI prepared 3 speakers, 1 sponsor and 2 peers for Contractor Growth Summit 2026");
    expect(email.text).toContain(`See your plan ${ctx.links.agenda}`);
  });

  it("leaves out peers before the lunch batch has run", async () => {
    const email = await renderEmail(fixtureContext("agenda_ready", { personalization: { speakers: 2, sponsors: 3, peers: 0 } }));
    expect(email.text).toContain("Your AI prepared 2 speakers and 3 sponsors for");
    expect(email.text).not.toContain("peer");
  });
});

describe("renderEmail: every type", () => {
  it.each(EMAIL_TYPES)("%s carries one-click unsubscribe and the organizer footer", async (type) => {
    const ctx = fixtureContext(type, { personalization: { speakers: 1, sponsors: 1, peers: 1 } });
    const email = await renderEmail(ctx);
    expect(email.headers).toEqual({
      "List-Unsubscribe": `<${ctx.links.unsubscribeOneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(email.html).toContain(`href="${ctx.links.unsubscribe}"`);
    expect(email.text).toContain(`Unsubscribe from these emails ${ctx.links.unsubscribe}`);
    expect(email.text).toContain("organized by Power100 Events");
    expect(email.text).toContain("events@power100.io or +1 617 555 0100");
    expect(email.html.startsWith("<!DOCTYPE html")).toBe(true);
    expect(email.text).toMatch(/^[A-Z][^\n]*[a-z]/); // the heading as written, not shouted by html-to-text
  });

  it.each([
    ["speaker_alert", "no template for speaker_alert on email"],
    ["check_in_confirmation", "no template for check_in_confirmation on email"],
  ] as const)("throws for %s, which has no email template", async (type, message) => {
    await expect(renderEmail(fixtureContext(type))).rejects.toThrow(message);
  });

  it("ignores a cancelled first agenda item when finding the start", async () => {
    const agenda = [
      agendaItem({ startsAt: new Date("2026-12-03T12:00:00Z"), endsAt: new Date("2026-12-03T13:00:00Z"), cancelledAt: new Date("2026-11-01T00:00:00Z") }),
      agendaItem({ startsAt: new Date("2026-12-03T14:00:00Z"), endsAt: new Date("2026-12-03T15:00:00Z") }),
    ];
    const email = await renderEmail(fixtureContext("check_in_reminder_1_hour", { agenda }));
    expect(email.text).toContain("starts at 9:00 AM EST");
  });
});

describe("renderEmailHtml: one synchronous render, the document render() made", () => {
  const builders = [
    ...Object.entries(EMAIL_BUILDERS).map(([type, build]) => ["en", type, build] as const),
    ...Object.entries(EMAIL_BUILDERS_ES).map(([type, build]) => ["es", type, build] as const),
  ];

  it.each(builders)("%s %s: same HTML as @react-email's render() but the streaming renderer's markers, same text", async (language, type, build) => {
    const ctx = fixtureContext(type as MessageType, {
      contractor: { language },
      personalization: { speakers: 1, sponsors: 1, peers: 1 },
    });
    const { element } = await build!(ctx);
    const ours = await renderEmailHtml(element);
    const theirs = await render(element);
    expect(ours.startsWith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')).toBe(true);
    expect(ours).not.toMatch(/<link[^>]*rel="preload"/);
    // The streaming renderer's markers: text separators, the Suspense boundary, hoisted html/head/body.
    expect(ours).toBe(theirs.replace(/<!--(?: |\$|\/\$|html|head|body)-->/g, ""));
    expect(toPlainText(ours)).toBe(toPlainText(theirs));
  });

  it("strips only image preload hints", () => {
    const html = '<head><link rel="preload" as="image" href="a.png"/><link rel="stylesheet" href="s.css"/><link as="font" rel="preload" href="f.woff2"/></head>';
    expect(stripImagePreloads(html)).toBe('<head><link rel="stylesheet" href="s.css"/><link as="font" rel="preload" href="f.woff2"/></head>');
  });
});

describe("renderEmail: hostile text from registrants and organizers", () => {
  const hostile = `<img src=x onerror=alert(1)><script>alert("x")</script>"'&`;
  it.each(EMAIL_TYPES)("%s escapes a name and an event name in the HTML and keeps them literal in the text", async (type) => {
    const ctx = fixtureContext(type, {
      contractor: { firstName: hostile },
      event: { name: `Summit ${hostile}` },
      personalization: { speakers: 1, sponsors: 1, peers: 1 },
    });
    const email = await renderEmail(ctx);
    expect(email.html).not.toMatch(/<script|<img src=x/i);
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain(`Summit ${hostile}`);
  });
});
