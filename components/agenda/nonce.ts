/**
 * A per-attempt id for check-in requests (a retried request with the same nonce is the
 * same check-in). crypto.randomUUID only exists in secure contexts; a desk tablet on
 * the venue LAN over plain http still gets 128 random bits.
 */
export function newNonce(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
