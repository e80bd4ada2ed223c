"use server";

import { z } from "zod";
import type { FeedbackFormState } from "@/components/followup/feedback-form";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { submitFeedbackByToken } from "@/lib/followup/feedback";
import { action } from "@/lib/http/action";
import { optionalText, slug, token } from "@/lib/http/parse";
import { tokenActionLimit } from "@/lib/registration/limits";

const BAD_LINK = "This link doesn't work any more. Open the link from your latest email or text.";

const form = z.object({
  score: z.coerce.number({ error: "Choose a rating from 1 to 5." }).int("Choose a rating from 1 to 5.").min(1, "Choose a rating from 1 to 5.").max(5, "Choose a rating from 1 to 5."),
  comment: optionalText(2000),
});

/**
 * The feedback form, bound to the event slug and the attendee's token by the page (the
 * token is the only authority). Works once: a second submission is refused with a message.
 */
export const sendFeedback = action(
  {
    auth: "public",
    args: [slug, token],
    withPrevState: true,
    form,
    limit: ({ ip }) => tokenActionLimit(ip),
    onError: (e): FeedbackFormState =>
      e.status === 400 && (e.fields?.arg0 || e.fields?.arg1) ? { status: "error", message: BAD_LINK, fields: {} } : { status: "error", message: e.message, fields: e.fields ?? {} },
  },
  async ({ args: [eventSlug, t], form }): Promise<FeedbackFormState> => {
    const result = await submitFeedbackByToken(await getDb(), eventSlug, t, { score: form.score, comment: form.comment ?? null }, now());
    if (!result) return { status: "error", message: BAD_LINK, fields: {} };
    if (result.ok) return { status: "saved" };
    return { status: result.code === "already_given" ? "given" : "not_open", message: result.message };
  },
);
