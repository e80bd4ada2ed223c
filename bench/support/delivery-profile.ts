import { performance } from "node:perf_hooks";
import { render, toPlainText } from "@react-email/render";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees, eventMessages, events, type Event, type Message, type MessageType } from "@/db/schema";
import { createDevEmailChannel, createDevSmsChannel } from "@/lib/channels/dev-outbox";
import { now } from "@/lib/clock";
import { getAgenda } from "@/lib/events/queries";
import { claimDueMessages, processClaimed } from "@/lib/messaging/deliver";
import { attendeeLinks } from "@/lib/messaging/links";
import { qrPngBase64 } from "@/lib/messaging/qr";
import { loadSendContext } from "@/lib/messaging/send-context";
import { decideAtSend } from "@/lib/messaging/skip-rules";
import { renderEmail, renderSms } from "@/lib/messaging/templates";
import { EMAIL_BUILDERS } from "@/lib/messaging/templates/email-builders";
import type { FigureRow } from "../registry";
import { round, runPool, timed } from "./measure";

const BATCH = 100;
const channels = { email: createDevEmailChannel(), sms: createDevSmsChannel() };

type Phases = Record<string, number>;

/** renderEmail's plain-text options (lib/messaging/templates/index.ts). */
const PLAIN_TEXT_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "img", format: "skip" },
  ],
};

/**
 * Where one message's time goes on its way through processClaimed, measured
 * serially (one at a time, nothing else running) on rows that were just sent:
 * the same queries as loadSendContext, the template steps renderEmail takes, the
 * dev-outbox send and the final UPDATE. Plus the driver's real batch shape
 * (claimDueMessages(100), then processClaimed serially and with a pool of 8).
 */
export async function profileDelivery(db: Db, event: Event, type: MessageType, sample: number) {
  const batches = await measureBatches(db, event, type, sample);
  const rows = await db
    .select()
    .from(eventMessages)
    .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, type)))
    .limit(sample);
  const perChannel: Record<"email" | "sms", Phases[]> = { email: [], sms: [] };
  for (const row of rows) perChannel[row.channel].push(await phasesOf(db, row));
  const mean = (list: Phases[], key: string) => list.reduce((a, p) => a + (p[key] ?? 0), 0) / Math.max(1, list.length);
  const keys = [...new Set([...perChannel.email, ...perChannel.sms].flatMap((p) => Object.keys(p)))];
  const claimPerMsg = batches.claimMs / BATCH;
  const mix = (k: string) => (mean(perChannel.email, k) + mean(perChannel.sms, k)) / 2;
  const parts = keys.filter((k) => !k.startsWith("  ") && k !== "loadSendContext (as is)");
  const serialMix = claimPerMsg + parts.reduce((a, k) => a + mix(k), 0);
  const phases: FigureRow[] = [
    { phase: "claim (claimDueMessages(100) ÷ 100)", "email ms": round(claimPerMsg, 3), "sms ms": round(claimPerMsg, 3), "mix ms": round(claimPerMsg, 3), share: pct(claimPerMsg, serialMix) },
    ...keys.map((k) => ({
      phase: k,
      "email ms": round(mean(perChannel.email, k), 3),
      "sms ms": round(mean(perChannel.sms, k), 3),
      "mix ms": round(mix(k), 3),
      share: parts.includes(k) ? pct(mix(k), serialMix) : "",
    })),
    { phase: "total (50/50 email/SMS)", "email ms": null, "sms ms": null, "mix ms": round(serialMix, 2), share: "100%" },
  ];

  const batchCtxMs = await batchedContextLoad(db, rows.slice(0, BATCH));
  const ctxPerMsg = mix("contractor query") + mix("event query") + mix("attendee query") + mix("agenda query");
  const batchedCtx = ctxPerMsg - batchCtxMs / BATCH;
  const qr = mix("  of which: QR PNG");
  const text = mix("  of which: plain-text render") - mix("  alternative: toPlainText(html)");
  /** Candidate changes to lib/, each with the ms per message (50/50 mix) it would save, from the figures above. */
  const savings: Array<{ change: string; savedMs: number }> = [
    { change: "cache the event + agenda per claimed batch", savedMs: mix("event query") + mix("agenda query") },
    {
      change: `load the batch's context in 3 queries (measured ${batchCtxMs.toFixed(1)} ms per ${BATCH} rows, vs ${(ctxPerMsg * BATCH).toFixed(0)} ms one by one)`,
      savedMs: batchedCtx,
    },
    { change: "make each attendee's QR PNG once (store or cache it) instead of per email", savedMs: qr },
    { change: "derive the plain text from the rendered HTML (toPlainText) instead of a second React render", savedMs: text },
    { change: "all three above (batch context + QR once + toPlainText)", savedMs: batchedCtx + qr + text },
  ];
  const notes = [
    `serial cost ${serialMix.toFixed(2)} ms/message on the 50/50 mix (≈ ${Math.round(1000 / serialMix)} msg/s on one thread); ` +
      `the driver's shape on ${BATCH} re-queued rows: ${Math.round(batches.serialMsgPerSec)} msg/s one at a time, ${Math.round(batches.pooledMsgPerSec)} msg/s with its pool of 8.`,
  ];
  return { phases, batches: batches.rows, notes, serialMix, savings };
}


function pct(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

async function lap<T>(phases: Phases, key: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await fn();
  phases[key] = (phases[key] ?? 0) + (performance.now() - start);
  return value;
}

/** processClaimed's steps, one by one, with the same queries and templates. */
async function phasesOf(db: Db, row: Message): Promise<Phases> {
  const p: Phases = {};
  await lap(p, "loadSendContext (as is)", () => loadSendContext(db, row));
  const [contractor] = await lap(p, "contractor query", () => db.select().from(contractors).where(eq(contractors.id, row.contractorId)));
  const [event] = await lap(p, "event query", () => db.select().from(events).where(eq(events.id, row.eventId!)));
  const [attendee] = await lap(p, "attendee query", () => db.select().from(eventAttendees).where(eq(eventAttendees.id, row.attendeeId!)));
  const agenda = await lap(p, "agenda query", () => getAgenda(db, event.id));
  // Rows here carry no sponsorId, so loadSendContext makes no fifth (sponsor) query either.
  await lap(p, "decideAtSend", () => decideAtSend(row, { event, attendee, contractor, agenda, sponsor: null }, now()));
  const ctx = {
    message: row,
    event,
    agenda,
    contractor,
    attendee,
    links: attendeeLinks(event, attendee),
    organizer: { name: event.organizerName ?? event.name, email: event.organizerEmail, phone: event.organizerPhone },
  };
  let recorded: { toAddress: string; renderedSubject: string | null; renderedBody: string; renderedHtml: string | null };
  if (row.channel === "sms") {
    const body = await lap(p, "render", () => renderSms(ctx));
    await lap(p, "send (dev outbox)", () => channels.sms.send({ messageId: row.id, to: contractor.phone!, body }));
    recorded = { toAddress: contractor.phone!, renderedSubject: null, renderedBody: body, renderedHtml: null };
  } else {
    const email = await lap(p, "render", () => renderEmail(ctx));
    // renderEmail's insides, timed again separately: builder (with the QR PNG), HTML, plain text.
    await lap(p, "  of which: QR PNG", () => qrPngBase64(attendee.qrCodeData));
    const spec = await lap(p, "  of which: builder (incl. QR)", () => EMAIL_BUILDERS[row.type]!(ctx));
    await lap(p, "  of which: HTML render", () => render(spec.element));
    await lap(p, "  of which: plain-text render", () => render(spec.element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS }));
    await lap(p, "  alternative: toPlainText(html)", () => toPlainText(email.html, PLAIN_TEXT_OPTIONS));
    await lap(p, "send (dev outbox)", () => channels.email.send({ messageId: row.id, to: contractor.email, ...email }));
    recorded = { toAddress: contractor.email, renderedSubject: email.subject, renderedBody: email.text, renderedHtml: email.html };
  }
  const at = now();
  await lap(p, "final UPDATE", () =>
    db
      .update(eventMessages)
      .set({ ...recorded, status: "sent", provider: "dev-outbox", providerMessageId: `dev_${row.id}`, actualSendTime: at, nextAttemptAt: null, updatedAt: sql`now()` })
      .where(eq(eventMessages.id, row.id)),
  );
  return p;
}

/** The alternative to 4 queries per message: contractors, attendees, then event + agenda, once per batch. */
async function batchedContextLoad(db: Db, rows: Message[]): Promise<number> {
  const { ms } = await timed(async () => {
    await db.select().from(contractors).where(inArray(contractors.id, rows.map((r) => r.contractorId)));
    await db.select().from(eventAttendees).where(inArray(eventAttendees.id, rows.map((r) => r.attendeeId!)));
    const [event] = await db.select().from(events).where(eq(events.id, rows[0].eventId!));
    await getAgenda(db, event.id);
  });
  return ms;
}

/** Re-queues `sample` sent rows as due now and drains them the way the driver does, batch by batch. */
async function measureBatches(db: Db, event: Event, type: MessageType, sample: number) {
  const ids = (
    await db
      .select({ id: eventMessages.id })
      .from(eventMessages)
      .where(and(eq(eventMessages.eventId, event.id), eq(eventMessages.type, type)))
      .limit(Math.max(2, Math.floor(sample / BATCH)) * BATCH)
  ).map((r) => r.id);
  await db
    .update(eventMessages)
    .set({ status: "scheduled", scheduledFor: new Date(now().getTime() - 1_000), nextAttemptAt: null, actualSendTime: null })
    .where(inArray(eventMessages.id, ids));
  const claims: number[] = [];
  const serial: number[] = [];
  const pooled: number[] = [];
  for (let b = 0; b * BATCH < ids.length; b++) {
    const claim = await timed(() => claimDueMessages(db, BATCH, now()));
    claims.push(claim.ms);
    const shape = b % 2 === 0 ? serial : pooled;
    const { ms } = await timed(() => runPool(claim.value, b % 2 === 0 ? 1 : 8, (row) => processClaimed(db, row, { channels })));
    shape.push(claim.ms + ms);
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const claimMs = avg(claims);
  const rows: FigureRow[] = [
    { step: "claimDueMessages(100)", batches: claims.length, "ms per batch": round(claimMs, 1), "msg/s": null },
    { step: "claim + processClaimed, one at a time", batches: serial.length, "ms per batch": round(avg(serial), 1), "msg/s": round((BATCH * 1000) / avg(serial)) },
    { step: "claim + processClaimed, pool of 8 (driver)", batches: pooled.length, "ms per batch": round(avg(pooled), 1), "msg/s": round((BATCH * 1000) / avg(pooled)) },
  ];
  return { rows, claimMs, serialMsgPerSec: (BATCH * 1000) / avg(serial), pooledMsgPerSec: (BATCH * 1000) / avg(pooled) };
}
