import type { ReactElement } from "react";
import type { MessageType } from "@/db/schema";
import type { EmailAttachment } from "@/lib/channels/types";
import type { ConnectionSummary } from "@/lib/followup/connection-summary";
import type { RenderContext } from "../context";
import { BulletList, EmailLayout, Paragraph, PrimaryButton } from "../components/layout";
import { eventWindow, formatDateTime, formatTime } from "../format";
import { formatDateTimeEs, formatTimeEs } from "../format-es";

/**
 * The after-event and between-events emails (SPEC §3), English and Spanish in one
 * place so the two say the same facts. A no-show's thank-you is "sorry we missed you",
 * decided at send from the check-in (docs/decisions/0180).
 */
type EmailSpec = { subject: string; element: ReactElement; attachments: EmailAttachment[] };
type EmailBuilder = (ctx: RenderContext) => Promise<EmailSpec>;
type Lang = "en" | "es";

const footer = (ctx: RenderContext, lang: Lang) => ({ eventName: ctx.event.name, organizer: ctx.organizer, unsubscribeUrl: ctx.links.unsubscribe, lang });
const greet = (ctx: RenderContext, lang: Lang) => {
  const n = ctx.contractor.firstName?.trim();
  return lang === "es" ? (n ? `Hola, ${n}:` : "Hola:") : `Hi ${n || "there"},`;
};
const home = (ctx: RenderContext) => new URL(ctx.links.event).origin;
const mail = (subject: string, element: ReactElement): EmailSpec => ({ subject, element, attachments: [] });

function thankYou(lang: Lang): EmailBuilder {
  return async (ctx) => {
    const came = Boolean(ctx.attendee.checkInTime);
    const e = ctx.event.name;
    const f = footer(ctx, lang);
    if (lang === "es") {
      return came
        ? mail(`Gracias por venir a ${e}`, (
            <EmailLayout preview={`Gracias por venir a ${e}`} heading="Gracias por venir" footer={f}>
              <Paragraph>{greet(ctx, lang)}</Paragraph>
              <Paragraph>Gracias por acompañarnos en {e}. Su plan personal y las personas que conoció siguen en su página.</Paragraph>
              <PrimaryButton href={ctx.links.agenda}>Ver mi plan</PrimaryButton>
              <Paragraph>Mañana le enviaremos un resumen de sus conexiones.</Paragraph>
            </EmailLayout>
          ))
        : mail(`Le echamos de menos en ${e}`, (
            <EmailLayout preview={`Le echamos de menos en ${e}`} heading="Lamentamos no haberle visto" footer={f}>
              <Paragraph>{greet(ctx, lang)}</Paragraph>
              <Paragraph>Lamentamos no haberle visto en {e}. Esperamos verle en el próximo evento.</Paragraph>
              <PrimaryButton href={home(ctx)}>Próximos eventos</PrimaryButton>
            </EmailLayout>
          ));
    }
    return came
      ? mail(`Thank you for coming to ${e}`, (
          <EmailLayout preview={`Thank you for coming to ${e}`} heading="Thank you for coming" footer={f}>
            <Paragraph>{greet(ctx, lang)}</Paragraph>
            <Paragraph>Thank you for joining us at {e}. Your personal plan and the people you met stay on your page.</Paragraph>
            <PrimaryButton href={ctx.links.agenda}>See my plan</PrimaryButton>
            <Paragraph>Tomorrow we will send you a summary of your connections.</Paragraph>
          </EmailLayout>
        ))
      : mail(`Sorry we missed you at ${e}`, (
          <EmailLayout preview={`Sorry we missed you at ${e}`} heading="Sorry we missed you" footer={f}>
            <Paragraph>{greet(ctx, lang)}</Paragraph>
            <Paragraph>Sorry we missed you at {e}. We hope to see you at the next one.</Paragraph>
            <PrimaryButton href={home(ctx)}>Upcoming events</PrimaryButton>
          </EmailLayout>
        ));
  };
}

/** The lines of the summary, each a fact recorded during the event (lib/followup/connection-summary.ts). */
export function summaryLines(s: ConnectionSummary, zone: string, lang: Lang) {
  const time = (iso: string) => (lang === "es" ? formatTimeEs(new Date(iso), zone) : formatTime(new Date(iso), zone));
  const sessions = s.sessions.map((x) => {
    const by = x.speaker ? (lang === "es" ? ` con ${x.speaker}` : ` with ${x.speaker}`) : "";
    const rated = x.rating !== null ? (lang === "es" ? ` (su nota: ${x.rating}/5)` : ` (you rated it ${x.rating}/5)`) : "";
    return `${x.title}${by}, ${time(x.startsAt)}${rated}`;
  });
  const sponsors = s.sponsors.map((x) => (x.boothNumber ? `${x.name} (${lang === "es" ? "stand" : "booth"} ${x.boothNumber})` : x.name));
  const peers = s.peers.map((p) => {
    const who = p.company ? `${p.name}, ${p.company}` : p.name;
    const contact = [p.email, p.phone].filter(Boolean).join(" · ");
    return contact ? `${who}: ${contact}` : `${who}${lang === "es" ? " (no compartió sus datos de contacto)" : " (has not shared contact details)"}`;
  });
  return { sessions, sponsors, peers };
}

function connectionSummary(lang: Lang): EmailBuilder {
  return async (ctx) => {
    const s = ctx.followup?.summary ?? { sessions: [], sponsors: [], peers: [] };
    const l = summaryLines(s, ctx.event.timezone, lang);
    const e = ctx.event.name;
    const es = lang === "es";
    const subject = es ? `Su resumen de ${e}` : `Your ${e} connection summary`;
    const none = l.sessions.length + l.sponsors.length + l.peers.length === 0;
    return mail(subject, (
      <EmailLayout preview={subject} heading={es ? "Su resumen del evento" : "Your event, in one place"} footer={footer(ctx, lang)}>
        <Paragraph>{greet(ctx, lang)}</Paragraph>
        {none ? <Paragraph>{es ? "No registramos sesiones, stands ni contactos suyos durante el evento." : "We did not record any sessions, booths or connections for you during the event."}</Paragraph> : null}
        {l.sessions.length ? <Paragraph>{es ? "Sesiones a las que asistió o que calificó:" : "Sessions you attended or rated:"}</Paragraph> : null}
        {l.sessions.length ? <BulletList items={l.sessions} /> : null}
        {l.sponsors.length ? <Paragraph>{es ? "Patrocinadores que visitó:" : "Sponsors you visited:"}</Paragraph> : null}
        {l.sponsors.length ? <BulletList items={l.sponsors} /> : null}
        {l.peers.length ? <Paragraph>{es ? "Personas que conoció:" : "People you met:"}</Paragraph> : null}
        {l.peers.length ? <BulletList items={l.peers} /> : null}
        <PrimaryButton href={ctx.links.agenda}>{es ? "Ver mi plan" : "See my plan"}</PrimaryButton>
      </EmailLayout>
    ));
  };
}

function feedbackRequest(lang: Lang): EmailBuilder {
  return async (ctx) => {
    const e = ctx.event.name;
    const es = lang === "es";
    const subject = es ? `¿Qué le pareció ${e}?` : `How was ${e}?`;
    return mail(subject, (
      <EmailLayout preview={subject} heading={subject} footer={footer(ctx, lang)}>
        <Paragraph>{greet(ctx, lang)}</Paragraph>
        <Paragraph>
          {es
            ? `Una nota del 1 al 5 y, si quiere, un comentario: nos ayuda a preparar el próximo ${e}. Tarda un minuto.`
            : `A rating from 1 to 5 and, if you like, a comment: it helps us plan the next ${e}. It takes a minute.`}
        </Paragraph>
        <PrimaryButton href={ctx.links.feedback}>{es ? "Dar mi opinión" : "Give feedback"}</PrimaryButton>
      </EmailLayout>
    ));
  };
}

function reEngagement(lang: Lang): EmailBuilder {
  return async (ctx) => {
    const es = lang === "es";
    const subject = es ? "Hace tiempo que no le vemos" : "It's been a while";
    return mail(subject, (
      <EmailLayout preview={subject} heading={subject} footer={footer(ctx, lang)}>
        <Paragraph>{greet(ctx, lang)}</Paragraph>
        <Paragraph>
          {es
            ? `Hace tiempo desde ${ctx.event.name}. Vea los próximos eventos y reserve su lugar.`
            : `It's been a while since ${ctx.event.name}. See what's coming up and save your seat.`}
        </Paragraph>
        <PrimaryButton href={home(ctx)}>{es ? "Próximos eventos" : "Upcoming events"}</PrimaryButton>
      </EmailLayout>
    ));
  };
}

function invitation(lang: Lang): EmailBuilder {
  return async (ctx) => {
    const es = lang === "es";
    const start = eventWindow(ctx).start;
    const when = es ? formatDateTimeEs(start, ctx.event.timezone) : formatDateTime(start, ctx.event.timezone);
    const shared = Array.isArray(ctx.message.personalization.sharedFocusAreas) ? (ctx.message.personalization.sharedFocusAreas as string[]) : [];
    const subject = es ? `Invitación: ${ctx.event.name}` : `You're invited: ${ctx.event.name}`;
    return mail(subject, (
      <EmailLayout preview={subject} heading={ctx.event.name} footer={footer(ctx, lang)}>
        <Paragraph>{greet(ctx, lang)}</Paragraph>
        <Paragraph>
          {es ? `${ctx.event.name} es el ${when}.` : `${ctx.event.name} is on ${when}.`}{" "}
          {shared.length ? (es ? `Sus sesiones tratan temas que le interesan: ${shared.join(", ")}.` : `Its sessions cover what you work on: ${shared.join(", ")}.`) : null}
        </Paragraph>
        <PrimaryButton href={ctx.links.event}>{es ? "Ver el evento y registrarme" : "See the event and register"}</PrimaryButton>
      </EmailLayout>
    ));
  };
}

export const POST_EVENT_EMAILS: Partial<Record<MessageType, EmailBuilder>> = {
  post_event_thank_you: thankYou("en"),
  connection_summary: connectionSummary("en"),
  feedback_request: feedbackRequest("en"),
  re_engagement: reEngagement("en"),
  event_invitation: invitation("en"),
};

export const POST_EVENT_EMAILS_ES: Partial<Record<MessageType, EmailBuilder>> = {
  post_event_thank_you: thankYou("es"),
  connection_summary: connectionSummary("es"),
  feedback_request: feedbackRequest("es"),
  re_engagement: reEngagement("es"),
  event_invitation: invitation("es"),
};
