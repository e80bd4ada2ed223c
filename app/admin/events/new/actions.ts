"use server";

import { redirect } from "next/navigation";
import { formError } from "@/components/admin/form-state";
import { consoleOnError, flatForm } from "@/app/admin/_lib/form-action";
import { getDb } from "@/lib/db";
import { createEvent } from "@/lib/events/crud";
import { parseEventForm } from "@/lib/events/forms";
import { action } from "@/lib/http/action";

/** Creates a draft event from the form; on success the organizer lands on its agenda. */
export const createEventAction = action(
  { auth: "admin", args: [], withPrevState: true, form: flatForm, onError: consoleOnError },
  async ({ form }) => {
    const parsed = parseEventForm(form);
    if (!parsed.ok) return formError({ message: "The event was not created. Fix the fields marked below.", fields: parsed.fields });
    const result = await createEvent(await getDb(), parsed.value);
    if (!result.ok) return formError(result.error);
    redirect(`/admin/events/${result.event.id}/agenda?created=1`);
  },
);
