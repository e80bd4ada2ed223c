"use server";

import { redirect } from "next/navigation";
import type { RegistrationFormState, RegistrationValues } from "@/components/events/registration-form";
import { getDb } from "@/lib/db";
import { registerAttendee } from "@/lib/registration/register";

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v.slice(0, 500) : "";
}

/** The public registration form (bound to the event's slug by the page). */
export async function registerForEvent(
  slug: string,
  _prev: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const values: RegistrationValues = {
    firstName: text(formData, "firstName"),
    lastName: text(formData, "lastName"),
    email: text(formData, "email"),
    phone: text(formData, "phone"),
    smsConsent: formData.get("smsConsent") === "on",
    companyName: text(formData, "companyName"),
  };
  const result = await registerAttendee(
    await getDb(),
    {
      eventSlug: slug,
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      phone: values.phone.trim() || undefined,
      smsConsent: values.smsConsent,
      companyName: values.companyName.trim() || undefined,
    },
    { source: "web" },
  );

  if (!result.ok) {
    const { status, message, fields } = result.error;
    if (status === 409) return { status: "closed", message };
    if (status === 404) return { status: "closed", message: "This event is not open for registration." };
    return { status: "error", message, fields: fields ?? {}, values };
  }

  // Same email again: the confirmation (with the personal links) went to that inbox.
  // Showing the token here would hand anyone who knows an attendee's email their QR code.
  if (!result.created) return { status: "already_registered", email: values.email.trim().toLowerCase() };

  redirect(`/events/${encodeURIComponent(slug)}/registered?t=${encodeURIComponent(result.accessToken)}`);
}
