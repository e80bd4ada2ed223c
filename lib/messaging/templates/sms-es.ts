import type { MessageType } from "@/db/schema";
import type { RenderContext } from "./context";
import { eventWindow, shorten } from "./format";
import { agendaSummaryEs, formatDateTimeEs, formatTimeEs, hiEs } from "./format-es";
import type { SmsTemplate } from "./sms";
import { POST_EVENT_SMS_ES } from "./post-event-sms";

/**
 * The SMS in Spanish (contractors.language = "es"), same facts and the same
 * fullest-to-shortest wordings as sms.ts / sms-during-event.ts. GSM-7 has é, ñ, ü, ¿
 * and ¡ but not á, í, ó, ú: toGsm7 folds those to the bare letter, so a Spanish text
 * stays in 160-character segments (tests: sms-es.test.ts). STOP stays STOP: it is
 * the carriers' keyword.
 */
const STOP = "\nResponda STOP para no recibir mas";
type P = Record<string, string | undefined>;
const p = (ctx: RenderContext) => ctx.message.personalization as P;
const eventName = (ctx: RenderContext) => shorten(ctx.event.name, 40);
const startTime = (ctx: RenderContext) => formatTimeEs(eventWindow(ctx).start, ctx.event.timezone);
const startDateTime = (ctx: RenderContext) => formatDateTimeEs(eventWindow(ctx).start, ctx.event.timezone, { ref: ctx.message.scheduledFor, sep: ", " });

const registrationConfirmation: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const when = startDateTime(ctx);
  if (ctx.attendee.profileCompletionStatus === "pending") {
    const link = ctx.links.profile;
    return [
      `${hiEs(ctx)}, ya está registrado en ${name}, ${when}. Complete su perfil en 2 minutos para planear su día: ${link}${STOP}`,
      `Registrado en ${name}, ${when}. Complete su perfil: ${link}${STOP}`,
    ];
  }
  return [
    `${hiEs(ctx)}, ya está registrado en ${name}, ${when}. Detalles: ${ctx.links.event}${STOP}`,
    `Registrado en ${name}, ${when}. Detalles: ${ctx.links.event}${STOP}`,
  ];
};

const reminder =
  (moment: (ctx: RenderContext) => string, short: (ctx: RenderContext) => string): SmsTemplate =>
  (ctx) => [
    `${hiEs(ctx)}, ${moment(ctx)} Evite la fila y haga el check-in desde su teléfono: ${ctx.links.checkIn} o muestre su código QR en el mostrador.${STOP}`,
    `${hiEs(ctx)}, ${moment(ctx)} Check-in desde su teléfono: ${ctx.links.checkIn}${STOP}`,
    `${short(ctx)} Check-in: ${ctx.links.checkIn}${STOP}`,
  ];

const nightBefore = reminder(
  (ctx) => `${eventName(ctx)} es mañana a las ${startTime(ctx)} y el check-in ya está abierto.`,
  (ctx) => `${eventName(ctx)} es mañana, ${startTime(ctx)}.`,
);
const oneHour = reminder(
  (ctx) => `${eventName(ctx)} empieza en 1 hora (${startTime(ctx)}).`,
  (ctx) => `${eventName(ctx)} empieza a las ${startTime(ctx)}.`,
);
const eventStarting = reminder(
  (ctx) => `${eventName(ctx)} está empezando.`,
  (ctx) => `${eventName(ctx)} empieza ya.`,
);

const profileReminder: SmsTemplate = (ctx) => [
  `${hiEs(ctx)}, complete su perfil de ${eventName(ctx)}: así elegimos los ponentes, patrocinadores y personas que valen su tiempo: ${ctx.links.profile}${STOP}`,
  `${hiEs(ctx)}, complete su perfil aquí: ${ctx.links.profile}${STOP}`,
];

const checkInConfirmation: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const first = ctx.contractor.firstName?.trim();
  const welcome = first ? `¡Bienvenido a ${name}, ${shorten(first, 20)}!` : `¡Bienvenido a ${name}!`;
  return [
    `${welcome} Ya hizo el check-in. Estamos preparando su plan personal; estará aquí en un minuto: ${ctx.links.agenda}`,
    `${welcome} Check-in listo. Su plan: ${ctx.links.agenda}`,
    `Check-in en ${name}. Su plan: ${ctx.links.agenda}`,
  ];
};

const agendaReady: SmsTemplate = (ctx) => {
  const name = eventName(ctx);
  const link = ctx.links.agenda;
  const summary = agendaSummaryEs(ctx.message.personalization);
  if (!summary) return [`${hiEs(ctx)}, su plan para ${name} está listo: ${link}${STOP}`, `Su plan de ${name}: ${link}${STOP}`];
  return [
    `${hiEs(ctx)}, su IA preparó ${summary} para ${name}. Vea su plan personal: ${link}${STOP}`,
    `Su IA preparó ${summary} para ${name}: ${link}${STOP}`,
    `Su plan de ${name} está listo: ${link}${STOP}`,
  ];
};

const speakerAlert: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const title = shorten(d.title ?? "su próxima sesión", 60);
  const at = d.startsAt ? formatTimeEs(new Date(d.startsAt), ctx.event.timezone) : "";
  const room = d.room ? ` en ${d.room}` : "";
  const by = d.speakerName ? ` con ${shorten(d.speakerName, 30)}` : "";
  const why = d.why ? ` ${shorten(d.why, 120)}` : "";
  return [`${hiEs(ctx)}, a las ${at}${room}: "${title}"${by}.${why}${STOP}`, `A las ${at}${room}: "${title}"${by}.${STOP}`, `${at}${room}: "${shorten(title, 40)}"${STOP}`];
};

const sponsorTip: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const booth = d.boothNumber ? ` en el stand ${d.boothNumber}` : "";
  const talk = d.talkingPoint ? ` ${shorten(d.talkingPoint, 120)}` : "";
  return [`${hiEs(ctx)}, en el descanso visite a ${d.sponsorName}${booth}.${talk}${STOP}`, `Visite a ${d.sponsorName}${booth} en este descanso.${STOP}`];
};

const peerIntroduction: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const who = shorten(d.peerFirstName ?? "otro asistente", 20);
  const from = d.peerCompany ? ` de ${shorten(d.peerCompany, 30)}` : "";
  const ground = d.commonGround ? ` ${shorten(d.commonGround, 120)}` : "";
  return [
    `${hiEs(ctx)}, conozca a ${who}${from}.${ground} Responda YES para conocerse o NO para pasar.${STOP}`,
    `Conozca a ${who}${from}.${ground} Responda YES.${STOP}`,
    `¿Conocer a ${who}${from}? Responda YES o NO.${STOP}`,
  ];
};

const ratingRequest: SmsTemplate = (ctx) => {
  const d = p(ctx);
  const what = d.speakerName ? `la sesión de ${shorten(d.speakerName, 30)}` : `"${shorten(d.title ?? "la sesión", 40)}"`;
  return [`${hiEs(ctx)}, ¿qué tal ${what}? Responda con una nota de 1 (mala) a 5 (excelente).${STOP}`, `¿Qué tal ${what}? Responda 1-5.${STOP}`];
};

const bundle = (ctx: RenderContext): P[] | null => {
  const b = (ctx.message.personalization as { bundle?: unknown }).bundle;
  return Array.isArray(b) && b.length > 1 ? (b as P[]) : null;
};

const sponsorBundle: SmsTemplate = (ctx) => {
  const list = (bundle(ctx) ?? [p(ctx)]).map((d) => `${shorten(d.sponsorName ?? "un patrocinador", 30)}${d.boothNumber ? ` (stand ${d.boothNumber})` : ""}`);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(", ")} y ${list.at(-1)}` : list[0];
  return [`${hiEs(ctx)}, en este descanso visite a ${joined}. Qué preguntar a cada uno está en su agenda: ${ctx.links.agenda}${STOP}`, `En este descanso: ${joined}.${STOP}`];
};

const ratingBundle: SmsTemplate = (ctx) => {
  const talks = bundle(ctx) ?? [p(ctx)];
  const letters = talks.map((_, i) => String.fromCharCode(65 + i));
  const names = talks.map((d, i) => `${letters[i]} = ${d.speakerName ? shorten(d.speakerName, 24) : `"${shorten(d.title ?? "una sesión", 30)}"`}`).join(", ");
  const example = letters.map((l, i) => `${l}${[4, 5, 3][i] ?? 4}`).join(" ");
  const n = talks.length === 2 ? "dos" : String(talks.length);
  return [`${hiEs(ctx)}, califique las últimas ${n} charlas del 1 al 5: responda "${example}" (${names}).${STOP}`, `Califique las últimas ${n} charlas 1-5: "${example}" (${names}).${STOP}`];
};

const orBundle = (single: SmsTemplate, bundled: SmsTemplate): SmsTemplate => (ctx) => (bundle(ctx) ? bundled(ctx) : single(ctx));

export const SMS_TEMPLATES_ES: Partial<Record<MessageType, SmsTemplate>> = {
  ...POST_EVENT_SMS_ES,
  registration_confirmation: registrationConfirmation,
  check_in_reminder_night_before: nightBefore,
  check_in_reminder_1_hour: oneHour,
  check_in_reminder_event_start: eventStarting,
  profile_completion_reminder: profileReminder,
  check_in_confirmation: checkInConfirmation,
  agenda_ready: agendaReady,
  speaker_alert: speakerAlert,
  sponsor_recommendation: orBundle(sponsorTip, sponsorBundle),
  peer_introduction: peerIntroduction,
  speaker_pcr_request: orBundle(ratingRequest, ratingBundle),
};
