import { createHash, createHmac, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contractors, eventAttendees } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { serverSecret } from "@/lib/auth/secret";

/**
 * The list a tablet downloads to validate codes offline (docs/decisions/0132): for
 * each registration, a hash of its code (never the code: a lost tablet holds nothing
 * that checks anyone in), the name and company to show, and whether it is already
 * in or cancelled. The list is signed with Ed25519 so the device can verify it with
 * the public key embedded in the page (an HMAC would need the secret on the device).
 * The key pair is derived from NEXTAUTH_SECRET, so every server instance agrees.
 */
export type CodeListEntry = [hash: string, name: string, company: string | null, state: "registered" | "checked_in" | "cancelled"];
export type CodeList = { v: 1; eventId: string; issuedAt: string; salt: string; entries: CodeListEntry[] };
export type SignedCodeList = { payload: string; signature: string };

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

let cachedKey: { secret: string; key: KeyObject } | undefined;

function signingKey(): KeyObject {
  const secret = serverSecret();
  if (cachedKey?.secret === secret) return cachedKey.key;
  const seed = createHmac("sha256", secret).update("tpx/check-in-code-list/v1").digest();
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  cachedKey = { secret, key };
  return key;
}

/** The raw 32-byte public key, base64url, for the page to embed. */
export function codeListPublicKey(): string {
  const spki = createPublicKey(signingKey()).export({ format: "der", type: "spki" });
  return Buffer.from(spki.subarray(spki.length - 32)).toString("base64url");
}

/** sha256(salt ":" code), first 16 bytes in hex: what the device compares a scanned code against. */
export function hashCode(salt: string, code: string): string {
  return createHash("sha256").update(`${salt}:${code.trim()}`).digest("hex").slice(0, 32);
}

export async function buildCodeList(db: Db, eventId: string): Promise<SignedCodeList> {
  const rows = await db
    .select({
      code: eventAttendees.qrCodeData,
      firstName: contractors.firstName,
      lastName: contractors.lastName,
      email: contractors.email,
      company: contractors.companyName,
      checkInTime: eventAttendees.checkInTime,
      cancelledAt: eventAttendees.cancelledAt,
    })
    .from(eventAttendees)
    .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
    .where(and(eq(eventAttendees.eventId, eventId)))
    .orderBy(asc(eventAttendees.id));
  const salt = eventId;
  const list: CodeList = {
    v: 1,
    eventId,
    issuedAt: clockNow().toISOString(),
    salt,
    entries: rows.map((r) => [
      hashCode(salt, r.code),
      [r.firstName, r.lastName].filter(Boolean).join(" ") || r.email.replace(/@.*/, ""),
      r.company,
      r.cancelledAt ? "cancelled" : r.checkInTime ? "checked_in" : "registered",
    ]),
  };
  const payload = JSON.stringify(list);
  const signature = sign(null, Buffer.from(payload), signingKey()).toString("base64url");
  return { payload, signature };
}
