/** Small factories for the matching tests: every field explicit, overridable. */
import type { MatchProfile, SessionCandidate, SponsorCandidate } from "./types";

/** "10:30" on the test day (UTC; the engine never reads a zone). */
export function at(hhmm: string, seconds = 0): Date {
  return new Date(`2026-12-10T${hhmm}:${String(seconds).padStart(2, "0")}Z`);
}

export function profile(attendeeId: string, over: Partial<MatchProfile> = {}): MatchProfile {
  return {
    attendeeId,
    contractorId: `c-${attendeeId}`,
    companyName: `${attendeeId} Co`,
    businessType: null,
    serviceArea: null,
    revenueTier: null,
    teamSize: null,
    focusAreas: [],
    preferences: {},
    ...over,
  };
}

export function talk(id: string, start: string, end: string, over: Partial<SessionCandidate> = {}): SessionCandidate {
  return { id, type: "session", title: `Talk ${id}`, room: "A", startsAt: at(start), endsAt: at(end), topics: [], ...over };
}

export function slot(id: string, type: "break" | "lunch", start: string, end: string, over: Partial<SessionCandidate> = {}): SessionCandidate {
  return { id, type, title: type, room: "Expo", startsAt: at(start), endsAt: at(end), topics: [], ...over };
}

export function speaker(focusAreas: string[], pcrScore: number | null = null): NonNullable<SessionCandidate["speaker"]> {
  return { id: `spk-${focusAreas.join("-")}`, name: "Speaker", company: null, focusAreas, pcrScore };
}

export function sponsor(id: string, over: Partial<SponsorCandidate> = {}): SponsorCandidate {
  return {
    id,
    name: `Sponsor ${id}`,
    boothNumber: null,
    offerings: [],
    focusAreas: [],
    targetRevenueTiers: [],
    specialOffer: null,
    talkingPoints: [],
    pcrScore: null,
    ...over,
  };
}
