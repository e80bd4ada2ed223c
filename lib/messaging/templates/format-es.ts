import { DateTime } from "luxon";
import { zoneAbbreviation } from "@/lib/calendar/timezone";
import { intlLocale } from "@/lib/i18n/locale";
import type { RenderContext } from "./context";
import { agendaCounts } from "./personalization";

/**
 * Spanish formats for the templates (US Spanish: "9:00 a. m. CST", "jue, 3 dic").
 * Fixed locale, like format.ts: a server's locale never changes what attendees read.
 */
const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).setLocale(intlLocale("es"));

export function formatTimeEs(at: Date, zone: string): string {
  return `${local(at, zone).toFormat("h:mm a")} ${zoneAbbreviation(at, zone)}`;
}

export function formatDayEs(at: Date, zone: string, ref?: Date): string {
  const dt = local(at, zone);
  const sameYear = !ref || local(ref, zone).year === dt.year;
  return dt.toFormat(sameYear ? "ccc d 'de' LLL" : "ccc d 'de' LLL 'de' yyyy");
}

export function formatDateTimeEs(at: Date, zone: string, opts: { ref?: Date; sep?: string } = {}): string {
  return `${formatDayEs(at, zone, opts.ref)}${opts.sep ?? " · "}${formatTimeEs(at, zone)}`;
}

export function hiEs(ctx: Pick<RenderContext, "contractor">, max = 20): string {
  const name = ctx.contractor.firstName?.trim();
  return name ? `Hola, ${name.length > max ? name.slice(0, max) : name}` : "Hola";
}

/** "3 ponentes, 3 patrocinadores y 3 personas" (null when the plan is empty). */
export function agendaSummaryEs(personalization: Record<string, unknown> | null | undefined): string | null {
  const c = agendaCounts(personalization);
  const parts = [
    c.speakers && `${c.speakers} ${c.speakers === 1 ? "ponente" : "ponentes"}`,
    c.sponsors && `${c.sponsors} ${c.sponsors === 1 ? "patrocinador" : "patrocinadores"}`,
    c.peers && `${c.peers} ${c.peers === 1 ? "persona" : "personas"}`,
  ].filter((s): s is string => Boolean(s));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} y ${parts.at(-1)}`;
}
