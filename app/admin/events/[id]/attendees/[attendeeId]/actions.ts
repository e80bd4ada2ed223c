"use server";

import { revalidatePath } from "next/cache";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { formError, formSaved } from "@/components/admin/form-state";
import { updateAttendeeContact } from "@/lib/attendees/contact";
import { getAttendeeDetail, resendConfirmation } from "@/lib/attendees/detail";
import { checkIn } from "@/lib/checkin/check-in";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import { cancelRegistration } from "@/lib/registration/cancel";
import type { RowActionResult } from "../../agenda/actions";

const rowError = (e: { message: string }): RowActionResult => ({ ok: false, message: e.message });
const path = (eventId: string, attendeeId: string) => `/admin/events/${eventId}/attendees/${attendeeId}`;

/** The attendee must belong to the event in the URL: the pair is checked, never trusted. */
async function belongs(eventId: string, attendeeId: string) {
  return Boolean(await getAttendeeDetail(await getDb(), eventId, attendeeId));
}

export const resendConfirmationAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, attendeeId] }): Promise<RowActionResult> => {
  const r = await resendConfirmation(await getDb(), eventId, attendeeId);
  if (!r.ok) return rowError(r.error);
  revalidatePath(path(eventId, attendeeId));
  return { ok: true, message: `Confirmation planned on ${r.planned} ${r.planned === 1 ? "channel" : "channels"}.` };
});

export const manualCheckInAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, attendeeId], user }): Promise<RowActionResult> => {
  if (!(await belongs(eventId, attendeeId))) return rowError({ message: "No such registration." });
  const r = await checkIn(await getDb(), { method: "manual", eventId, attendeeId }, { kind: "staff", userId: user!.id, name: user!.name });
  if (!r.ok) return rowError(r.error);
  revalidatePath(path(eventId, attendeeId));
  return { ok: true, message: r.message };
});

export const cancelRegistrationAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, attendeeId] }): Promise<RowActionResult> => {
  if (!(await belongs(eventId, attendeeId))) return rowError({ message: "No such registration." });
  const r = await cancelRegistration(await getDb(), attendeeId);
  if (!r.ok) return rowError(r.error);
  revalidatePath(path(eventId, attendeeId));
  return { ok: true, message: `Registration cancelled; ${r.cancelledMessages} pending messages cancelled.` };
});

export const updateContactAction = action(
  { auth: "admin", args: [uuid, uuid], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ args: [eventId, attendeeId], form, user }) => {
    if (!(await belongs(eventId, attendeeId))) return formError({ message: "No such registration." });
    const r = await updateAttendeeContact(await getDb(), attendeeId, form, { userId: user!.id, email: user!.email });
    if (!r.ok) return formError(r.error);
    revalidatePath(path(eventId, attendeeId));
    return formSaved(r.changed.length ? `Saved: ${r.changed.join(", ")} (recorded in the audit log).` : "Nothing changed.");
  },
);
