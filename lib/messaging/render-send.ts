import { smsStatusCallbackUrl } from "@/lib/inbound/urls";
import type { Message } from "@/db/schema";
import type { Channels, OutgoingEmail, SendResult } from "@/lib/channels/types";
import { attendeeLinks } from "./links";
import type { SendContext } from "./send-context";
import { renderEmail, renderSms } from "./templates";

export type Rendered = { to: string; subject?: string; text: string; html?: string; email?: Awaited<ReturnType<typeof renderEmail>> };

/**
 * The message as it goes out. A row that already carries a rendering from an earlier
 * attempt (a crash, a retry) goes out byte for byte the same: Resend answers a repeated
 * Idempotency-Key with a changed payload by 409, and the SMS lookup matches on the body.
 */
export async function renderForSend(row: Message, ctx: SendContext): Promise<Rendered> {
  if (!ctx.attendee) throw new Error("message has no registration to render for");
  const renderCtx = {
    message: row,
    event: ctx.event,
    agenda: ctx.agenda,
    contractor: ctx.contractor,
    attendee: ctx.attendee,
    links: attendeeLinks(ctx.event, ctx.attendee),
    followup: ctx.followup,
    organizer: {
      name: ctx.event.organizerName ?? ctx.event.name,
      email: ctx.event.organizerEmail,
      phone: ctx.event.organizerPhone,
    },
  };
  const earlier = row.toAddress && row.renderedBody ? row : null;
  if (row.channel === "sms") {
    if (earlier) return { to: earlier.toAddress!, text: earlier.renderedBody! };
    return { to: ctx.contractor.phone!, text: renderSms(renderCtx) };
  }
  const email = await renderEmail(renderCtx);
  if (earlier && earlier.renderedHtml && earlier.renderedSubject !== null) {
    const same = { ...email, subject: earlier.renderedSubject, html: earlier.renderedHtml, text: earlier.renderedBody! };
    return { to: earlier.toAddress!, subject: same.subject, text: same.text, html: same.html, email: same };
  }
  return { to: ctx.contractor.email, subject: email.subject, text: email.text, html: email.html, email };
}

export function sendRendered(row: Message, r: Rendered, channels: Channels, from?: string): Promise<SendResult> {
  if (row.channel === "sms") return channels.sms.send({ messageId: row.id, to: r.to, body: r.text, statusCallback: smsStatusCallbackUrl(), ...(from && { from }) });
  return channels.email.send(toOutgoingEmail(row, r));
}

export function toOutgoingEmail(row: Message, r: Rendered): OutgoingEmail {
  const e = r.email!;
  return { messageId: row.id, to: r.to, subject: e.subject, html: e.html, text: e.text, attachments: e.attachments, headers: e.headers };
}
