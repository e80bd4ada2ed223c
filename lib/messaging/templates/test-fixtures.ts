import type { AgendaItem, Attendee, Contractor, Event, MessageType } from "@/db/schema";
import type { RenderContext } from "./context";

/**
 * A realistic render context for tests: a Boston event on Thu Dec 3 2026, whose
 * first agenda item (8:30 AM EST) starts before the event row's 9:00.
 */
export function fixtureContext(
  type: MessageType,
  overrides: { event?: Partial<Event>; contractor?: Partial<Contractor>; attendee?: Partial<Attendee>; personalization?: Record<string, unknown>; agenda?: AgendaItem[] } = {},
): RenderContext {
  const event: Event = {
    id: "11111111-1111-4111-8111-111111111111",
    name: "Contractor Growth Summit 2026",
    slug: "growth-summit-2026",
    description: "A day of sessions, sponsors and peers for home-service contractors.",
    venue: "Seaport Hotel",
    address: "1 Seaport Ln, Boston, MA 02210",
    timezone: "America/New_York",
    startsAt: new Date("2026-12-03T14:00:00Z"),
    endsAt: new Date("2026-12-03T22:00:00Z"),
    status: "published",
    checkInClosesAt: null,
    organizerName: "Power100 Events",
    organizerEmail: "events@power100.io",
    organizerPhone: "+16175550100",
    peerBatchRanAt: null,
    smsDailyBudget: 8,
    wifiInfo: null,
    messagingPausedAt: null,
    followupPlanningAt: null,
    followupPlannedAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-06-01T00:00:00Z"),
    ...overrides.event,
  };
  const agenda: AgendaItem[] = overrides.agenda ?? [
    agendaItem({ key: "breakfast", type: "networking", title: "Breakfast", startsAt: new Date("2026-12-03T13:30:00Z"), endsAt: new Date("2026-12-03T14:00:00Z") }),
    agendaItem({ key: "keynote", type: "keynote", title: "Opening keynote", startsAt: new Date("2026-12-03T14:00:00Z"), endsAt: new Date("2026-12-03T15:00:00Z") }),
  ];
  const contractor: Contractor = {
    id: "22222222-2222-4222-8222-222222222222",
    firstName: "Dana",
    lastName: "Reyes",
    email: "dana@acmeroofing.com",
    phone: "+16175550123",
    companyName: "Acme Roofing",
    businessType: "roofing",
    serviceArea: "Boston",
    revenueTier: "1m_5m",
    teamSize: 12,
    focusAreas: ["marketing"],
    preferences: {},
    smsOptIn: true,
    smsOptedOutAt: null,
    language: "en",
    emailUnsubscribedAt: null,
    emailBouncedAt: null,
    lastInteractionAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    ...overrides.contractor,
  };
  const attendee: Attendee = {
    id: "33333333-3333-4333-8333-333333333333",
    eventId: event.id,
    contractorId: contractor.id,
    registrationDate: new Date("2026-11-20T15:00:00Z"),
    profileCompletionStatus: "completed",
    profileAutoApproved: false,
    qrCodeData: "tpx:att:Zm9vYmFyYmF6cXV4MTIzNDU2",
    accessToken: "dG9rZW4tZm9yLWRhbmEtMTIzNDU2Nzg5MGFiY2RlZg",
    checkInTime: null,
    checkInMethod: null,
    checkedInBy: null,
    checkInNonce: null,
    planStatus: "none",
    planBuiltAt: null,
    planAttempts: 0,
    planError: null,
    cancelledAt: null,
    createdAt: new Date("2026-11-20T15:00:00Z"),
    updatedAt: new Date("2026-11-20T15:00:00Z"),
    ...overrides.attendee,
  };
  const base = `https://tpx.example.com/events/${event.slug}`;
  const t = `t=${attendee.accessToken}`;
  return {
    message: { id: "44444444-4444-4444-8444-444444444444", type, channel: "email", dedupeKey: "", personalization: overrides.personalization ?? {}, scheduledFor: new Date("2026-11-20T15:00:00Z") },
    event,
    agenda,
    contractor,
    attendee,
    links: {
      event: base, // public, like lib/messaging/links.ts
      profile: `${base}/profile?${t}`,
      checkIn: `${base}/check-in?${t}`,
      agenda: `${base}/agenda?${t}`,
      unsubscribe: `https://tpx.example.com/unsubscribe?${t}`,
      unsubscribeOneClick: `https://tpx.example.com/api/unsubscribe?${t}`,
      feedback: `https://tpx.example.com/events/growth-summit/feedback?${t}`,
      calendar: `${base}/calendar.ics?${t}`,
      qrImage: `https://tpx.example.com/api/qr/${attendee.id}?s=fixture-signature`,
    },
    organizer: { name: "Power100 Events", email: "events@power100.io", phone: "+16175550100" },
  };
}

let seq = 0;
export function agendaItem(p: Partial<AgendaItem> & Pick<AgendaItem, "startsAt" | "endsAt">): AgendaItem {
  seq += 1;
  return {
    id: `55555555-5555-4555-8555-${String(seq).padStart(12, "0")}`,
    eventId: "11111111-1111-4111-8111-111111111111",
    key: `item-${seq}`,
    type: "session",
    title: `Session ${seq}`,
    description: null,
    room: null,
    speakerId: null,
    topics: [],
    cancelledAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...p,
  };
}
