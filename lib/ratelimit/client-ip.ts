import { isIP } from "node:net";

/**
 * The client's IP for per-IP limits.
 *
 * Trust assumption: the app runs behind Vercel's proxy (or another reverse proxy that
 * sets these headers), which overwrites `x-forwarded-for` / `x-real-ip` with the
 * address it saw, so the first hop is the client. Served directly to the internet, a
 * client could put any value there and pick its own bucket: per-IP limits are then a
 * speed bump, and the per-email/phone/account limits are what holds.
 *
 * IPv6 addresses are grouped by their /64 (one subscriber usually holds a whole /64,
 * so single addresses would give an attacker 2^64 buckets).
 *
 * A request with no usable address shares one bucket (`unknown`), so a missing header
 * does not mean "no limit".
 */
export const UNKNOWN_IP = "unknown";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Strips a port and IPv6 brackets; returns a valid IP or undefined. */
function clean(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let v = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (v.startsWith("::ffff:") && isIP(v.slice(7)) === 4) v = v.slice(7);
  const kind = isIP(v);
  if (kind === 4) return v;
  if (kind === 6) return ipv6Prefix64(v.toLowerCase());
  return undefined;
}

/** "2001:db8:1:2:a:b:c:d" and "2001:db8:1:2::5" → "2001:db8:1:2::/64". */
function ipv6Prefix64(v: string): string {
  const [head, tail = ""] = v.split("::");
  const left = head ? head.split(":") : [];
  const right = v.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0];
  return clean(forwarded) ?? clean(header(headers, "x-real-ip")) ?? UNKNOWN_IP;
}
