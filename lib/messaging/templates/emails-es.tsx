import type { ReactElement } from "react";
import { POST_EVENT_EMAILS_ES } from "./emails/post-event";
import type { MessageType } from "@/db/schema";
import type { EmailAttachment } from "@/lib/channels/types";
import type { RenderContext } from "./context";
import { icsAttachment } from "./email-builders";
import { Details, EmailLayout, Paragraph, PrimaryButton, QrCode, TextLink } from "./components/layout";
import { eventWindow, whereLine } from "./format";
import { agendaSummaryEs, formatDateTimeEs, formatTimeEs } from "./format-es";

/**
 * The emails in Spanish (contractors.language = "es"): the same facts and links as
 * the English ones (email-builders.tsx), one builder per type. Types without a
 * Spanish builder fall back to English (lib/messaging/templates/index.ts).
 */
type EmailSpec = { subject: string; element: ReactElement; attachments: EmailAttachment[] };
type EmailBuilder = (ctx: RenderContext) => Promise<EmailSpec>;

const greeting = (ctx: RenderContext) => (ctx.contractor.firstName?.trim() ? `Hola, ${ctx.contractor.firstName.trim()}:` : "Hola:");
const footer = (ctx: RenderContext) => ({ eventName: ctx.event.name, organizer: ctx.organizer, unsubscribeUrl: ctx.links.unsubscribe, lang: "es" as const });
const when = (ctx: RenderContext) => formatDateTimeEs(eventWindow(ctx).start, ctx.event.timezone, { ref: ctx.message.scheduledFor });

const confirmation: EmailBuilder = async (ctx) => {
  const subject = `Está registrado: ${ctx.event.name}`;
  const pending = ctx.attendee.profileCompletionStatus === "pending";
  return {
    subject,
    // As in English: the .ics attached (SPEC §3), the QR a hosted image (decision 0197).
    attachments: [icsAttachment(ctx)],
    element: (
      <EmailLayout preview={subject} heading="Su registro está confirmado" footer={footer(ctx)}>
        <Paragraph>{greeting(ctx)}</Paragraph>
        <Paragraph>Ya tiene su lugar en {ctx.event.name}. Muestre este código QR en el mostrador para hacer el check-in.</Paragraph>
        <Details rows={[["Cuándo", when(ctx)], ["Dónde", whereLine(ctx)]]} />
        <QrCode src={ctx.links.qrImage} alt="Su código QR de check-in" caption="Su código de check-in" code={ctx.attendee.qrCodeData} />
        {pending ? (
          <>
            <Paragraph>Complete su perfil en 2 minutos: así elegimos los ponentes, patrocinadores y personas que valen su tiempo.</Paragraph>
            <PrimaryButton href={ctx.links.profile}>Completar mi perfil</PrimaryButton>
          </>
        ) : null}
        <Paragraph>
          <TextLink href={ctx.links.event}>Página del evento</TextLink> · <TextLink href={ctx.links.calendar}>Añadir al calendario</TextLink>
        </Paragraph>
      </EmailLayout>
    ),
  };
};

const reminder =
  (lead: (ctx: RenderContext) => string, subject: (ctx: RenderContext) => string): EmailBuilder =>
  async (ctx) => ({
    subject: subject(ctx),
    attachments: [],
    element: (
      <EmailLayout preview={subject(ctx)} heading={subject(ctx)} footer={footer(ctx)}>
        <Paragraph>{greeting(ctx)}</Paragraph>
        <Paragraph>{lead(ctx)} Evite la fila: haga el check-in desde su teléfono o muestre su código QR en el mostrador.</Paragraph>
        <Details rows={[["Cuándo", when(ctx)], ["Dónde", whereLine(ctx)]]} />
        <PrimaryButton href={ctx.links.checkIn}>Hacer el check-in</PrimaryButton>
        <QrCode src={ctx.links.qrImage} alt="Su código QR de check-in" caption="Su código de check-in" code={ctx.attendee.qrCodeData} />
      </EmailLayout>
    ),
  });

const start = (ctx: RenderContext) => formatTimeEs(eventWindow(ctx).start, ctx.event.timezone);

export const EMAIL_BUILDERS_ES: Partial<Record<MessageType, EmailBuilder>> = {
  ...POST_EVENT_EMAILS_ES,
  registration_confirmation: confirmation,
  check_in_reminder_night_before: reminder((ctx) => `${ctx.event.name} es mañana a las ${start(ctx)} y el check-in ya está abierto.`, (ctx) => `Mañana: ${ctx.event.name}`),
  check_in_reminder_1_hour: reminder((ctx) => `${ctx.event.name} empieza en 1 hora (${start(ctx)}).`, (ctx) => `${ctx.event.name} empieza en 1 hora`),
  check_in_reminder_event_start: reminder((ctx) => `${ctx.event.name} está empezando.`, (ctx) => `${ctx.event.name} está empezando`),
  profile_completion_reminder: async (ctx) => {
    const subject = `Complete su perfil para ${ctx.event.name}`;
    return {
      subject,
      attachments: [],
      element: (
        <EmailLayout preview={subject} heading={subject} footer={footer(ctx)}>
          <Paragraph>{greeting(ctx)}</Paragraph>
          <Paragraph>Su perfil nos dice qué sesiones, patrocinadores y personas valen su tiempo en {ctx.event.name} ({when(ctx)}).</Paragraph>
          <PrimaryButton href={ctx.links.profile}>Completar mi perfil</PrimaryButton>
        </EmailLayout>
      ),
    };
  },
  agenda_ready: async (ctx) => {
    const summary = agendaSummaryEs(ctx.message.personalization);
    const subject = `Su plan para ${ctx.event.name} está listo`;
    return {
      subject,
      attachments: [],
      element: (
        <EmailLayout preview={subject} heading={subject} footer={footer(ctx)}>
          <Paragraph>{greeting(ctx)}</Paragraph>
          <Paragraph>{summary ? `Su IA preparó ${summary} para usted.` : "Su plan personal está listo."} Ábralo en su teléfono: funciona también sin conexión.</Paragraph>
          <PrimaryButton href={ctx.links.agenda}>Ver mi plan</PrimaryButton>
        </EmailLayout>
      ),
    };
  },
};
