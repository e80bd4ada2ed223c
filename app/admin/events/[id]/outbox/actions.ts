"use server";

import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEventMessage } from "@/lib/messaging/outbox";

export type EmailPreviewResult = { ok: true; html: string | null; text: string | null } | { ok: false; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rendered HTML and text of one email, loaded when the admin opens it, so
 * the outbox page does not carry every email's HTML.
 */
export async function loadEmailPreview(eventId: string, attendeeId: string, messageId: string): Promise<EmailPreviewResult> {
  const auth = await requireUser("admin", `/admin/events/${encodeURIComponent(eventId)}/outbox`);
  if (!auth.ok) return { ok: false, message: "Only organizers can read messages." };
  if (![eventId, attendeeId, messageId].every((v) => UUID.test(v))) return { ok: false, message: "No such message." };
  const message = await getEventMessage(await getDb(), eventId, messageId);
  if (!message || message.attendeeId !== attendeeId || message.channel !== "email") return { ok: false, message: "No such message." };
  return { ok: true, html: message.renderedHtml, text: message.renderedBody };
}
