"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { RegistrationFormState, RegistrationValues } from "@/components/events/registration-form";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { slug, text } from "@/lib/http/parse";
import { registrationLimitsForAction } from "@/lib/registration/limits";
import { registerAttendee } from "@/lib/registration/register";

/** As posted: text is text (capped, no NUL); registerAttendee checks the meaning. */
const field = z.preprocess((v) => v ?? "", text(300));
const form = z.object({
  firstName: field,
  lastName: field,
  email: field,
  phone: field,
  companyName: field,
  smsConsent: z.literal("on").optional(),
  language: z.enum(["en", "es"]).optional(),
});

const EMPTY: RegistrationValues = { firstName: "", lastName: "", email: "", phone: "", smsConsent: false, companyName: "", language: "en" };

/**
 * The public registration form (bound to the event's slug by the page). A new and a
 * known email get the same answer — "check your inbox" — so the form tells a
 * stranger nothing about who is registered (SPEC §8); the personal links travel
 * only in the confirmation.
 */
export const registerForEvent = action(
  {
    auth: "public",
    args: [slug],
    withPrevState: true,
    form,
    limit: ({ ip, form }) => registrationLimitsForAction(ip, { email: form.email, phone: form.phone }),
    onError: (e): RegistrationFormState =>
      e.status === 429
        ? { status: "error", message: e.message, fields: {}, values: EMPTY }
        : e.fields?.arg0
          ? { status: "closed", message: "This event is not open for registration." }
          : { status: "error", message: e.message, fields: e.fields ?? {}, values: EMPTY },
  },
  async ({ args: [eventSlug], form }): Promise<RegistrationFormState> => {
    const values: RegistrationValues = { ...form, smsConsent: form.smsConsent === "on", language: form.language ?? "en" };
    const result = await registerAttendee(
      await getDb(),
      {
        eventSlug,
        firstName: values.firstName,
        lastName: values.lastName,
        email: values.email,
        phone: values.phone || undefined,
        smsConsent: values.smsConsent,
        companyName: values.companyName || undefined,
        language: values.language,
      },
      { source: "web" },
    );
    if (!result.ok) {
      const { status, message, fields } = result.error;
      if (status === 409) return { status: "closed", message };
      if (status === 404) return { status: "closed", message: "This event is not open for registration." };
      return { status: "error", message, fields: fields ?? {}, values };
    }
    redirect(`/events/${encodeURIComponent(eventSlug)}/registered?${new URLSearchParams({ to: values.email.trim().toLowerCase() })}`);
  },
);
