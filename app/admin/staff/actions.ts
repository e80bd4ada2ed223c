"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formError, formSaved } from "@/components/admin/form-state";
import { inviteStaff, revokeStaff, setAssignment, signOutEverywhere, withdrawInvite } from "@/lib/access/staff";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { requiredText, uuid } from "@/lib/http/parse";
import type { RowActionResult } from "@/app/admin/events/[id]/agenda/actions";

const inviteForm = z.object({
  email: requiredText(254),
  name: requiredText(200),
  eventIds: z.union([uuid, z.array(uuid).max(100)]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const inviteStaffAction = action(
  { auth: "admin", args: [], withPrevState: true, form: inviteForm, onError: (e) => formError(e) },
  async ({ form, user }) => {
    const r = await inviteStaff(await getDb(), form, { userId: user!.id, email: user!.email });
    if (!r.ok) return formError(r.error);
    revalidatePath("/admin/staff");
    return formSaved(r.sent ? `Invite sent to ${form.email}.` : `Invite created, but the email could not be sent. Withdraw it and try again.`);
  },
);

const rowError = (e: { message: string }): RowActionResult => ({ ok: false, message: e.message });
const done = (message: string): RowActionResult => (revalidatePath("/admin/staff"), { ok: true, message });

export const setAssignmentAction = action({ auth: "admin", args: [uuid, uuid, z.boolean()], onError: rowError }, async ({ args: [userId, eventId, assigned], user }) => {
  const r = await setAssignment(await getDb(), userId, eventId, assigned, { userId: user!.id, email: user!.email });
  return r.ok ? done(assigned ? "Assigned." : "Unassigned.") : rowError(r.error);
});

export const revokeStaffAction = action({ auth: "admin", args: [uuid], onError: rowError }, async ({ args: [userId], user }) => {
  const r = await revokeStaff(await getDb(), userId, { userId: user!.id, email: user!.email });
  return r.ok ? done("Access revoked; their sessions have ended.") : rowError(r.error);
});

export const withdrawInviteAction = action({ auth: "admin", args: [uuid], onError: rowError }, async ({ args: [inviteId] }) => {
  const r = await withdrawInvite(await getDb(), inviteId);
  return r.ok ? done("Invite withdrawn.") : rowError(r.error);
});

/** Ends every session of the signed-in organizer (this one included). */
export const signOutEverywhereAction = action({ auth: "admin", args: [], onError: rowError }, async ({ user }) => {
  await signOutEverywhere(await getDb(), user!.id);
  return { ok: true, message: "Signed out everywhere. Sign in again to continue." };
});
