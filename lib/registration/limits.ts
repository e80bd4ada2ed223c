/**
 * The rate limits of the public attendee edge (SPEC §8), in one place: registration
 * per IP, email and phone; token pages and self check-in per IP. Each returns a 429
 * Response (with Retry-After) or null.
 * TEMPORARY until lib/ratelimit lands in this branch.
 */
import type { AppError } from "@/lib/errors";

export async function registrationLimits(_ip: string, _body: { email: string; phone?: string }): Promise<Response | null> {
  return null;
}
export async function registrationLimitsForAction(_ip: string, _body: { email: string; phone?: string }): Promise<AppError | null> {
  return null;
}
export async function tokenPageLimit(_ip: string): Promise<Response | null> {
  return null;
}
export async function tokenActionLimit(_ip: string): Promise<AppError | null> {
  return null;
}
export async function selfCheckInLimit(_ip: string): Promise<Response | null> {
  return null;
}
export async function selfCheckInActionLimit(_ip: string): Promise<AppError | null> {
  return null;
}
