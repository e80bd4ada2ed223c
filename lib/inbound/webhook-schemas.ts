import { z } from "zod";
import { text } from "@/lib/http/parse";

/** Twilio's fields we read; the rest of its (many, growing) fields are ignored, so not strict. */
export const inboundSmsFields = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  From: text(40).pipe(z.string().min(3)),
  Body: text(1600).default(""),
});

export const statusCallbackFields = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().regex(/^[a-z_]{2,20}$/),
  ErrorCode: z.string().regex(/^\d{1,6}$/).optional(),
  To: text(40).optional(),
});
