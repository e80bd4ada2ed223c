"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { formError, formSaved } from "@/components/admin/form-state";
import { getDb } from "@/lib/db";
import { newKey } from "@/lib/events/crud";
import { parseSponsorForm } from "@/lib/events/forms";
import { moveSponsor, removeSponsor, saveSponsor } from "@/lib/events/items";
import { getEventById } from "@/lib/events/queries";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import type { RowActionResult } from "../agenda/actions";

export const saveSponsorAction = action(
  { auth: "admin", args: [uuid, uuid.nullable()], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ args: [eventId, sponsorId], form }) => {
    const db = await getDb();
    const event = await getEventById(db, eventId);
    if (!event) return formError({ message: "This event no longer exists." });
    const parsed = parseSponsorForm(form, event, newKey(String(form.name ?? "")));
    if (!parsed.ok) return formError({ message: "Nothing was saved. Fix the fields marked below.", fields: parsed.fields });
    const result = await saveSponsor(db, eventId, sponsorId, parsed.value);
    if (!result.ok) return formError(result.error);
    revalidatePath(`/admin/events/${eventId}/sponsors`);
    return formSaved(sponsorId ? `Saved ${parsed.value.name}.` : `Added ${parsed.value.name}.`);
  },
);

const rowError = (e: { message: string }): RowActionResult => ({ ok: false, message: e.message });

export const removeSponsorAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, sponsorId] }): Promise<RowActionResult> => {
  const result = await removeSponsor(await getDb(), eventId, sponsorId);
  if (!result.ok) return rowError(result.error);
  revalidatePath(`/admin/events/${eventId}/sponsors`);
  return { ok: true, message: "Sponsor removed; their pending recommendations will be skipped." };
});

export const moveSponsorAction = action(
  { auth: "admin", args: [uuid, uuid, z.enum(["up", "down"])], onError: rowError },
  async ({ args: [eventId, sponsorId, direction] }): Promise<RowActionResult> => {
    const result = await moveSponsor(await getDb(), eventId, sponsorId, direction);
    if (!result.ok) return rowError(result.error);
    revalidatePath(`/admin/events/${eventId}/sponsors`);
    return { ok: true, message: "" };
  },
);
