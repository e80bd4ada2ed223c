import type { AgendaItem, Attendee, Contractor, Event, Message, Speaker, Sponsor } from "@/db/schema";
import { describeMoved } from "@/components/admin/what-moved";
import type { WhatMoved } from "@/lib/events/what-moved";
import type { AgendaItemOut, AttendeeOut, EventOut, MessageOut, MovedMessagesOut, SpeakerOut, SponsorOut } from "./schemas";

/** Rows → the API's snake_case resources (typed against lib/api/schemas.ts, so they match the document). */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function eventOut(e: Event): EventOut {
  return {
    id: e.id,
    name: e.name,
    slug: e.slug,
    description: e.description,
    venue: e.venue,
    address: e.address,
    timezone: e.timezone,
    starts_at: iso(e.startsAt),
    ends_at: iso(e.endsAt),
    status: e.status,
    check_in_closes_at: isoOrNull(e.checkInClosesAt),
    organizer: { name: e.organizerName, email: e.organizerEmail, phone: e.organizerPhone },
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
  };
}

export function speakerOut(s: Speaker): SpeakerOut {
  return {
    id: s.id,
    event_id: s.eventId,
    key: s.key,
    name: s.name,
    title: s.title,
    company: s.company,
    bio: s.bio,
    focus_areas: s.focusAreas,
    pcr_score: s.pcrScore,
    created_at: iso(s.createdAt),
  };
}

export function agendaItemOut(a: AgendaItem): AgendaItemOut {
  return {
    id: a.id,
    event_id: a.eventId,
    key: a.key,
    type: a.type,
    title: a.title,
    description: a.description,
    room: a.room,
    starts_at: iso(a.startsAt),
    ends_at: iso(a.endsAt),
    speaker_id: a.speakerId,
    topics: a.topics,
    cancelled_at: isoOrNull(a.cancelledAt),
    created_at: iso(a.createdAt),
  };
}

export function sponsorOut(s: Sponsor): SponsorOut {
  return {
    id: s.id,
    event_id: s.eventId,
    key: s.key,
    name: s.name,
    booth_number: s.boothNumber,
    offerings: s.offerings,
    focus_areas: s.focusAreas,
    target_revenue_tiers: s.targetRevenueTiers,
    special_offer: s.specialOffer,
    talking_points: s.talkingPoints,
    pcr_score: s.pcrScore,
    removed_at: isoOrNull(s.removedAt),
    created_at: iso(s.createdAt),
  };
}

export type AttendeeRow = { attendee: Attendee; contractor: Pick<Contractor, "firstName" | "lastName" | "email" | "phone" | "companyName"> };

export function attendeeOut({ attendee: a, contractor: c }: AttendeeRow): AttendeeOut {
  return {
    id: a.id,
    event_id: a.eventId,
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    phone: c.phone,
    company_name: c.companyName,
    registration_date: iso(a.registrationDate),
    profile_completion_status: a.profileCompletionStatus,
    check_in_time: isoOrNull(a.checkInTime),
    check_in_method: a.checkInMethod,
    cancelled_at: isoOrNull(a.cancelledAt),
    created_at: iso(a.createdAt),
  };
}

export type MessageRow = Pick<
  Message,
  "id" | "eventId" | "attendeeId" | "type" | "channel" | "status" | "statusReason" | "scheduledFor" | "actualSendTime" | "attempts" | "lastError" | "deliveryStatus" | "createdAt"
>;

export function messageOut(m: MessageRow): MessageOut {
  return {
    id: m.id,
    event_id: m.eventId,
    attendee_id: m.attendeeId,
    type: m.type,
    channel: m.channel,
    status: m.status,
    status_reason: m.statusReason,
    scheduled_for: iso(m.scheduledFor),
    sent_at: isoOrNull(m.actualSendTime),
    attempts: m.attempts,
    last_error: m.lastError,
    delivery_status: m.deliveryStatus,
    created_at: iso(m.createdAt),
  };
}

/** What a re-plan did to the planned messages, as the console says it and as data (null: nothing could move). */
export function movedOut(moved: WhatMoved | null, timezone: string): MovedMessagesOut {
  const m = moved ?? { groups: [], total: 0 };
  return {
    total: m.total,
    groups: m.groups.map((g) => ({ kind: g.kind, type: g.type, count: g.count, to: isoOrNull(g.to) })),
    summary: describeMoved(m, timezone),
  };
}
