/**
 * The rate limits of the public attendee edge (SPEC §8), in one place: registration
 * per IP, email and phone; token pages and self check-in per IP. Routes get a 429
 * Response (with Retry-After) or null; actions an AppError or null. The numbers and
 * the outage behaviour live in lib/ratelimit.
 */
import { appError, type AppError } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { clientIp, consume, consumeAll, describeWait, rateLimitResponse, type ConsumeResult, type LimitName } from "@/lib/ratelimit";
import { toE164 } from "./phone";

type Checks = ReadonlyArray<readonly [LimitName, string | null | undefined]>;

function registrationChecks(ip: string, who: { email: string; phone?: string }): Checks {
  const email = who.email.trim().toLowerCase() || null;
  const phone = who.phone ? (toE164(who.phone) ?? null) : null;
  return [
    ["registrationIp", ip],
    ["registrationEmail", email],
    ["registrationPhone", phone],
  ];
}

function asResponse(r: ConsumeResult): Response | null {
  return r.ok ? null : rateLimitResponse(r);
}

function asAppError(r: ConsumeResult): AppError | null {
  if (r.ok) return null;
  return r.reason === "limited"
    ? appError(429, "rate_limited", `Too many attempts. Please try again in ${describeWait(Math.max(1, Math.ceil(r.retryAfterSeconds)))}.`)
    : appError(429, "rate_limit_unavailable", "This is temporarily unavailable. Please try again shortly.");
}

export async function registrationLimits(ip: string, who: { email: string; phone?: string }): Promise<Response | null> {
  return asResponse(await consumeAll(await getDb(), registrationChecks(ip, who)));
}
export async function registrationLimitsForAction(ip: string, who: { email: string; phone?: string }): Promise<AppError | null> {
  return asAppError(await consumeAll(await getDb(), registrationChecks(ip, who)));
}
export async function tokenPageLimit(ip: string): Promise<Response | null> {
  return asResponse(await consume(await getDb(), "tokenPageIp", ip));
}
/** The proxy's check before an attendee page renders: a real 429 with Retry-After. */
export async function tokenPageLimitFor(headers: Headers): Promise<Response | null> {
  return tokenPageLimit(clientIp(headers));
}
export async function tokenActionLimit(ip: string): Promise<AppError | null> {
  return asAppError(await consume(await getDb(), "tokenPageIp", ip));
}
export async function selfCheckInLimit(ip: string): Promise<Response | null> {
  return asResponse(await consume(await getDb(), "selfCheckInIp", ip));
}
export async function selfCheckInActionLimit(ip: string): Promise<AppError | null> {
  return asAppError(await consume(await getDb(), "selfCheckInIp", ip));
}
