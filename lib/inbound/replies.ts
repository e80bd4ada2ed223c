import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { eventMessages } from "@/db/schema";
import { dispatchScheduledMessages } from "@/lib/jobs/dispatch";
import type { SavedMessage } from "@/lib/messaging/store";
import { fitSegments } from "./segments";

export type ReplyOwner = { eventId: string; attendeeId: string; contractorId: string };

/**
 * A reply is an outbox row like every other message (SPEC §3), type `sms_reply`, due now.
 * Quiet hours do not apply: the person texted us a moment ago. The skip rules still
 * apply at send (an opted-out number gets nothing).
 */
export async function queueReply(
  db: Db,
  owner: ReplyOwner,
  body: string,
  at: Date,
  meta: { inReplyTo?: string; author?: "concierge" | "system" | "staff"; staffUserId?: string } = {},
): Promise<SavedMessage & { body: string }> {
  const text = fitSegments(body);
  const [row] = await db
    .insert(eventMessages)
    .values({
      ...owner,
      type: "sms_reply",
      channel: "sms",
      dedupeKey: `reply-${meta.inReplyTo ?? randomUUID()}-${randomUUID().slice(0, 8)}`,
      scheduledFor: at,
      personalization: { body: text, inReplyTo: meta.inReplyTo ?? null, author: meta.author ?? "system", staffUserId: meta.staffUserId ?? null },
    })
    .returning({ id: eventMessages.id, scheduledFor: eventMessages.scheduledFor });
  return { ...row, body: text };
}

/** Hands rows to Inngest when configured; the local driver otherwise finds them due within 5 s. */
export async function dispatchReplies(rows: SavedMessage[]): Promise<void> {
  const result = await dispatchScheduledMessages(rows);
  if (result.error) console.warn(`[inbound] reply dispatch failed; the sweep will send it: ${result.error}`);
}
