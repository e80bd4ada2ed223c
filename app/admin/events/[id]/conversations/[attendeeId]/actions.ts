"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { devToolsEnabled } from "@/lib/env";
import { action } from "@/lib/http/action";
import { text, uuid } from "@/lib/http/parse";
import { replyAsStaff, simulateInbound } from "@/lib/inbound/conversations";

import type { SmsFormState } from "@/components/admin/sms-form";
export type { SmsFormState };

const form = z.object({ body: text(1000).pipe(z.string().min(1, "Write a message first.")) });
const onError = (e: { status: number; message: string; fields?: Record<string, string> }): SmsFormState => ({
  status: "error",
  message: e.status === 401 || e.status === 403 ? "Only organizers can do this." : (e.fields?.body ?? e.message),
});

/** "Reply as staff": an SMS through the outbox, which resolves the person's open handoffs. */
export const sendStaffReply = action(
  { auth: "admin", args: [uuid, uuid], withPrevState: true, form, onError },
  async ({ args: [eventId, attendeeId], form: f, user }): Promise<SmsFormState> => {
    const result = await replyAsStaff(await getDb(), { eventId, attendeeId, body: f.body, userId: user!.id, at: now() });
    if (!result.ok) return { status: "error", message: result.message };
    revalidatePath(`/admin/events/${eventId}/conversations/${attendeeId}`);
    return { status: "done", message: "Reply queued." };
  },
);

/** Development only: runs the inbound pipeline as if the attendee had texted `body`. */
export const simulateInboundSms = action(
  { auth: "admin", args: [uuid, uuid], withPrevState: true, form, onError },
  async ({ args: [eventId, attendeeId], form: f }): Promise<SmsFormState> => {
    if (!devToolsEnabled()) return { status: "error", message: "The simulator exists in development only." };
    const result = await simulateInbound(await getDb(), eventId, attendeeId, f.body, now());
    if (!result || result.duplicate) return { status: "error", message: "This attendee has no mobile number." };
    revalidatePath(`/admin/events/${eventId}/conversations/${attendeeId}`);
    return { status: "done", message: result.reply ? `Answered: ${result.reply}` : `Handled as ${result.handledAs} (no reply).` };
  },
);
