import { eq } from "drizzle-orm";
import type { LanguageModel } from "ai";
import type { Db } from "@/db/client";
import { aiConversationMemory, aiLearningEvents, contractors, inboundMessages } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { answerQuestion } from "@/lib/concierge";
import { helpReply } from "@/lib/concierge/deterministic";
import type { SavedMessage } from "@/lib/messaging/store";
import { parseIntents, type Intent } from "./intents";
import { markOptedIn, markOptedOut } from "./opt-out";
import { answerAttendance, answerIntroduction, type Handled } from "./peers";
import { latestOpen, openPrompts, type Prompt } from "./prompts";
import { bundleOf, recordRating } from "./ratings";
import { dispatchReplies, queueReply } from "./replies";
import { findSenderByPhone, type Sender } from "./sender";
import { recordAttended, recordBoothVisits } from "./visits";

/**
 * The inbound pipeline (SPEC §6), shared by the Twilio webhook and the console's
 * simulator: store the text once per provider id, find who sent it, then in order:
 * opt-out, opt-in, help, YES/NO, rating, booths, "here", and the concierge for the
 * rest. The answer is one outbox row (`sms_reply`), so it is sent, retried and shown
 * like every other message.
 */
export type InboundSms = { sid: string; from: string; body: string };
export type InboundDeps = { at?: Date; model?: LanguageModel | null; conciergeTimeoutMs?: number; senderOverride?: Sender };
export type InboundResult =
  | { duplicate: true }
  | { duplicate: false; inboundId: string; handledAs: string; reply: string | null; replyMessageId: string | null; outbox: SavedMessage[] };

type Known = Sender & { attendee: NonNullable<Sender["attendee"]>; event: NonNullable<Sender["event"]> };

export async function handleInboundSms(db: Db, sms: InboundSms, deps: InboundDeps = {}): Promise<InboundResult> {
  const at = deps.at ?? clockNow();
  const started = performance.now();
  const body = sms.body.slice(0, 1600);
  const [row] = await db
    .insert(inboundMessages)
    .values({ providerSid: sms.sid, fromPhone: sms.from, body, receivedAt: at })
    .onConflictDoNothing({ target: inboundMessages.providerSid })
    .returning({ id: inboundMessages.id });
  if (!row) return { duplicate: true };

  const sender = deps.senderOverride ?? (await findSenderByPhone(db, sms.from));
  const finish = async (r: { handledAs: string; intents?: Intent[]; reply?: string | null; outbox?: SavedMessage[]; needsStaff?: boolean; promptId?: string; extra?: Record<string, unknown> }) => {
    let replyRow: (SavedMessage & { body: string }) | null = null;
    if (r.reply && sender?.attendee && sender.event) {
      const owner = { eventId: sender.event.id, attendeeId: sender.attendee.id, contractorId: sender.contractor.id };
      replyRow = await queueReply(db, owner, r.reply, at, { inReplyTo: row.id, author: r.handledAs.startsWith("concierge") ? "concierge" : "system" });
    }
    const outbox = [...(r.outbox ?? []), ...(replyRow ? [replyRow] : [])];
    const processingMs = Math.round(performance.now() - started);
    await db
      .update(inboundMessages)
      .set({
        contractorId: sender?.contractor.id ?? null, eventId: sender?.event?.id ?? null, attendeeId: sender?.attendee?.id ?? null,
        intents: (r.intents ?? []) as Array<Record<string, unknown>>, handledAs: r.handledAs, replyMessageId: replyRow?.id ?? null,
        needsStaff: r.needsStaff ?? false, promptMessageId: r.promptId ?? null, processingMs,
      })
      .where(eq(inboundMessages.id, row.id));
    if (sender) {
      const memory = [{ contractorId: sender.contractor.id, eventId: sender.event?.id ?? null, role: "user", channel: "sms", content: body, createdAt: at }];
      if (replyRow) memory.push({ ...memory[0], role: "assistant", content: replyRow.body, createdAt: new Date(at.getTime() + 1) });
      await db.insert(aiConversationMemory).values(memory);
      await db.insert(aiLearningEvents).values({
        eventType: "sms_exchange", contractorId: sender.contractor.id, eventId: sender.event?.id ?? null, action: r.handledAs,
        outcome: r.needsStaff ? "handoff" : "answered",
        context: { inboundId: row.id, text: body, intents: r.intents ?? [], reply: replyRow?.body ?? null, processingMs, ...r.extra },
      });
    }
    await dispatchReplies(outbox);
    return { duplicate: false as const, inboundId: row.id, handledAs: r.handledAs, reply: replyRow?.body ?? null, replyMessageId: replyRow?.id ?? null, outbox };
  };

  if (!sender) return finish({ handledAs: "unknown_sender" });
  await db.update(contractors).set({ lastInteractionAt: at }).where(eq(contractors.id, sender.contractor.id));

  const first = parseIntents(body);
  if (first[0]?.kind === "opt_out") {
    const r = await markOptedOut(db, sms.from, at);
    // No reply: Twilio's opt-out handling confirms it, and we may not text an opted-out number.
    return finish({ handledAs: "opt_out", intents: first, extra: { skipped: r.skipped } });
  }
  if (first[0]?.kind === "opt_in") {
    await markOptedIn(db, sms.from, at);
    return finish({ handledAs: "opt_in", intents: first, reply: "You're subscribed to event texts again. Reply STOP to opt out." });
  }
  if (first[0]?.kind === "help") {
    const e = sender.event;
    const info = { event: { organizer: e?.organizerName ?? e?.name ?? "TPX Events", organizerPhone: e?.organizerPhone ?? null, organizerEmail: e?.organizerEmail ?? null } };
    return finish({ handledAs: "help", intents: first, reply: helpReply(info) });
  }
  if (!sender.attendee || !sender.event) return finish({ handledAs: "no_registration", intents: first });
  return finish(await route(db, sender as Known, body, at, deps));
}

async function route(db: Db, s: Known, body: string, at: Date, deps: InboundDeps) {
  const prompts = await openPrompts(db, s.attendee.id, at);
  const intents = parseIntents(body, prompts[0]?.expecting ?? null, { bundleSize: bundleOf(prompts[0])?.length });
  const replies: string[] = [];
  const outbox: SavedMessage[] = [];
  const handled: string[] = [];
  let needsStaff = false;
  let promptId: string | undefined;
  const answered: string[] = [];
  const tagged: Array<Intent & { promptId?: string }> = [];
  let current: string | undefined;
  const answering = (p: Prompt | undefined) => {
    if (p) answered.push(p.message.id);
    promptId ??= p?.message.id;
    current = p?.message.id;
    return p;
  };
  const take = (h: Handled) => {
    replies.push(h.reply);
    outbox.push(...h.outbox);
    handled.push(h.handledAs);
  };

  for (const intent of intents) {
    current = undefined;
    await routeOne(intent);
    tagged.push(current ? { ...intent, promptId: current } : intent);
  }

  async function routeOne(intent: Intent) {
    if (intent.kind === "yes" || intent.kind === "no") {
      const p = answering(latestOpen(prompts, ["intro", "attendance"]));
      if (!p) take({ handledAs: `${intent.kind}_without_prompt`, reply: "Thanks! There's no introduction waiting for your answer right now.", outbox: [] });
      else if (p.expecting === "intro") take(await answerIntroduction(db, s, p, intent.kind === "yes", at));
      else take(await answerAttendance(db, s, p, intent.kind === "yes", at));
    } else if (intent.kind === "rating") {
      const open = latestOpen(prompts, ["rating"]);
      const h = open ? await recordRating(db, s, open, intent, at) : null;
      // A reply we had to ask back about ("which talk?") leaves the request open for the answer.
      if (h && open) {
        if (h.handledAs !== "rating_ambiguous" && h.handledAs !== "rating_missing") answering(open);
        take(h);
      } else take({ handledAs: "rating_without_request", reply: "Thanks for the rating! There's nothing waiting for one right now; we'll text you after your next session.", outbox: [] });
    } else if (intent.kind === "booths") {
      const p = answering(latestOpen(prompts, ["booths"]));
      if (p) take(await recordBoothVisits(db, s, p, intent.booths, at));
    } else if (intent.kind === "here" && latestOpen(prompts, ["alert"])) {
      take(await recordAttended(db, s, answering(latestOpen(prompts, ["alert"]))!, at));
    } else {
      const question = intent.kind === "question" ? intent.text : body;
      const a = await answerQuestion(db, s, question, at, { model: deps.model, timeoutMs: deps.conciergeTimeoutMs });
      needsStaff ||= a.handoff;
      take({ handledAs: a.handoff ? "handoff" : `concierge_${a.source}`, reply: a.answer, outbox: [] });
      if (a.rejected) handled.push(`rejected:${a.rejected.join("; ")}`.slice(0, 300));
    }
  }

  const handledAs = handled.filter((h) => !h.startsWith("rejected:")).join("+") || "ignored";
  return {
    handledAs, intents: tagged as Intent[], reply: replies.join(" ") || null, outbox, needsStaff, promptId,
    extra: { rejected: handled.filter((h) => h.startsWith("rejected:")), answeredPrompts: answered },
  };
}

