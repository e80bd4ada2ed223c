"use server";

import { revalidatePath } from "next/cache";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { formError, formSaved } from "@/components/admin/form-state";
import { describeMoved } from "@/components/admin/what-moved";
import { getDb } from "@/lib/db";
import { newKey } from "@/lib/events/crud";
import { parseSpeakerForm } from "@/lib/events/forms";
import { deleteSpeaker, saveSpeaker } from "@/lib/events/items";
import { getEventById } from "@/lib/events/queries";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import type { RowActionResult } from "../agenda/actions";

export const saveSpeakerAction = action(
  { auth: "admin", args: [uuid, uuid.nullable()], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ args: [eventId, speakerId], form }) => {
    const db = await getDb();
    const event = await getEventById(db, eventId);
    if (!event) return formError({ message: "This event no longer exists." });
    const parsed = parseSpeakerForm(form, event, newKey(String(form.name ?? "")));
    if (!parsed.ok) return formError({ message: "Nothing was saved. Fix the fields marked below.", fields: parsed.fields });
    const result = await saveSpeaker(db, eventId, speakerId, parsed.value);
    if (!result.ok) return formError(result.error);
    revalidatePath(`/admin/events/${eventId}/speakers`);
    return formSaved(speakerId ? `Saved ${parsed.value.name}.` : `Added ${parsed.value.name}.`);
  },
);

export const deleteSpeakerAction = action(
  { auth: "admin", args: [uuid, uuid], onError: (e): RowActionResult => ({ ok: false, message: e.message }) },
  async ({ args: [eventId, speakerId] }): Promise<RowActionResult> => {
    const db = await getDb();
    const event = await getEventById(db, eventId);
    if (!event) return { ok: false, message: "This event no longer exists." };
    const result = await deleteSpeaker(db, eventId, speakerId);
    if (!result.ok) return { ok: false, message: result.error.message };
    revalidatePath(`/admin/events/${eventId}/speakers`);
    return { ok: true, message: "Speaker deleted.", details: describeMoved(result.moved, event.timezone) };
  },
);
