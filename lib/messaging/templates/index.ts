import { render, toPlainText } from "@react-email/render";
import type { RenderContext, RenderedEmail } from "./context";
import { EMAIL_BUILDERS } from "./email-builders";
import { toGsm7 } from "./gsm7";
import { fitSegments, MAX_SMS_SEGMENTS, smsSegmentCount } from "../segments";
import { SMS_TEMPLATES } from "./sms";

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

export async function renderEmail(ctx: RenderContext): Promise<RenderedEmail> {
  const build = EMAIL_BUILDERS[ctx.message.type];
  if (!build) throw noTemplate(ctx.message.type, "email");
  const { subject, element, attachments } = await build(ctx);
  // One React render; the text comes from the HTML (a second render cost ~2 ms per email).
  const html = await render(element);
  const text = toPlainText(html, TEXT_OPTIONS);
  return {
    subject,
    html,
    text: text.trim() + "\n",
    attachments,
    headers: {
      // RFC 8058 one-click: mailbox providers POST to the URL; no confirmation page.
      "List-Unsubscribe": `<${ctx.links.unsubscribeOneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/**
 * SPEC §4.3: one segment when a wording allows it, never more than two (segments
 * counted by the carrier's rules, lib/messaging/segments.ts). When even the most
 * compact wording is longer, it is shortened at a word boundary, never mid-word.
 */
export function renderSms(ctx: RenderContext): string {
  const template = SMS_TEMPLATES[ctx.message.type];
  if (!template) throw noTemplate(ctx.message.type, "sms");
  const wordings = template(ctx).map(toGsm7);
  return (
    wordings.find((w) => smsSegmentCount(w) === 1) ??
    wordings.find((w) => smsSegmentCount(w) <= MAX_SMS_SEGMENTS) ??
    fitSegments(wordings.reduce((a, b) => (b.length < a.length ? b : a)))
  );
}
