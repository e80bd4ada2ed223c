"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { formError, formSaved } from "@/components/admin/form-state";
import { describeMoved } from "@/components/admin/what-moved";
import { getDb } from "@/lib/db";
import { newKey } from "@/lib/events/crud";
import { parseAgendaForm } from "@/lib/events/forms";
import { cancelAgendaItem, listSpeakers, restoreAgendaItem, saveAgendaItem } from "@/lib/events/items";
import { getEventById } from "@/lib/events/queries";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";

const noEvent = () => formError({ message: "This event no longer exists." });

/** Adds (itemId null) or edits an agenda item; the answer says which messages moved. */
export const saveAgendaItemAction = action(
  { auth: "admin", args: [uuid, uuid.nullable()], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ args: [eventId, itemId], form }) => {
    const db = await getDb();
    const event = await getEventById(db, eventId);
    if (!event) return noEvent();
    const speakers = await listSpeakers(db, eventId);
    const parsed = parseAgendaForm(form, event, speakers, newKey(String(form.title ?? "")));
    if (!parsed.ok) return formError({ message: "Nothing was saved. Fix the fields marked below.", fields: parsed.fields });
    const result = await saveAgendaItem(db, event, itemId, parsed.value);
    if (!result.ok) return formError(result.error);
    revalidatePath(`/admin/events/${eventId}/agenda`);
    return formSaved(itemId ? `Saved "${parsed.value.title}".` : `Added "${parsed.value.title}".`, describeMoved(result.moved, event.timezone));
  },
);

export type RowActionResult = { ok: boolean; message: string; details?: string[] };
const rowError = (e: { message: string }): RowActionResult => ({ ok: false, message: e.message });

export const setAgendaItemCancelledAction = action(
  { auth: "admin", args: [uuid, uuid, z.boolean()], onError: rowError },
  async ({ args: [eventId, itemId, cancel] }): Promise<RowActionResult> => {
    const db = await getDb();
    const event = await getEventById(db, eventId);
    if (!event) return { ok: false, message: "This event no longer exists." };
    const result = cancel ? await cancelAgendaItem(db, eventId, itemId) : await restoreAgendaItem(db, eventId, itemId);
    if (!result.ok) return rowError(result.error);
    revalidatePath(`/admin/events/${eventId}/agenda`);
    return { ok: true, message: cancel ? "Item cancelled." : "Item restored.", details: describeMoved(result.moved, event.timezone) };
  },
);
