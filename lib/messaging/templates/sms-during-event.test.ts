import { describe, expect, it } from "vitest";
import { renderSms } from "./index";
import { fixtureContext } from "./test-fixtures";

describe("during-event SMS", () => {
  it("speaker alert names the session, local time, room and speaker from the stored plan", () => {
    const ctx = fixtureContext("speaker_alert", {
      personalization: {
        title: "Pricing for Profit",
        startsAt: "2026-12-03T15:00:00.000Z",
        room: "Ballroom B",
        speakerName: "Maria Lopez",
        why: "Covers pricing, one of your focus areas.",
      },
    });
    const sms = renderSms(ctx);
    expect(sms).toContain('"Pricing for Profit" with Maria Lopez');
    expect(sms).toContain("in Ballroom B");
    expect(sms).toMatch(/starting at 10:00 AM/);
    expect(sms).toContain("Reply STOP to opt out");
  });

  it("sponsor tip gives the booth and the talking point", () => {
    const sms = renderSms(
      fixtureContext("sponsor_recommendation", {
        personalization: { sponsorName: "FleetFund", boothNumber: "12", talkingPoint: "Ask about 0% fleet financing for 12 months." },
      }),
    );
    expect(sms).toContain("visit FleetFund at booth 12.");
    expect(sms).toContain("Ask about 0% fleet financing for 12 months.");
  });

  it("peer introduction asks for YES", () => {
    const sms = renderSms(
      fixtureContext("peer_introduction", {
        personalization: { peerFirstName: "Dana", peerCompany: "Acme Roofing", commonGround: "You both focus on hiring." },
      }),
    );
    expect(sms).toContain("meet Dana from Acme Roofing. You both focus on hiring. Reply YES to meet");
  });

  it("rating request asks for 1 to 5", () => {
    const sms = renderSms(fixtureContext("speaker_pcr_request", { personalization: { speakerName: "Maria Lopez" } }));
    expect(sms).toContain("how was Maria Lopez's session? Reply with a rating from 1 (poor) to 5 (excellent).");
  });
});
