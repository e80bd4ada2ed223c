"use server";

import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import { previewHtml } from "@/lib/messaging/message-center";
import { getEventMessage } from "@/lib/messaging/outbox";

export type EmailPreviewResult = { ok: true; html: string | null; text: string | null } | { ok: false; message: string };

/**
 * The rendered HTML and text of one email, loaded when the admin opens it, so
 * the outbox page does not carry every email's HTML.
 */
export const loadEmailPreview = action(
  {
    auth: "admin",
    args: [uuid, uuid, uuid],
    onError: (e): EmailPreviewResult => ({ ok: false, message: e.status === 401 || e.status === 403 ? "Only organizers can read messages." : "No such message." }),
  },
  async ({ args: [eventId, attendeeId, messageId] }): Promise<EmailPreviewResult> => {
    const message = await getEventMessage(await getDb(), eventId, messageId);
    if (!message || message.attendeeId !== attendeeId || message.channel !== "email") return { ok: false, message: "No such message." };
    // The QR is a hosted image (decision 0197); rows rendered before that carry a cid: attachment, shown as a data: URL.
    return { ok: true, html: await previewHtml(await getDb(), message.renderedHtml, attendeeId), text: message.renderedBody };
  },
);
