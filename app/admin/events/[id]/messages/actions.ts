"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { uuid } from "@/lib/http/parse";
import { cancelMessage, pauseEventMessaging, resumeEventMessaging, retryMessage } from "@/lib/messaging/message-center";
import type { RowActionResult } from "../agenda/actions";

const rowError = (e: { message: string }): RowActionResult => ({ ok: false, message: e.message });

export const setPausedAction = action({ auth: "admin", args: [uuid, z.boolean()], onError: rowError }, async ({ args: [eventId, pause] }): Promise<RowActionResult> => {
  const db = await getDb();
  const r = pause ? await pauseEventMessaging(db, eventId) : await resumeEventMessaging(db, eventId);
  if (!r.ok) return rowError(r.error);
  revalidatePath(`/admin/events/${eventId}`, "layout");
  return { ok: true, message: pause ? "Messaging paused. Nothing is sent until you resume." : `Messaging resumed. ${"redispatched" in r ? r.redispatched : 0} overdue messages are being sent or skipped as stale.` };
});

export const retryMessageAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, messageId] }): Promise<RowActionResult> => {
  const r = await retryMessage(await getDb(), eventId, messageId);
  if (!r.ok) return rowError(r.error);
  revalidatePath(`/admin/events/${eventId}/messages`);
  return { ok: true, message: "Retrying now." };
});

export const cancelMessageAction = action({ auth: "admin", args: [uuid, uuid], onError: rowError }, async ({ args: [eventId, messageId] }): Promise<RowActionResult> => {
  const r = await cancelMessage(await getDb(), eventId, messageId);
  if (!r.ok) return rowError(r.error);
  revalidatePath(`/admin/events/${eventId}/messages`);
  return { ok: true, message: "Cancelled." };
});
