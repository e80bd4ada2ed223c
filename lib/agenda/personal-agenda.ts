import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { aiLearningEvents, contractors, eventAttendees, eventSpeakers, eventSponsors, recommendations } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { assignSponsorSlots, peerIntroductionTime, peerSlot } from "@/lib/matching";
import { loadSessions } from "@/lib/orchestration/context";
import { toLocale } from "@/lib/i18n/locale";
import { getAttendeeByToken } from "@/lib/registration/profile";
import { recordAgendaOpened } from "@/lib/learning/signals";

/**
 * SPEC §5.5: everything the personal agenda page shows, for the attendee holding
 * the token (never anyone else's data). Opening it is an engagement signal.
 */
export async function getPersonalAgenda(db: Db, slug: string, token: string | null | undefined, opts: { recordOpen?: boolean } = {}) {
  const found = await getAttendeeByToken(db, token);
  if (!found || found.event.slug !== slug) return null;
  const { attendee, contractor, event } = found;
  const [sessions, recs, speakers] = await Promise.all([
    loadSessions(db, event.id),
    db.select().from(recommendations).where(eq(recommendations.attendeeId, attendee.id)).orderBy(asc(recommendations.rank)),
    db.select().from(eventSpeakers).where(eq(eventSpeakers.eventId, event.id)),
  ]);
  const speakerRecs = new Map(recs.filter((r) => r.kind === "speaker").map((r) => [r.targetId, r]));
  const sponsorRecs = recs.filter((r) => r.kind === "sponsor");
  const peerRecs = recs.filter((r) => r.kind === "peer");
  const [sponsors, peers] = await Promise.all([
    sponsorRecs.length
      ? db.select().from(eventSponsors).where(and(inArray(eventSponsors.id, sponsorRecs.map((r) => r.targetId)), isNull(eventSponsors.removedAt)))
      : Promise.resolve([]),
    peerRecs.length
      ? db
          .select({ attendeeId: eventAttendees.id, c: contractors })
          .from(eventAttendees)
          .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
          .where(inArray(eventAttendees.id, peerRecs.map((r) => r.targetId)))
      : Promise.resolve([]),
  ]);

  if (opts.recordOpen !== false) {
    // Each recommendation shown is "opened" once (SPEC §9); later opens change nothing there.
    await recordAgendaOpened(db, attendee.id, clockNow());
    await db.insert(aiLearningEvents).values({
      eventType: "agenda_opened",
      contractorId: contractor.id,
      eventId: event.id,
      action: "open_agenda_page",
      context: { attendeeId: attendee.id, recommendations: recs.length, planStatus: attendee.planStatus },
      outcome: "engaged",
      successScore: 1,
    });
  }

  // The break each sponsor was planned into (SPEC §5.3), from the time the plan was made.
  const plannedAt = sponsorRecs.length ? new Date(Math.min(...sponsorRecs.map((r) => r.createdAt.getTime()))) : clockNow();
  const slots = new Map(
    assignSponsorSlots(sponsorRecs.map((r) => ({ kind: "sponsor" as const, targetId: r.targetId, rank: r.rank, score: r.score, reasons: [] })), sessions, plannedAt)
      .map((s) => [s.sponsorId, s.slotId]),
  );

  return {
    event,
    attendee: { id: attendee.id, qrCodeData: attendee.qrCodeData, checkInTime: attendee.checkInTime, planStatus: attendee.planStatus, accessToken: attendee.accessToken },
    contractor: { firstName: contractor.firstName, lastName: contractor.lastName, companyName: contractor.companyName, language: toLocale(contractor.language) },
    /** The whole day in order; recommended sessions carry their rank and why. */
    agenda: sessions
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.room ?? "").localeCompare(b.room ?? ""))
      .map((s) => {
        const rec = speakerRecs.get(s.id);
        return { ...s, recommended: rec ? { rank: rec.rank, why: rec.whyText, reasons: rec.reasons } : null };
      }),
    sponsors: sponsorRecs
      .map((r) => {
        const s = sponsors.find((x) => x.id === r.targetId);
        return s && { id: s.id, rank: r.rank, slotId: slots.get(s.id) ?? null, name: s.name, boothNumber: s.boothNumber, specialOffer: s.specialOffer, why: r.whyText, talkingPoint: r.talkingPoint, reasons: r.reasons };
      })
      .filter((x) => x !== undefined),
    peers: peerRecs
      .map((r) => {
        const p = peers.find((x) => x.attendeeId === r.targetId);
        return p && {
          attendeeId: p.attendeeId, rank: r.rank, firstName: p.c.firstName, lastName: p.c.lastName, companyName: p.c.companyName,
          businessType: p.c.businessType, why: r.whyText, commonGround: r.talkingPoint, reasons: r.reasons,
        };
      })
      .filter((x) => x !== undefined),
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, title: s.title, company: s.company })),
    /** Until the batch has run, when peers will be introduced (SPEC §5.4); null: agenda page only. */
    peerIntroAt: event.peerBatchRanAt ? null : peerIntroductionTime(sessions),
    /** The lunch (or long break) where peers are introduced, if any. */
    peerSlotId: peerSlot(sessions)?.id ?? null,
    generatedAt: clockNow(),
  };
}

export type PersonalAgenda = NonNullable<Awaited<ReturnType<typeof getPersonalAgenda>>>;
