import { describe, expect, it } from "vitest";
import type { MessageType } from "@/db/schema";
import { applySmsBudget, applySmsBudgetForDay, priorityOf, type BudgetMessage } from "./budget";

const ZONE = "America/Chicago";
const at = (hhmm: string, day = "2026-12-08") => new Date(`${day}T${hhmm}:00-06:00`);
const msg = (key: string, type: MessageType, hhmm: string, extra: Partial<BudgetMessage> = {}): BudgetMessage => ({ key, type, scheduledFor: at(hhmm), fixed: false, ...extra });

/** One attendee's full event day as the plan writes it (the issue's ~17 minus the unplanned post-event ones). */
function fullDay(): BudgetMessage[] {
  return [
    msg("checkin", "check_in_confirmation", "08:40", { fixed: true }),
    msg("agenda", "agenda_ready", "08:41", { fixed: true }),
    msg("alert1", "speaker_alert", "08:45"),
    msg("tip1", "sponsor_recommendation", "10:02", { slotId: "am-break" }),
    msg("tip2", "sponsor_recommendation", "10:12", { slotId: "am-break" }),
    msg("tip3", "sponsor_recommendation", "12:02", { slotId: "lunch" }),
    msg("rate1", "speaker_pcr_request", "09:52"),
    msg("alert2", "speaker_alert", "10:15"),
    msg("rate2", "speaker_pcr_request", "11:22"),
    msg("peer1", "peer_introduction", "12:05"),
    msg("peer2", "peer_introduction", "12:05"),
    msg("peer3", "peer_introduction", "12:05"),
    msg("alert3", "speaker_alert", "13:45"),
    msg("rate3", "speaker_pcr_request", "15:07"),
  ];
}

/** Texts actually sent that day: kept singles, fixed ones and one per bundle. */
const texts = (all: BudgetMessage[], d: ReturnType<typeof applySmsBudgetForDay>) => all.filter((m) => m.fixed).length + d.keep.length + d.bundles.length;

describe("applySmsBudgetForDay", () => {
  it.each([
    // budget, texts sent, what must survive, what goes to the page
    { budget: 20, sent: 14, kept: ["alert1", "tip1", "rate3", "peer3"], over: [] },
    { budget: 8, sent: 8, kept: ["alert1", "alert2", "alert3", "peer1", "peer2", "peer3"], over: ["tip1", "tip2", "tip3", "rate1", "rate2", "rate3"] },
    { budget: 10, sent: 10, kept: ["alert1", "alert2", "alert3", "peer1", "peer2", "peer3", "tip1", "tip2", "tip3"], over: ["rate1", "rate2", "rate3"] },
    { budget: 12, sent: 12, kept: ["alert1", "alert2", "alert3", "peer1", "peer2", "peer3", "rate1", "rate3"], over: [] },
    { budget: 5, sent: 5, kept: ["alert1", "alert2", "alert3"], over: ["peer1", "peer2", "peer3", "tip1", "rate1"] },
    { budget: 2, sent: 2, kept: [], over: ["alert1", "alert2", "alert3", "peer1"] },
  ])("budget $budget: at most the budget, by priority", ({ budget, sent, kept, over }) => {
    const all = fullDay();
    const d = applySmsBudgetForDay(all, budget);
    expect(texts(all, d)).toBe(sent);
    expect(texts(all, d)).toBeLessThanOrEqual(Math.max(budget, all.filter((m) => m.fixed).length));
    for (const k of kept) expect(d.keep.includes(k) || d.bundled.has(k), k).toBe(true);
    for (const k of over) expect(d.overBudget, k).toContain(k);
    // Nothing lost: every open message is kept, bundled or moved to the page, exactly once.
    const open = all.filter((m) => !m.fixed).map((m) => m.key);
    const placed = [...d.keep, ...d.bundled.keys(), ...d.overBudget];
    expect(placed.sort()).toEqual([...open].sort());
  });

  it("bundles the tips of one break together, never across breaks, at the first tip's time", () => {
    const d = applySmsBudgetForDay(fullDay(), 11);
    const tips = d.bundles.find((b) => b.type === "sponsor_recommendation");
    expect(tips?.members).toEqual(["tip1", "tip2"]);
    expect(tips?.scheduledFor).toEqual(at("10:02"));
    expect(d.keep).toContain("tip3");
  });

  it("bundles consecutive rating requests in pairs at the later one's time", () => {
    const d = applySmsBudgetForDay(fullDay(), 12);
    const rating = d.bundles.find((b) => b.type === "speaker_pcr_request");
    expect(rating?.members).toEqual(["rate1", "rate2"]);
    expect(rating?.scheduledFor).toEqual(at("11:22"));
  });

  it("holds room for the introductions still to come (before the lunch batch)", () => {
    const atCheckIn = fullDay().filter((m) => m.type !== "peer_introduction");
    const expected = [1, 2, 3].map((i) => msg(`expected${i}`, "peer_introduction", "12:05", { expected: true }));
    const d = applySmsBudgetForDay([...atCheckIn, ...expected], 8);
    expect(d.keep).toEqual(["alert1", "alert2", "alert3"]);
    expect(d.overBudget).not.toContain("expected1");
    expect(d.overBudget).toEqual(expect.arrayContaining(["tip1", "rate1"]));
  });

  it("under the budget nothing changes", () => {
    const few = fullDay().slice(0, 5);
    expect(applySmsBudgetForDay(few, 8)).toMatchObject({ keep: ["alert1", "tip1", "tip2"], bundles: [], overBudget: [] });
  });

  it("sent texts count and are never moved", () => {
    const all = fullDay().map((m) => (m.key.startsWith("tip") ? { ...m, fixed: true } : m));
    const d = applySmsBudgetForDay(all, 8);
    expect(texts(all, d)).toBe(8);
    expect(d.overBudget.some((k) => k.startsWith("tip"))).toBe(false);
  });

  it("orders the types as the issue says", () => {
    const order: MessageType[] = ["check_in_confirmation", "agenda_ready", "speaker_alert", "peer_introduction", "sponsor_recommendation", "speaker_pcr_request"];
    const p = order.map(priorityOf);
    expect([...p].sort((a, b) => a - b)).toEqual(p);
  });
});

describe("applySmsBudget", () => {
  it("each local day has its own budget", () => {
    const twoDays = [...fullDay(), ...fullDay().map((m) => ({ ...m, key: `d2-${m.key}`, scheduledFor: new Date(m.scheduledFor.getTime() + 86_400_000) }))];
    const d = applySmsBudget(twoDays, 8, ZONE);
    expect(d.overBudget.filter((k) => k.startsWith("d2-"))).toHaveLength(6);
    expect(d.overBudget.filter((k) => !k.startsWith("d2-"))).toHaveLength(6);
  });
});
