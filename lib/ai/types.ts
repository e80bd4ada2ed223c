import type { LanguageModel } from "ai";
import type { Reason } from "@/lib/matching/reasons";

/** What we know about the person the sentences are written for; profile fields may be blank. */
export type AttendeeProfile = {
  firstName: string | null;
  companyName: string | null;
  businessType: string | null;
  serviceArea: string | null;
  /** The registration code, e.g. "1m_5m" (see lib/ai/text.ts tierPhrase). */
  revenueTier: string | null;
  teamSize: number | null;
  focusAreas: string[];
  /** The attendee's language (contractors.language): the model writes its sentences in it. */
  language?: "en" | "es";
};

export type SessionPick = {
  targetId: string;
  title: string;
  /** ISO instant. Never given to the model; used to recognise the session's own time in model text. */
  startsAt: string;
  room: string | null;
  speakerName?: string | null;
  speakerCompany?: string | null;
  topics: string[];
  reasons: Reason[];
};

export type SponsorPick = {
  targetId: string;
  name: string;
  boothNumber: string | null;
  offerings: string[];
  specialOffer: string | null;
  /** The ranking's deterministic talking point; the template uses it as is. */
  talkingPoint: string | null;
  reasons: Reason[];
};

export type PeerPick = {
  targetId: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  businessType: string | null;
  serviceArea: string | null;
  focusAreas: string[];
  reasons: Reason[];
};

export type PersonalizeInput<P> = {
  attendee: AttendeeProfile;
  eventName: string;
  /** The event's IANA zone, so a session's own local start time in model text is not mistaken for an invented one. */
  timeZone?: string;
  picks: P[];
};

export type PersonalizedItem = {
  targetId: string;
  why: string;
  /** Sponsors only. */
  talkingPoint?: string;
  /** Peers only. */
  commonGround?: string;
};

export type PersonalizeResult = {
  /** Exactly one per input pick, in the same order, with the same targetIds. */
  items: PersonalizedItem[];
  source: "model" | "template";
  /** Why the model's sentences were not used (set only when source is "template" after a model attempt). */
  error?: string;
};

export type PersonalizeDeps = {
  /** Default: getLanguageModel(). null forces templates. */
  model?: LanguageModel | null;
  /** Default 8000. The whole model call, connect to last byte. */
  timeoutMs?: number;
};

/** Sentence limits (characters): short enough for an SMS line or an agenda card. */
export const LIMITS = { why: 200, talkingPoint: 160, commonGround: 160 } as const;
