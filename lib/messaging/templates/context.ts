import type { Event, AgendaItem, Contractor, Attendee, Message } from "@/db/schema";
import type { EmailAttachment } from "@/lib/channels/types";
import type { FollowupFacts } from "../send-context";

/** Absolute URLs, already carrying the attendee's token where one is needed. */
export type RenderLinks = {
  event: string;
  profile: string;
  checkIn: string;
  agenda: string;
  unsubscribe: string;
  unsubscribeOneClick: string;
  calendar: string;
  /** The post-event feedback form (lib/followup). */
  feedback: string;
  /** The check-in QR as a hosted image (lib/messaging/qr-link.ts): emails carry no attachment for it. */
  qrImage: string;
};

export type RenderContext = {
  message: Pick<Message, "id" | "type" | "channel" | "dedupeKey" | "personalization" | "scheduledFor">;
  event: Event;
  agenda: AgendaItem[];
  contractor: Contractor;
  attendee: Attendee;
  links: RenderLinks;
  organizer: { name: string; email?: string | null; phone?: string | null };
  /** Facts read at send for the follow-ups: the connection summary (lib/followup). */
  followup?: FollowupFacts;
};

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  headers: Record<string, string>;
};
