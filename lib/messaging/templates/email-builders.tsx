import type { ReactElement } from "react";
import { POST_EVENT_EMAILS } from "./emails/post-event";
import type { MessageType } from "@/db/schema";
import type { EmailAttachment } from "@/lib/channels/types";
import { buildEventIcs, ICS_CONTENT_TYPE } from "@/lib/calendar/ics";
import type { RenderContext } from "./context";
import type { FooterProps } from "./components/layout";
import type { CheckInReminderProps } from "./components/check-in-reminder";
import { capitalize, eventWindow, formatDateTime, formatRange, formatTime, hi, whereLine } from "./format";
import { missingProfileFieldLabels } from "./profile-fields";
import { agendaCounts } from "./personalization";
import RegistrationConfirmationEmail, { registrationConfirmationSubject } from "./emails/registration-confirmation";
import CheckInReminderNightBeforeEmail, { checkInReminderNightBeforeSubject } from "./emails/check-in-reminder-night-before";
import CheckInReminder1HourEmail, { checkInReminder1HourSubject } from "./emails/check-in-reminder-1-hour";
import CheckInReminderEventStartEmail, { checkInReminderEventStartSubject } from "./emails/check-in-reminder-event-start";
import ProfileCompletionReminderEmail, { profileCompletionReminderSubject } from "./emails/profile-completion-reminder";
import AgendaReadyEmail, { agendaReadySubject } from "./emails/agenda-ready";

/** What each email type turns a RenderContext into, before HTML/text rendering. */
export type EmailSpec = { subject: string; element: ReactElement; attachments: EmailAttachment[] };
type EmailBuilder = (ctx: RenderContext) => Promise<EmailSpec>;

/** The add-to-calendar file the confirmation carries (SPEC §3), English and Spanish alike. */
export function icsAttachment(ctx: RenderContext): EmailAttachment {
  // One UID per registration, on the app's own host, so a re-sent invite updates the entry.
  const uid = `${ctx.attendee.id}@${new URL(ctx.links.event).host}`;
  // DTSTAMP from the event, not the clock: a resend after a crash is byte-identical (Resend 409s a changed payload under one Idempotency-Key).
  const ics = buildEventIcs({ event: ctx.event, agenda: ctx.agenda, uid, url: ctx.links.event, stamp: ctx.event.updatedAt });
  return {
    filename: `${ctx.event.slug}.ics`,
    content: Buffer.from(ics, "utf8").toString("base64"),
    contentType: ICS_CONTENT_TYPE,
  };
}

function footer(ctx: RenderContext): FooterProps {
  return { eventName: ctx.event.name, organizer: ctx.organizer, unsubscribeUrl: ctx.links.unsubscribe };
}

const greeting = (ctx: RenderContext) => `${hi(ctx)},`;
const startsAt = (ctx: RenderContext) =>
  formatDateTime(eventWindow(ctx).start, ctx.event.timezone, { ref: ctx.message.scheduledFor });

function reminderProps(ctx: RenderContext): CheckInReminderProps {
  return {
    greeting: greeting(ctx),
    eventName: ctx.event.name,
    when: startsAt(ctx),
    startTime: formatTime(eventWindow(ctx).start, ctx.event.timezone),
    where: whereLine(ctx),
    checkInUrl: ctx.links.checkIn,
    qrSrc: ctx.links.qrImage,
    code: ctx.attendee.qrCodeData,
    footer: footer(ctx),
  };
}

// The desk QR is in every check-in reminder too: it is the email people have open in
// the registration line. A hosted image, not an attachment (decision 0197), so a burst
// of reminders goes through Resend's batch endpoint, 100 to a request.
const reminder =
  (Email: (p: CheckInReminderProps) => ReactElement, subject: (p: CheckInReminderProps) => string): EmailBuilder =>
  async (ctx) => {
    const props = reminderProps(ctx);
    return { subject: subject(props), element: <Email {...props} />, attachments: [] };
  };

export const EMAIL_BUILDERS: Partial<Record<MessageType, EmailBuilder>> = {
  ...POST_EVENT_EMAILS,
  registration_confirmation: async (ctx) => {
    const { start, end } = eventWindow(ctx);
    const props = {
      greeting: greeting(ctx),
      eventName: ctx.event.name,
      when: formatRange(start, end, ctx.event.timezone, ctx.message.scheduledFor),
      where: whereLine(ctx),
      profileUrl: ctx.attendee.profileCompletionStatus === "pending" ? ctx.links.profile : null,
      eventUrl: ctx.links.event,
      calendarUrl: ctx.links.calendar,
      qrSrc: ctx.links.qrImage,
      code: ctx.attendee.qrCodeData,
      footer: footer(ctx),
    };
    return {
      subject: registrationConfirmationSubject(props),
      element: <RegistrationConfirmationEmail {...props} />,
      // SPEC §3: the confirmation carries the .ics (so it goes alone, not in a batch); the QR is hosted.
      attachments: [icsAttachment(ctx)],
    };
  },
  check_in_reminder_night_before: reminder(CheckInReminderNightBeforeEmail, checkInReminderNightBeforeSubject),
  check_in_reminder_1_hour: reminder(CheckInReminder1HourEmail, checkInReminder1HourSubject),
  check_in_reminder_event_start: reminder(CheckInReminderEventStartEmail, checkInReminderEventStartSubject),
  profile_completion_reminder: async (ctx) => {
    const props = {
      greeting: greeting(ctx),
      eventName: ctx.event.name,
      when: startsAt(ctx),
      missing: missingProfileFieldLabels(ctx.contractor).map(capitalize),
      profileUrl: ctx.links.profile,
      footer: footer(ctx),
    };
    return {
      subject: profileCompletionReminderSubject(props),
      element: <ProfileCompletionReminderEmail {...props} />,
      attachments: [],
    };
  },
  agenda_ready: async (ctx) => {
    const props = {
      greeting: greeting(ctx),
      eventName: ctx.event.name,
      summary: agendaCounts(ctx.message.personalization).summary,
      agendaUrl: ctx.links.agenda,
      footer: footer(ctx),
    };
    return { subject: agendaReadySubject(props), element: <AgendaReadyEmail {...props} />, attachments: [] };
  },
};
