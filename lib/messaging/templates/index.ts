import { toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import type { RenderContext, RenderedEmail } from "./context";
import { EMAIL_BUILDERS } from "./email-builders";
import { EMAIL_BUILDERS_ES } from "./emails-es";
import { toGsm7 } from "./gsm7";
import { fitSegments, MAX_SMS_SEGMENTS, smsSegmentCount } from "../segments";
import { SMS_TEMPLATES } from "./sms";
import { SMS_TEMPLATES_ES } from "./sms-es";

export type { RenderContext, RenderedEmail, RenderLinks } from "./context";
export { missingProfileFields, missingProfileFieldLabels, PROFILE_FIELD_LABELS } from "./profile-fields";

/** Planning a message without a template is a bug, so it fails loudly at render. */
function noTemplate(type: string, channel: "email" | "sms"): Error {
  return new Error(`no template for ${type} on ${channel}`);
}

// html-to-text's defaults shout headings in capitals and wrap at 80 columns; a
// plain-text email reads better as written.
const TEXT_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "img", format: "skip" },
  ],
};

// What @react-email/render's render() puts in front of every email (the XHTML transitional doctype most
// email clients are tested against).
const XHTML_DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

let staticRenderer: Promise<(element: ReactElement) => string> | undefined;
/**
 * React's synchronous renderToStaticMarkup: the same HTML as render()'s streaming renderer in 0.4–0.6
 * of the time (docs/benchmarks.md, decision 0208). Imported at run time and left to Node (the
 * comments keep the bundler out), as @react-email/render itself does: Next's server graph
 * refuses a bundled react-dom/server.
 */
function renderStatic(): Promise<(element: ReactElement) => string> {
  staticRenderer ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "react-dom/server").then((m) => {
    const server = ("default" in m && m.default ? m.default : m) as typeof import("react-dom/server");
    return (element: ReactElement) => server.renderToStaticMarkup(element);
  });
  return staticRenderer;
}

/** React adds `<link rel="preload" as="image">` for every <img>; mail clients ignore it (render() strips it too). */
export function stripImagePreloads(html: string): string {
  return html.replace(/<link\b[^>]*>/gi, (tag) => (/\brel=["']?preload\b/i.test(tag) && /\bas=["']?image\b/i.test(tag) ? "" : tag));
}

/** The email document for a React Email tree: doctype, one synchronous render, no preload hints. */
export async function renderEmailHtml(element: ReactElement): Promise<string> {
  const render = await renderStatic();
  // renderToStaticMarkup writes no doctype of its own (unlike the streaming renderer render() uses).
  return XHTML_DOCTYPE + stripImagePreloads(render(element));
}

export async function renderEmail(ctx: RenderContext): Promise<RenderedEmail> {
  const build = (ctx.contractor.language === "es" ? EMAIL_BUILDERS_ES[ctx.message.type] : undefined) ?? EMAIL_BUILDERS[ctx.message.type];
  if (!build) throw noTemplate(ctx.message.type, "email");
  const { subject, element, attachments } = await build(ctx);
  // One React render; the text comes from the HTML (a second render cost ~2 ms per email).
  const html = await renderEmailHtml(element);
  const text = toPlainText(html, TEXT_OPTIONS);
  return {
    subject,
    html,
    text: text.trim() + "\n",
    attachments,
    headers: emailHeaders(ctx.links.unsubscribeOneClick),
  };
}

/**
 * An email's headers, from its one-click unsubscribe link. A batch replay (decision 0210)
 * rebuilds them from the stored row the same way, so the payload is byte for byte the same.
 */
export function emailHeaders(unsubscribeOneClick: string): Record<string, string> {
  return {
    // RFC 8058 one-click: mailbox providers POST to the URL; no confirmation page.
    "List-Unsubscribe": `<${unsubscribeOneClick}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * SPEC §4.3: one segment when a wording allows it, never more than two (segments
 * counted by the carrier's rules, lib/messaging/segments.ts). When even the most
 * compact wording is longer, it is shortened at a word boundary, never mid-word.
 */
export function renderSms(ctx: RenderContext): string {
  // Spanish where a Spanish wording exists; a type without one falls back to English rather than failing.
  const template = (ctx.contractor.language === "es" ? SMS_TEMPLATES_ES[ctx.message.type] : undefined) ?? SMS_TEMPLATES[ctx.message.type];
  if (!template) throw noTemplate(ctx.message.type, "sms");
  const wordings = template(ctx).map(toGsm7);
  return (
    wordings.find((w) => smsSegmentCount(w) === 1) ??
    wordings.find((w) => smsSegmentCount(w) <= MAX_SMS_SEGMENTS) ??
    fitSegments(wordings.reduce((a, b) => (b.length < a.length ? b : a)))
  );
}
