import { randomBytes } from "node:crypto";

/** 192 random bits, URL-safe: attendee links never carry a bare id (SPEC §5.1). */
export function newAccessToken(): string {
  return randomBytes(24).toString("base64url");
}

/** What the QR code encodes: a prefix staff scanners recognise plus 128 random bits. */
export function newQrCodeData(): string {
  return `TPX1.${randomBytes(16).toString("base64url")}`;
}
