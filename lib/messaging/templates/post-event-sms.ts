import type { MessageType } from "@/db/schema";
import type { RenderContext } from "./context";
import { firstName, formatDay, shorten } from "./format";
import { formatDayEs, hiEs } from "./format-es";
import type { SmsTemplate } from "./sms";

/**
 * The after-event and between-events SMS (SPEC §3), English and Spanish. Whether the
 * person came is read at send (attendee.check_in_time): a no-show's thank-you is the
 * "sorry we missed you" (docs/decisions/0180).
 */
const STOP = "\nReply STOP to opt out";
const STOP_ES = "\nResponda STOP para no recibir mas";
const name = (ctx: RenderContext) => shorten(ctx.event.name, 40);
const hello = (ctx: RenderContext) => `Hi ${shorten(firstName(ctx) ?? "there", 20)}`;
const home = (ctx: RenderContext) => new URL(ctx.links.event).origin;
const attended = (ctx: RenderContext) => Boolean(ctx.attendee.checkInTime);

const thankYou: SmsTemplate = (ctx) =>
  attended(ctx)
    ? [
        `${hello(ctx)}, thank you for coming to ${name(ctx)}! Your plan and everyone you met stay here: ${ctx.links.agenda}${STOP}`,
        `Thanks for coming to ${name(ctx)}! Your plan: ${ctx.links.agenda}${STOP}`,
      ]
    : [
        `${hello(ctx)}, sorry we missed you at ${name(ctx)}. We hope to see you at the next one: ${home(ctx)}${STOP}`,
        `Sorry we missed you at ${name(ctx)}. Next events: ${home(ctx)}${STOP}`,
      ];

const sponsorBatchCheck: SmsTemplate = (ctx) => [
  `${hello(ctx)}, which sponsor booths did you visit at ${name(ctx)}? Reply with the booth numbers, e.g. "12, 14".${STOP}`,
  `Which booths did you visit today? Reply with the numbers, e.g. "12, 14".${STOP}`,
];

const eventPcrRequest: SmsTemplate = (ctx) => [
  `${hello(ctx)}, how was ${name(ctx)} overall? Reply with a rating from 1 (poor) to 5 (excellent).${STOP}`,
  `How was ${name(ctx)}? Reply 1-5.${STOP}`,
];

const feedbackRequest: SmsTemplate = (ctx) => [
  `${hello(ctx)}, looking back, how would you rate ${name(ctx)}? Reply 1-5, or leave a comment here: ${ctx.links.feedback}${STOP}`,
  `How was ${name(ctx)}? Reply 1-5 or tell us more: ${ctx.links.feedback}${STOP}`,
];

const reEngagement: SmsTemplate = (ctx) => [
  `${hello(ctx)}, it's been a while since ${name(ctx)}. See what's coming up next: ${home(ctx)}${STOP}`,
  `It's been a while! See upcoming events: ${home(ctx)}${STOP}`,
];

export const POST_EVENT_SMS: Partial<Record<MessageType, SmsTemplate>> = {
  post_event_thank_you: thankYou,
  sponsor_batch_check: sponsorBatchCheck,
  event_pcr_request: eventPcrRequest,
  feedback_request: feedbackRequest,
  re_engagement: reEngagement,
};

export const POST_EVENT_SMS_ES: Partial<Record<MessageType, SmsTemplate>> = {
  post_event_thank_you: (ctx) =>
    attended(ctx)
      ? [
          `${hiEs(ctx)}, gracias por venir a ${name(ctx)}. Su plan y las personas que conocio siguen aqui: ${ctx.links.agenda}${STOP_ES}`,
          `Gracias por venir a ${name(ctx)}. Su plan: ${ctx.links.agenda}${STOP_ES}`,
        ]
      : [
          `${hiEs(ctx)}, lamentamos no haberle visto en ${name(ctx)}. Esperamos verle en el proximo: ${home(ctx)}${STOP_ES}`,
          `Hola, le extranamos en ${name(ctx)}. Proximos eventos: ${home(ctx)}${STOP_ES}`,
        ],
  sponsor_batch_check: (ctx) => [
    `${hiEs(ctx)}, ¿que stands de patrocinadores visito en ${name(ctx)}? Responda con los numeros, p. ej. "12, 14".${STOP_ES}`,
    `¿Que stands visito hoy? Responda con los numeros, p. ej. "12, 14".${STOP_ES}`,
  ],
  event_pcr_request: (ctx) => [
    `${hiEs(ctx)}, ¿que le parecio ${name(ctx)}? Responda con una nota del 1 (malo) al 5 (excelente).${STOP_ES}`,
    `¿Que tal ${name(ctx)}? Responda 1-5.${STOP_ES}`,
  ],
  feedback_request: (ctx) => [
    `${hiEs(ctx)}, ¿como calificaria ${name(ctx)}? Responda del 1 al 5, o deje un comentario aqui: ${ctx.links.feedback}${STOP_ES}`,
    `¿Que tal ${name(ctx)}? Responda 1-5 o cuentenos mas: ${ctx.links.feedback}${STOP_ES}`,
  ],
  re_engagement: (ctx) => [
    `${hiEs(ctx)}, hace tiempo desde ${name(ctx)}. Vea los proximos eventos: ${home(ctx)}${STOP_ES}`,
    `¡Hace tiempo! Proximos eventos: ${home(ctx)}${STOP_ES}`,
  ],
};

/** "Thu, Dec 3" / "jue 3 de dic": the invited event's day, for the emails. */
export const eventDay = (ctx: RenderContext, at: Date) =>
  ctx.contractor.language === "es" ? formatDayEs(at, ctx.event.timezone) : formatDay(at, ctx.event.timezone);
