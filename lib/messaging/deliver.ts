import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventMessages, type Message, type MessageStatus } from "@/db/schema";
import type { Channels, SendResult } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { attendeeLinks } from "./links";
import { eventMessagingNotPaused } from "./message-center";
import { loadSendContext, type EventCache, type SendContext } from "./send-context";
import { decideAtSend } from "./skip-rules";
import { renderEmail, renderSms } from "./templates";

/** SPEC §4: the first try plus 3 retries, 5 s, 10 s, 20 s apart. */
export const RETRY_BACKOFF_MS = [5_000, 10_000, 20_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

export type DeliveryOutcome =
  | { status: "sent" | "skipped" | "failed" | "cancelled"; reason?: string }
  | { status: "retry"; retryAt: Date; reason: string }
  | { status: "uncertain"; reason: string }
  | { status: "not-due"; dueAt: Date }
  | { status: "not-claimed"; current: MessageStatus | "missing" };

export type DeliveryDeps = { channels: Channels; now?: () => Date; eventCache?: EventCache };

const due = sql`coalesce(${eventMessages.nextAttemptAt}, ${eventMessages.scheduledFor})`;
/** A Date compared with an SQL expression needs an explicit cast (postgres-js cannot infer it). */
const at_ = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function claimSet(at: Date) {
  return { status: "sending" as const, attempts: sql`${eventMessages.attempts} + 1`, claimedAt: at, updatedAt: at };
}

/**
 * Claims one row by a single atomic status change (scheduled → sending), so two
 * drivers or two retries can never send it twice, then delivers it.
 */
export async function deliverMessage(db: Db, messageId: string, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const at = (deps.now ?? clockNow)();
  const [row] = await db
    .update(eventMessages)
    .set(claimSet(at))
    .where(and(eq(eventMessages.id, messageId), eq(eventMessages.status, "scheduled"), lte(due, at_(at)), eventMessagingNotPaused()))
    .returning();
  if (row) return processClaimed(db, row, deps);
  const [current] = await db
    .select({ status: eventMessages.status, scheduledFor: eventMessages.scheduledFor, nextAttemptAt: eventMessages.nextAttemptAt })
    .from(eventMessages)
    .where(eq(eventMessages.id, messageId));
  if (current?.status === "scheduled") return { status: "not-due", dueAt: current.nextAttemptAt ?? current.scheduledFor };
  return { status: "not-claimed", current: current?.status ?? "missing" };
}

/** The local driver's claim: up to `limit` due rows at once, skipping rows another worker holds. */
export async function claimDueMessages(db: Db, limit: number, at: Date, opts: { overdueByMs?: number } = {}): Promise<Message[]> {
  const cutoff = new Date(at.getTime() - (opts.overdueByMs ?? 0));
  const dueIds = db
    .select({ id: eventMessages.id })
    .from(eventMessages)
    .where(and(eq(eventMessages.status, "scheduled"), lte(due, at_(cutoff)), eventMessagingNotPaused()))
    .orderBy(due)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(eventMessages)
    .set(claimSet(at))
    .where(and(inArray(eventMessages.id, dueIds), eq(eventMessages.status, "scheduled")))
    .returning();
}

export async function processClaimed(db: Db, row: Message, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const at = (deps.now ?? clockNow)();
  const ctx = await loadSendContext(db, row, deps.eventCache);
  if (!ctx) return finish(db, row.id, { status: "failed", statusReason: "event or contact no longer exists" });
  const decision = decideAtSend(row, ctx, at);
  if (decision.action !== "send") {
    const status = decision.action === "skip" ? "skipped" : "cancelled";
    return finish(db, row.id, { status, statusReason: decision.reason });
  }
  let rendered: Rendered;
  try {
    rendered = await render(row, ctx);
  } catch (err) {
    return finish(db, row.id, { status: "failed", statusReason: `could not render: ${errorText(err)}` });
  }
  const result = await sendRendered(row, rendered, deps.channels);
  const recorded = {
    toAddress: rendered.to,
    renderedSubject: rendered.subject ?? null,
    renderedBody: rendered.text,
    renderedHtml: rendered.html ?? null,
  };
  if (result.ok) {
    return finish(db, row.id, {
      ...recorded,
      status: "sent",
      statusReason: null,
      provider: result.provider,
      providerMessageId: result.providerMessageId,
      actualSendTime: at,
      lastError: null,
      uncertainSince: null,
    });
  }
  if (result.kind === "uncertain") {
    await db
      .update(eventMessages)
      .set({ ...recorded, uncertainSince: at, lastError: result.reason, updatedAt: at })
      .where(eq(eventMessages.id, row.id));
    return { status: "uncertain", reason: result.reason };
  }
  if (result.kind === "transient" && row.attempts < MAX_ATTEMPTS) {
    const backoff = Math.max(RETRY_BACKOFF_MS[row.attempts - 1] ?? 20_000, result.retryAfterMs ?? 0);
    const retryAt = new Date(at.getTime() + backoff);
    await db
      .update(eventMessages)
      .set({ ...recorded, status: "scheduled", nextAttemptAt: retryAt, lastError: result.reason, updatedAt: at })
      .where(eq(eventMessages.id, row.id));
    return { status: "retry", retryAt, reason: result.reason };
  }
  const reason = result.kind === "transient" ? `gave up after ${row.attempts} attempts: ${result.reason}` : result.reason;
  return finish(db, row.id, { ...recorded, status: "failed", statusReason: reason, lastError: result.reason });
}

type Rendered = { to: string; subject?: string; text: string; html?: string; email?: Awaited<ReturnType<typeof renderEmail>> };

async function render(row: Message, ctx: SendContext): Promise<Rendered> {
  if (!ctx.attendee) throw new Error("message has no registration to render for");
  const renderCtx = {
    message: row,
    event: ctx.event,
    agenda: ctx.agenda,
    contractor: ctx.contractor,
    attendee: ctx.attendee,
    links: attendeeLinks(ctx.event, ctx.attendee),
    organizer: {
      name: ctx.event.organizerName ?? ctx.event.name,
      email: ctx.event.organizerEmail,
      phone: ctx.event.organizerPhone,
    },
  };
  if (row.channel === "sms") return { to: ctx.contractor.phone!, text: renderSms(renderCtx) };
  const email = await renderEmail(renderCtx);
  return { to: ctx.contractor.email, subject: email.subject, text: email.text, html: email.html, email };
}

function sendRendered(row: Message, r: Rendered, channels: Channels): Promise<SendResult> {
  if (row.channel === "sms") return channels.sms.send({ messageId: row.id, to: r.to, body: r.text });
  const e = r.email!;
  return channels.email.send({
    messageId: row.id,
    to: r.to,
    subject: e.subject,
    html: e.html,
    text: e.text,
    attachments: e.attachments,
    headers: e.headers,
  });
}

async function finish(
  db: Db,
  id: string,
  set: Partial<typeof eventMessages.$inferInsert> & { status: MessageStatus },
): Promise<DeliveryOutcome> {
  await db.update(eventMessages).set({ ...set, nextAttemptAt: null, updatedAt: sql`now()` }).where(eq(eventMessages.id, id));
  return { status: set.status as "sent" | "skipped" | "failed" | "cancelled", reason: set.statusReason ?? undefined };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
