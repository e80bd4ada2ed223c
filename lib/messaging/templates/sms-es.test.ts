import { describe, expect, it } from "vitest";
import { SegmentedMessage } from "sms-segments-calculator";
import type { MessageType } from "@/db/schema";
import { MAX_SMS_SEGMENTS, smsSegmentCount } from "../segments";
import { renderEmail, renderSms } from "./index";
import { isGsm7 } from "./gsm7";
import { SMS_TEMPLATES_ES } from "./sms-es";
import { fixtureContext } from "./test-fixtures";

const es = { contractor: { language: "es" as const } };
const DATA: Partial<Record<MessageType, Record<string, unknown>>> = {
  agenda_ready: { speakers: 3, sponsors: 3, peers: 3 },
  speaker_alert: { title: "Pricing for Profit: Building a Million-Dollar Trade Business", startsAt: "2026-12-03T15:15:00Z", room: "Main Ballroom", speakerName: "Maria Delgado", why: "Maria Delgado es una de las ponentes mejor valoradas." },
  sponsor_recommendation: { sponsorName: "BrightLedger Accounting", boothNumber: "108", talkingPoint: "Pregunte por el informe de rentabilidad por trabajo." },
  peer_introduction: { peerFirstName: "Dana", peerCompany: "Acme Roofing", commonGround: "Ambos trabajan en precios y contratación." },
  speaker_pcr_request: { speakerName: "Maria Delgado", title: "Pricing for Profit" },
};

describe("Spanish SMS", () => {
  it.each(Object.keys(SMS_TEMPLATES_ES) as MessageType[])("%s: Spanish, GSM-7, within two segments", (type) => {
    const text = renderSms(fixtureContext(type, { ...es, personalization: DATA[type] ?? {} }));
    expect(text).toMatch(/Hola|Bienvenido|Registrado|Conozca|Califique|Check-in|A las|Visite/);
    expect(isGsm7(text)).toBe(true);
    expect(smsSegmentCount(text)).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
    // The carrier's count agrees: GSM-7, at most two segments.
    const seg = new SegmentedMessage(text);
    expect(seg.encodingName).toBe("GSM-7");
    expect(seg.segmentsCount).toBeLessThanOrEqual(2);
  });

  it("keeps é and ñ (GSM-7 has them) and folds á, í, ó, ú", () => {
    const text = renderSms(fixtureContext("check_in_reminder_night_before", es));
    expect(text).toContain("mañana");
    expect(text).toContain("teléfono");
    expect(text).not.toMatch(/[áíóú]/);
  });

  it("formats times for the locale", () => {
    const text = renderSms(fixtureContext("speaker_alert", { ...es, personalization: DATA.speaker_alert }));
    expect(text).toMatch(/a las 10:15 a\.\s?m\. EST/i);
  });

  it("bundles read in Spanish too", () => {
    const bundle = [DATA.speaker_pcr_request, { speakerName: "Tom Brennan" }];
    const text = renderSms(fixtureContext("speaker_pcr_request", { ...es, personalization: { ...DATA.speaker_pcr_request, bundle } }));
    expect(text).toContain('responda "A4 B5"');
  });

  it("English attendees are unchanged", () => {
    expect(renderSms(fixtureContext("check_in_reminder_night_before"))).toMatch(/^Hi Dana, /);
  });
});

describe("Spanish email", () => {
  it("the confirmation is in Spanish with a Spanish footer", async () => {
    const email = await renderEmail(fixtureContext("registration_confirmation", es));
    expect(email.subject).toBe("Está registrado: Contractor Growth Summit 2026");
    expect(email.html).toContain('lang="es"');
    expect(email.text).toContain("Dejar de recibir estos correos");
    // As in English: the hosted QR, and the .ics attached (SPEC §3).
    const ctx = fixtureContext("registration_confirmation", es);
    expect(email.html).toContain(`src="${ctx.links.qrImage}"`);
    expect(email.html).toContain('alt="Su código QR de check-in"');
    expect(email.attachments.map((a) => a.contentType)).toEqual(["text/calendar; charset=utf-8; method=PUBLISH"]);
  });

  it("a check-in reminder in Spanish carries no attachment (it can go in a batch)", async () => {
    const email = await renderEmail(fixtureContext("check_in_reminder_1_hour", es));
    expect(email.attachments).toEqual([]);
    expect(email.html).toContain("/api/qr/");
  });
});
