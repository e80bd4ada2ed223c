import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees } from "@/db/schema";
import { serverSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { qrPngBase64 } from "./qr";

/**
 * The hosted check-in QR (issue 13 §2, decision 0197): emails show the attendee's QR as
 * an image at `/api/qr/{attendee id}?s=…` instead of a `cid:` attachment, so they fit
 * Resend's batch endpoint (which takes no attachments). The signature is an HMAC of the
 * attendee id under its own label: it opens this image and nothing else (image proxies
 * such as Gmail's fetch it on their own, so it must not be the attendee's link token,
 * which opens the profile and the agenda). The image is the attendee's current code.
 */
const LABEL = "tpx/check-in-qr-image/v1\n";

export function qrImageSignature(attendeeId: string): string {
  return createHmac("sha256", serverSecret()).update(LABEL + attendeeId).digest("base64url").slice(0, 32);
}

export function qrImageUrl(attendeeId: string, base = env().APP_URL): string {
  return `${base.replace(/\/$/, "")}/api/qr/${encodeURIComponent(attendeeId)}?s=${qrImageSignature(attendeeId)}`;
}

/** Constant-time check of a signature from the URL. */
export function qrImageSignatureValid(attendeeId: string, signature: string): boolean {
  const want = Buffer.from(qrImageSignature(attendeeId));
  const got = Buffer.from(signature);
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The PNG for a live registration (the same image the emails used to attach); null for none or a cancelled one. */
export async function qrImageOf(db: Db, attendeeId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ code: eventAttendees.qrCodeData })
    .from(eventAttendees)
    .where(and(eq(eventAttendees.id, attendeeId), isNull(eventAttendees.cancelledAt)));
  return row ? Buffer.from(await qrPngBase64(row.code), "base64") : null;
}
