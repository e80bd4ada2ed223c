import type { ResendFakeStep } from "@/tests/fakes/resend-fake";
import type { TwilioFakeStep } from "@/tests/fakes/twilio-fake";

/** The fault mix: 30 % 5xx, 10 % 429 with Retry-After, 5 % accept-then-time-out. */
export function faultFor(r: number): "5xx" | "429" | "accept-then-hang" | "ok" {
  if (r < 0.3) return "5xx";
  if (r < 0.4) return "429";
  if (r < 0.45) return "accept-then-hang";
  return "ok";
}

export function twilioStep(r: number): TwilioFakeStep {
  const f = faultFor(r);
  if (f === "5xx") return r < 0.15 ? 500 : 503;
  if (f === "429") return { status: 429, code: 20429, retryAfterSeconds: 2 };
  return f;
}

export function resendStep(r: number): ResendFakeStep {
  const f = faultFor(r);
  if (f === "5xx") return r < 0.15 ? 500 : { status: 503, name: "application_error" };
  if (f === "429") return { status: 429, retryAfterSeconds: 2 };
  return f;
}
