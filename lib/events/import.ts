import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAgendaItems, eventSpeakers, eventSponsors, events } from "@/db/schema";
import { registerBatch } from "@/lib/imports/batch-register";
import { replanEventMessages } from "@/lib/scheduling/replan";
import { schedulePeerBatch } from "@/lib/orchestration/peer-batch";
import { scheduleEventCompletion } from "@/lib/followup/complete";
import type { EventFile } from "./event-file";

export type KindCounts = { created: number; updated: number; unchanged: number };
export type ImportSummary = {
  eventId: string;
  slug: string;
  event: "created" | "updated" | "unchanged";
  speakers: KindCounts;
  agenda: KindCounts & { cancelled: number };
  sponsors: KindCounts & { removed: number };
  contractors: KindCounts;
  registrations: {
    created: number;
    existing: number;
    /** Attendees who cancelled are not signed up again by a re-import. */
    cancelledSkipped: number;
    failed: Array<{ email: string; code: string; message: string }>;
  };
  /** Set when an existing event's times or agenda changed and its planned messages moved. */
  messages: Awaited<ReturnType<typeof replanEventMessages>> | null;
};

/**
 * Writes a parsed event file (SPEC §2). Event, speakers, agenda, sponsors and
 * contractors go in one transaction, so a failure leaves nothing half-written.
 * Then, after commit, planned messages move if the schedule changed, and the
 * registrations go through registerAttendee (each its own transaction).
 */
export async function importEventFile(db: Db, file: EventFile, opts: { now: Date }): Promise<ImportSummary> {
  const { scheduleChanged, ...counts } = await db.transaction((tx) => writeEventData(tx, file, opts.now));
  const messages = scheduleChanged ? await replanEventMessages(db, counts.eventId, { now: opts.now }) : null;
  // New event or moved agenda: (re)schedule its batch peer matching (SPEC §5.4).
  if (scheduleChanged || counts.event === "created") await schedulePeerBatch(db, counts.eventId);
  // The file may also publish the event: its completion is (re)scheduled either way (same end → same run id).
  await scheduleEventCompletion(db, counts.eventId);
  const registrations = await registerAll(db, file, counts.eventId, opts.now);
  return { ...counts, slug: file.event.slug, registrations, messages };
}

async function writeEventData(tx: Db, file: EventFile, now: Date) {
  const e = file.event;
  const [existing] = await tx.select().from(events).where(eq(events.slug, e.slug)).for("update");
  const eventValues = {
    name: e.name,
    slug: e.slug,
    description: e.description ?? null,
    venue: e.venue ?? null,
    address: e.address ?? null,
    timezone: e.timezone,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    status: statusAfterImport(existing?.status, e.status),
    checkInClosesAt: e.check_in_closes_at ?? null,
    organizerName: e.organizer?.name ?? null,
    organizerEmail: e.organizer?.email ?? null,
    organizerPhone: e.organizer?.phone ?? null,
  };
  let eventId: string;
  let outcome: ImportSummary["event"] = "created";
  if (existing) {
    eventId = existing.id;
    outcome = valuesDiffer(existing, eventValues) ? "updated" : "unchanged";
    if (outcome === "updated") await tx.update(events).set({ ...eventValues, updatedAt: now }).where(eq(events.id, eventId));
  } else {
    [{ id: eventId }] = await tx.insert(events).values(eventValues).returning({ id: events.id });
  }
  const { timezone, startsAt, endsAt } = eventValues;
  const timesChanged = Boolean(existing) && valuesDiffer(existing, { timezone, startsAt, endsAt });

  const speakers = await syncKeyed(tx, eventSpeakers, eventId, file.speakers.map((s) => ({
    key: s.key,
    values: {
      name: s.name,
      title: s.title ?? null,
      company: s.company ?? null,
      bio: s.bio ?? null,
      focusAreas: s.focus_areas,
      ...pcr(s.pcr_score),
    },
  })));

  const agenda = await syncKeyed(tx, eventAgendaItems, eventId, file.agenda.map((a) => {
    const speakerId = a.speaker ? speakers.ids.get(a.speaker) : null;
    // parseEventFile guarantees the reference; a hand-built file that breaks it aborts the whole import.
    if (speakerId === undefined) throw new Error(`agenda item "${a.key}": no speaker with key "${a.speaker}"`);
    return {
      key: a.key,
      values: {
        type: a.type,
        title: a.title,
        description: a.description ?? null,
        room: a.room ?? null,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        speakerId,
        topics: a.topics,
        cancelledAt: null,
      },
    };
  }), { retire: "cancelledAt", now, scheduleFields: ["type", "startsAt", "endsAt", "cancelledAt"] });

  const sponsors = await syncKeyed(tx, eventSponsors, eventId, file.sponsors.map((s, i) => ({
    key: s.key,
    values: {
      name: s.name,
      boothNumber: s.booth_number ?? null,
      offerings: s.offerings,
      focusAreas: s.focus_areas,
      targetRevenueTiers: s.target_revenue_tiers,
      specialOffer: s.special_offer ?? null,
      talkingPoints: s.talking_points,
      ...pcr(s.pcr_score),
      removedAt: null,
      sortOrder: i,
    },
  })), { retire: "removedAt", now });

  return {
    eventId,
    event: outcome,
    speakers: speakers.counts,
    agenda: { ...agenda.counts, cancelled: agenda.retired },
    sponsors: { ...sponsors.counts, removed: sponsors.retired },
    contractors: await syncContractors(tx, file.contractors, now),
    scheduleChanged: timesChanged || (Boolean(existing) && agenda.scheduleChanged),
  };
}

/** Ratings move PCR scores (SPEC §6): a file that leaves the score out keeps the current one. */
const pcr = (score: number | null | undefined) => (score == null ? {} : { pcrScore: score });

type Status = (typeof events.$inferSelect)["status"];
/**
 * The file's status wins, except that it never moves an event the system has
 * taken live or completed back to draft/published (a stale file would undo it);
 * left out, the status stays as it is (new events start as drafts).
 */
function statusAfterImport(stored: Status | undefined, wanted: Status | undefined): Status {
  if (!wanted) return stored ?? "draft";
  if ((stored === "live" || stored === "completed") && (wanted === "draft" || wanted === "published")) return stored;
  return wanted;
}

/** Registrations in bulk (lib/imports/batch-register.ts): 10,000 in seconds, not one transaction each. */
async function registerAll(db: Db, file: EventFile, eventId: string, now: Date): Promise<ImportSummary["registrations"]> {
  return registerBatch(db, eventId, file.registrations, now);
}

type KeyedTable = typeof eventSpeakers | typeof eventAgendaItems | typeof eventSponsors;
type KeyedValues<T extends KeyedTable> = Omit<T["$inferInsert"], "id" | "eventId" | "key" | "createdAt">;
type SyncOptions = { retire?: "cancelledAt" | "removedAt"; now?: Date; scheduleFields?: string[] };

/**
 * Upserts rows by (event, key). Rows the file no longer lists are retired
 * (cancelledAt / removedAt set), never deleted: messages and ratings point at them.
 */
async function syncKeyed<T extends KeyedTable>(
  tx: Db,
  table: T,
  eventId: string,
  wanted: Array<{ key: string; values: KeyedValues<T> }>,
  opts: SyncOptions = {},
) {
  // The three tables share id/eventId/key; drizzle cannot narrow a union of tables, so use one shape.
  const t = table as unknown as typeof eventSponsors;
  const rows: Array<Record<string, unknown> & { id: string; key: string }> = await tx.select().from(t).where(eq(t.eventId, eventId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const counts: KindCounts = { created: 0, updated: 0, unchanged: 0 };
  const ids = new Map<string, string>();
  let scheduleChanged = false;
  for (const { key, values } of wanted) {
    const row = byKey.get(key);
    if (!row) {
      const [{ id }] = await tx.insert(t).values({ ...(values as object), eventId, key } as typeof t.$inferInsert).returning({ id: t.id });
      ids.set(key, id);
      counts.created++;
      scheduleChanged = true;
      continue;
    }
    ids.set(key, row.id);
    if (!valuesDiffer(row, values)) {
      counts.unchanged++;
      continue;
    }
    await tx.update(t).set(values as Partial<typeof t.$inferInsert>).where(eq(t.id, row.id));
    counts.updated++;
    const sched = Object.fromEntries((opts.scheduleFields ?? []).map((f) => [f, (values as Record<string, unknown>)[f]]));
    if (valuesDiffer(row, sched)) scheduleChanged = true;
  }
  let retired = 0;
  if (opts.retire) {
    const stale = rows.filter((r) => !ids.has(r.key) && !r[opts.retire!]).map((r) => r.id);
    if (stale.length) await tx.update(t).set({ [opts.retire]: opts.now }).where(inArray(t.id, stale));
    retired = stale.length;
  }
  return { ids, counts, retired, scheduleChanged: Boolean(opts.scheduleFields) && (scheduleChanged || retired > 0) };
}

const CONTRACTOR_FIELDS = [
  ["first_name", "firstName"],
  ["last_name", "lastName"],
  ["phone", "phone"],
  ["company_name", "companyName"],
  ["business_type", "businessType"],
  ["service_area", "serviceArea"],
  ["revenue_tier", "revenueTier"],
  ["team_size", "teamSize"],
  ["focus_areas", "focusAreas"],
  ["sms_opt_in", "smsOptIn"],
  ["language", "language"],
] as const;

/** Upserts by email. A field the file leaves out keeps its stored value; preferences merge. */
export async function syncContractors(tx: Db, list: EventFile["contractors"], now: Date): Promise<KindCounts> {
  const counts: KindCounts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map<string, typeof contractors.$inferSelect>();
  for (let i = 0; i < list.length; i += 1000) {
    const emails = list.slice(i, i + 1000).map((c) => c.email);
    for (const row of await tx.select().from(contractors).where(inArray(contractors.email, emails))) existing.set(row.email, row);
  }
  const inserts: Array<typeof contractors.$inferInsert> = [];
  for (const c of list) {
    const values: Partial<typeof contractors.$inferInsert> = {};
    for (const [from, to] of CONTRACTOR_FIELDS) if (c[from] !== undefined) Object.assign(values, { [to]: c[from] });
    const row = existing.get(c.email);
    if (c.preferences) values.preferences = { ...row?.preferences, ...c.preferences };
    if (!row) inserts.push({ ...values, email: c.email });
    else if (!valuesDiffer(row, values)) counts.unchanged++;
    else {
      await tx.update(contractors).set({ ...values, updatedAt: now }).where(eq(contractors.id, row.id));
      counts.updated++;
    }
  }
  for (let i = 0; i < inserts.length; i += 500) await tx.insert(contractors).values(inserts.slice(i, i + 500));
  counts.created = inserts.length;
  return counts;
}

/** True when any of `values` differs from the stored row (dates by instant, reals at float4 precision). */
export function valuesDiffer(row: object, values: object): boolean {
  const stored = row as Record<string, unknown>;
  return Object.entries(values).some(([k, v]) => !sameValue(stored[k], v));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (a instanceof Date || b instanceof Date) return new Date(a as Date).getTime() === new Date(b as Date).getTime();
  if (typeof a === "number" && typeof b === "number") return Math.fround(a) === Math.fround(b);
  if (typeof a === "object" && typeof b === "object") return stableJson(a) === stableJson(b);
  return a === b;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}
