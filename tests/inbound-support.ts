import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import {
  eventAgendaItems, eventAttendees, eventMessages, eventSpeakers, eventSponsors, peerMatches, recommendations,
  type Event, type MessageType, type NewContractor,
} from "@/db/schema";
import { makeContractor } from "./factories";

let phoneSeq = 100;

/** A registered, SMS-consenting attendee (checked in unless told otherwise) with a unique phone. */
export async function makeTexter(db: Db, event: Event, opts: { checkedIn?: boolean; contractor?: Partial<NewContractor> } = {}) {
  const phone = `+1512555${String(1000 + ++phoneSeq).slice(-4)}`;
  const contractor = await makeContractor(db, { phone, smsOptIn: true, companyName: "Acme Roofing", ...opts.contractor });
  const [attendee] = await db
    .insert(eventAttendees)
    .values({
      eventId: event.id, contractorId: contractor.id, registrationDate: new Date(event.startsAt.getTime() - 7 * 86_400_000),
      qrCodeData: `TPX1.${randomBytes(12).toString("base64url")}`, accessToken: randomBytes(24).toString("base64url"),
      checkInTime: opts.checkedIn === false ? null : event.startsAt, checkInMethod: opts.checkedIn === false ? null : "qr_code",
    })
    .returning();
  return { contractor, attendee, phone: contractor.phone! };
}

export type Texter = Awaited<ReturnType<typeof makeTexter>>;

/** An SMS the attendee already received (an intro, a rating request…): the prompt a reply answers. */
export async function sentSms(db: Db, t: Texter, type: MessageType, personalization: Record<string, unknown>, at: Date, key = "k") {
  const [row] = await db
    .insert(eventMessages)
    .values({
      eventId: t.attendee.eventId, attendeeId: t.attendee.id, contractorId: t.contractor.id, type, channel: "sms",
      dedupeKey: `${key}-${randomBytes(4).toString("hex")}`, scheduledFor: at, status: "sent", actualSendTime: at, personalization,
    })
    .returning();
  return row;
}

/** Two attendees introduced to each other, each having received the introduction. */
export async function introducedPair(db: Db, event: Event, at: Date) {
  const a = await makeTexter(db, event, { contractor: { firstName: "Ana" } });
  const b = await makeTexter(db, event, { contractor: { firstName: "Dana", companyName: "Bright Windows" } });
  const [lo, hi] = a.attendee.id < b.attendee.id ? [a, b] : [b, a];
  const [match] = await db
    .insert(peerMatches)
    .values({ eventId: event.id, attendeeAId: lo.attendee.id, attendeeBId: hi.attendee.id, score: 0.8, status: "introduced" })
    .returning();
  for (const [me, other] of [[a, b], [b, a]] as const) {
    await db.insert(recommendations).values({ eventId: event.id, attendeeId: me.attendee.id, kind: "peer", targetId: other.attendee.id, rank: 1, score: 0.8 });
    await sentSms(db, me, "peer_introduction", { peerAttendeeId: other.attendee.id, peerFirstName: other.contractor.firstName }, at, "intro");
  }
  return { a, b, match };
}

/** A session with a speaker, recommended to `t`, and the rating request `t` received after it. */
export async function ratedSession(db: Db, event: Event, t: Texter, at: Date, pcrScore: number | null = 4, rank = 1) {
  const [speaker] = await db.insert(eventSpeakers).values({ eventId: event.id, key: `sp-${randomBytes(3).toString("hex")}`, name: "Maria Lopez", pcrScore }).returning();
  const [item] = await db
    .insert(eventAgendaItems)
    .values({
      eventId: event.id, key: `s-${randomBytes(3).toString("hex")}`, type: "session", title: "Pricing for Profit", room: "Salon B",
      startsAt: new Date(at.getTime() - 60 * 60_000), endsAt: new Date(at.getTime() - 10 * 60_000), speakerId: speaker.id,
    })
    .returning();
  await db.insert(recommendations).values({ eventId: event.id, attendeeId: t.attendee.id, kind: "speaker", targetId: item.id, rank, score: 0.9 });
  const request = await sentSms(db, t, "speaker_pcr_request", { agendaItemId: item.id, title: item.title, speakerName: speaker.name }, at, "pcr");
  return { speaker, item, request };
}

export async function makeSponsor(db: Db, event: Event, name: string, booth: string) {
  const [s] = await db.insert(eventSponsors).values({ eventId: event.id, key: `${booth}-${randomBytes(3).toString("hex")}`, name, boothNumber: booth, specialOffer: "Free estimate" }).returning();
  return s;
}
