/**
 * The caller's IP for rate limits. Behind Vercel (or any proxy we deploy behind)
 * the platform sets `x-forwarded-for` with the client first and strips what the
 * client sent; `x-real-ip` is the fallback. Without a proxy these headers are the
 * client's own words, so a limit keyed by them is a speed bump, not a wall: the
 * per-email, per-phone and per-account limits do not depend on them.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : "unknown";
}
