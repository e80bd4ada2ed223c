import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events } from "@/db/schema";

export type ChaosPlan = { total: number; cancels: number; windowMs: number; smsShare: number };
export type SeededRow = { id: string; channel: "email" | "sms"; to: string; dueMs: number; cancelAtMs: number | null };

/** A fresh database for one phase (dropped first), migrated by openDatabase. */
export async function freshDatabase(baseUrl: string, name: string): Promise<{ url: string; handle: DbHandle }> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), handle: await openDatabase({ url: url.toString() }) };
}

/**
 * `total` outbox rows due uniformly over `windowMs` from t0, one per person (so the
 * fakes can tell rows apart by recipient); `cancels` of them profile reminders that
 * the runner cancels at T−5 s, T−1 s or T.
 */
export async function seedChaos(h: DbHandle, plan: ChaosPlan, t0: number, random: () => number): Promise<SeededRow[]> {
  const [event] = await h.db
    .insert(events)
    .values({
      name: "Chaos Summit", slug: `chaos-${t0}`, timezone: "America/Chicago", venue: "Hall", address: "1 Main St",
      startsAt: new Date(t0 + 3 * 86_400_000), endsAt: new Date(t0 + 3 * 86_400_000 + 8 * 3_600_000), status: "published",
    })
    .returning();
  const rows: SeededRow[] = [];
  for (let start = 0; start < plan.total; start += 1000) {
    const n = Math.min(1000, plan.total - start);
    const people = await h.db
      .insert(contractors)
      .values(Array.from({ length: n }, (_, k) => {
        const i = start + k;
        return { email: `chaos${i}@example.com`, firstName: `P${i}`, phone: `+1512${String(1_000_000 + i).slice(-7)}`, smsOptIn: true };
      }))
      .returning({ id: contractors.id, email: contractors.email, phone: contractors.phone });
    const regs = await h.db
      .insert(eventAttendees)
      .values(people.map((p, k) => ({
        eventId: event.id, contractorId: p.id, registrationDate: new Date(t0 - 86_400_000),
        qrCodeData: `qr-${start + k}`, accessToken: `tok-${start + k}-${t0}`,
      })))
      .returning({ id: eventAttendees.id });
    const values = people.map((p, k) => {
      const i = start + k;
      const channel = random() < plan.smsShare ? ("sms" as const) : ("email" as const);
      const dueMs = t0 + 5_000 + Math.floor(random() * (plan.windowMs - 5_000));
      const cancel = i < plan.cancels;
      const cancelAtMs = cancel ? dueMs - [5_000, 1_000, 0][i % 3] : null;
      rows.push({ id: "", channel, to: channel === "sms" ? p.phone! : p.email, dueMs, cancelAtMs });
      return {
        eventId: event.id, attendeeId: regs[k].id, contractorId: p.id, channel, dedupeKey: "chaos",
        type: cancel ? ("profile_completion_reminder" as const) : ("registration_confirmation" as const),
        scheduledFor: new Date(dueMs),
      };
    });
    const ids = await h.db.insert(eventMessages).values(values).returning({ id: eventMessages.id });
    ids.forEach((r, k) => (rows[start + k].id = r.id));
  }
  return rows;
}
