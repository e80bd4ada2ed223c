"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { formError, formSaved } from "@/components/admin/form-state";
import { describeMoved } from "@/components/admin/what-moved";
import { getDb } from "@/lib/db";
import { setEventStatus, updateEvent } from "@/lib/events/crud";
import { parseEventForm } from "@/lib/events/forms";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";

export const updateEventAction = action(
  { auth: "admin", args: [uuid], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ args: [eventId], form }) => {
    const parsed = parseEventForm(form);
    if (!parsed.ok) return formError({ message: "Nothing was saved. Fix the fields marked below.", fields: parsed.fields });
    const result = await updateEvent(await getDb(), eventId, parsed.value);
    if (!result.ok) return formError(result.error);
    revalidatePath(`/admin/events/${eventId}`, "layout");
    return formSaved("Event saved.", result.moved ? describeMoved(result.moved, result.event.timezone) : undefined);
  },
);

const statusForm = z.object({
  to: z.enum(["published", "draft", "cancelled"]),
  confirm: z.string().max(10).optional(),
});

/** Publish, unpublish, cancel. Cancelling needs the confirmation box ticked. */
export const changeStatusAction = action(
  { auth: "admin", args: [uuid], withPrevState: true, form: statusForm, onError: consoleOnError },
  async ({ args: [eventId], form }) => {
    if (form.to === "cancelled" && form.confirm !== "yes") {
      return formError({ message: "Tick the box to confirm the cancellation.", fields: { confirm: "must be ticked to cancel the event" } });
    }
    const result = await setEventStatus(await getDb(), eventId, form.to);
    if (!result.ok) return formError(result.error);
    revalidatePath(`/admin/events/${eventId}`, "layout");
    revalidatePath("/admin");
    const done = { published: "Published: the public page is live.", draft: "Unpublished: the event is a draft again.", cancelled: `Event cancelled. ${result.cancelledMessages} pending messages were cancelled.` };
    return formSaved(done[form.to]);
  },
);
