import type { Reason } from "@/lib/matching/reasons";
import type { AttendeeProfile, PeerPick, PersonalizeInput, SessionPick, SponsorPick } from "./types";

/** Test fixtures for lib/ai (demo-event people and picks), shared by the unit and fake-server tests. */

export const dana: AttendeeProfile = {
  firstName: "Dana",
  companyName: "Acme Roofing",
  businessType: "roofing",
  serviceArea: "Austin, TX",
  revenueTier: "1m_5m",
  teamSize: 24,
  focusAreas: ["pricing", "hiring", "marketing"],
};

const r = (code: Reason["code"], weight: number, values?: string[], detail?: string): Reason => ({ code, weight, values, detail });

export const sessionPicks: SessionPick[] = [
  {
    targetId: "s-pricing",
    title: "Pricing for Profit: Building a Million-Dollar Trade Business",
    startsAt: "2026-03-12T14:15:00.000Z", // 9:15 AM in Austin (CDT)
    room: "Main Ballroom",
    speakerName: "Maria Lopez",
    speakerCompany: "Delgado Roofing & Solar",
    topics: ["pricing", "hiring"],
    reasons: [r("topic_overlap", 2, ["pricing", "hiring"]), r("speaker_pcr", 0.8, undefined, "4.8")],
  },
  {
    targetId: "s-seo",
    title: "Local SEO and Google Ads for Home-Service Pros",
    startsAt: "2026-03-12T15:30:00.000Z",
    room: "Pecan Room",
    speakerName: "Priya Raman",
    topics: ["marketing", "technology"],
    reasons: [r("topic_overlap", 1, ["marketing"]), r("business_type_fit", 0.5, ["roofing"])],
  },
  {
    targetId: "s-panel",
    title: "From Truck to Team: Scaling Past $1M",
    startsAt: "2026-03-12T18:00:00.000Z",
    room: "Bluebonnet Room",
    speakerName: "Tom Brennan",
    topics: ["operations"],
    reasons: [r("speaker_focus_overlap", 1, ["hiring"]), r("speaker_pcr", 0.7, undefined, "4.7")],
  },
];

export const sponsorPicks: SponsorPick[] = [
  {
    targetId: "sp-fleet",
    name: "Lone Star Fleet & Equipment",
    boothNumber: "106",
    offerings: ["Truck leasing", "Equipment financing", "Upfitting"],
    specialOffer: "First month's lease payment waived",
    talkingPoint: "Ask about lease-to-own on upfitted vans",
    reasons: [r("revenue_tier_target", 1, ["1m_5m"]), r("offering_overlap", 1, ["Equipment financing"]), r("special_offer", 0.3)],
  },
  {
    targetId: "sp-locallift",
    name: "LocalLift Marketing",
    boothNumber: "103",
    offerings: ["Local SEO", "Google Local Services Ads", "Review generation"],
    specialOffer: "Free local search audit",
    talkingPoint: null,
    reasons: [r("focus_overlap", 1, ["marketing"]), r("special_offer", 0.3)],
  },
  {
    targetId: "sp-talent",
    name: "TradeTalent Staffing",
    boothNumber: "105",
    offerings: ["Technician recruiting", "Apprentice programs"],
    specialOffer: null,
    talkingPoint: null,
    reasons: [r("sponsor_pcr", 0.6, undefined, "4.2")],
  },
];

export const peerPicks: PeerPick[] = [
  {
    targetId: "p-nina",
    firstName: "Nina",
    lastName: "Alvarez",
    companyName: "Alvarez Solar",
    businessType: "solar",
    serviceArea: "San Antonio, TX",
    focusAreas: ["financing", "marketing", "hiring"],
    reasons: [r("shared_focus", 2, ["marketing", "hiring"]), r("complementary_business", 1, ["solar"])],
  },
  {
    targetId: "p-megan",
    firstName: "Megan",
    lastName: "Foster",
    companyName: "Foster Home Services",
    businessType: "hvac",
    serviceArea: "Austin, TX",
    focusAreas: ["technology", "financing", "hiring"],
    reasons: [r("same_revenue_tier", 0.5, ["1m_5m"]), r("similar_size", 0.5)],
  },
  {
    targetId: "p-aisha",
    firstName: "Aisha",
    lastName: "Brooks",
    companyName: null,
    businessType: null,
    serviceArea: null,
    focusAreas: [],
    reasons: [],
  },
];

export function inputOf<P>(picks: P[]): PersonalizeInput<P> {
  return { attendee: dana, eventName: "Austin Contractor Summit", timeZone: "America/Chicago", picks };
}
