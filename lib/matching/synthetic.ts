/**
 * Seeded, realistic-looking attendees, agendas and sponsors for the matching
 * benchmark and the batch-vs-naive test. Deterministic: the same seed gives the
 * same event, so figures are comparable between runs.
 */
import type { MatchProfile, SessionCandidate, SponsorCandidate } from "./types";

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BUSINESS_TYPES = ["roofing", "plumbing", "HVAC", "electrical", "remodeling", "landscaping", "solar", "pool construction", "painting", "flooring", "pest control", "gutters"];
export const SERVICE_AREAS = ["Austin, TX", "San Antonio, TX", "Houston, TX", "Dallas, TX", "Round Rock, TX", "Waco, TX", "Georgetown, TX", "El Paso, TX"];
export const FOCUS_AREAS = ["sales", "hiring", "marketing", "pricing", "operations", "financing", "technology", "safety", "customer experience", "leadership"];
const TIERS = ["under_500k", "500k_1m", "1m_5m", "5m_plus"];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** `count` distinct items from `list`. */
function sample<T>(rand: () => number, list: readonly T[], count: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

/**
 * Skewed like real attendance: big markets and common trades more often, team sizes
 * 1–200 log-uniform, the revenue tier following size, ~3 % with an incomplete
 * profile and ~2 % sharing a company with the person before them.
 */
export function generateProfiles(count: number, seed = 1, idPrefix = "att"): MatchProfile[] {
  const rand = seededRandom(seed);
  const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * rand() ** 1.6)];
  const out: MatchProfile[] = [];
  for (let i = 0; i < count; i++) {
    const teamSize = Math.max(1, Math.round(Math.exp(rand() * Math.log(200))));
    const tier = TIERS[Math.min(3, Math.floor(Math.log10(teamSize) * 1.5 + rand() * 0.8))];
    const incomplete = rand() < 0.03;
    const colleague = i > 0 && rand() < 0.02;
    out.push({
      attendeeId: `${idPrefix}-${String(i).padStart(6, "0")}`,
      contractorId: `${idPrefix}-con-${i}`,
      companyName: colleague ? out[i - 1].companyName : `${idPrefix} Company ${i}`,
      businessType: incomplete && rand() < 0.5 ? null : skewed(BUSINESS_TYPES),
      serviceArea: skewed(SERVICE_AREAS),
      revenueTier: incomplete ? null : tier,
      teamSize: incomplete ? null : teamSize,
      focusAreas: incomplete ? [] : sample(rand, FOCUS_AREAS, 1 + Math.floor(rand() * 4)),
      preferences: {},
    });
  }
  return out;
}

/** A one-day agenda from `day` (midnight): parallel sessions on the hour, a morning break, lunch, an afternoon break. */
export function generateAgenda(day: Date, sessionCount: number, seed = 2): SessionCandidate[] {
  const rand = seededRandom(seed);
  const at = (h: number, m = 0) => new Date(day.getTime() + (h * 60 + m) * 60_000);
  const hours = [9, 10, 11, 13, 14, 15, 16];
  const tracks = Math.ceil(sessionCount / hours.length);
  const agenda: SessionCandidate[] = [
    { id: "brk-am", type: "break", title: "Coffee break", room: "Expo", startsAt: at(10, 45), endsAt: at(11, 0), topics: [] },
    { id: "lunch", type: "lunch", title: "Lunch", room: "Expo", startsAt: at(12, 0), endsAt: at(13, 0), topics: [] },
    { id: "brk-pm", type: "break", title: "Afternoon break", room: "Expo", startsAt: at(15, 45), endsAt: at(16, 0), topics: [] },
  ];
  for (let k = 0; k < sessionCount; k++) {
    const h = hours[Math.floor(k / tracks)];
    agenda.push({
      id: `ses-${String(k).padStart(3, "0")}`,
      type: k % 10 === 0 ? "keynote" : k % 7 === 0 ? "panel" : "session",
      title: `${pick(rand, FOCUS_AREAS)} for ${pick(rand, BUSINESS_TYPES)} companies`,
      room: `Room ${(k % tracks) + 1}`,
      startsAt: at(h),
      endsAt: at(h, 45),
      topics: sample(rand, FOCUS_AREAS, 1 + Math.floor(rand() * 3)),
      speaker: { id: `spk-${k}`, name: `Speaker ${k}`, company: null, focusAreas: sample(rand, FOCUS_AREAS, 2), pcrScore: Math.round((3 + rand() * 2) * 10) / 10 },
    });
  }
  return agenda;
}

export function generateSponsors(count: number, seed = 3): SponsorCandidate[] {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => {
    const focus = sample(rand, FOCUS_AREAS, 1 + Math.floor(rand() * 2));
    return {
      id: `spo-${String(k).padStart(3, "0")}`,
      name: `Sponsor ${k}`,
      boothNumber: String(100 + k),
      offerings: focus.map((f) => `${f} software`),
      focusAreas: focus,
      targetRevenueTiers: sample(rand, TIERS, 2),
      specialOffer: rand() < 0.4 ? "20% off for attendees" : null,
      talkingPoints: [`Ask how we help with ${focus[0]}`, "See the live demo"],
      pcrScore: Math.round((3 + rand() * 2) * 10) / 10,
    };
  });
}
