import { joinList, plural } from "./format";

export type AgendaCounts = { speakers: number; sponsors: number; peers: number; summary: string | null };

// Stored as jsonb, so read defensively: a missing or odd count reads as none.
const count = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

/**
 * agenda_ready's personalization `{ speakers, sponsors, peers }` and its sentence
 * ("3 speakers, 3 sponsors and 2 peers"). Zero counts are left out (peers are 0 until
 * the lunch batch runs); summary is null when everything is zero.
 */
export function agendaCounts(personalization: Record<string, unknown> | null | undefined): AgendaCounts {
  const p = personalization ?? {};
  const speakers = count(p.speakers);
  const sponsors = count(p.sponsors);
  const peers = count(p.peers);
  const parts = [
    speakers && plural(speakers, "speaker"),
    sponsors && plural(sponsors, "sponsor"),
    peers && plural(peers, "peer"),
  ].filter((s): s is string => Boolean(s));
  return { speakers, sponsors, peers, summary: parts.length ? joinList(parts) : null };
}
