import { z } from "zod";
import { toE164 } from "./phone";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The public registration form and POST /api/event-check-in/register share these rules. */
export const registrationInputSchema = z
  .object({
    eventSlug: z.string().trim().min(1, "is required"),
    firstName: z.string({ error: "is required" }).trim().min(1, "is required").max(100),
    lastName: z.string({ error: "is required" }).trim().min(1, "is required").max(100),
    email: z
      .string({ error: "is required" })
      .trim()
      .toLowerCase()
      .pipe(z.email("is not a valid email address")),
    phone: optionalText(40),
    smsConsent: z.boolean().default(false),
    companyName: optionalText(200),
  })
  .transform((v, ctx) => {
    if (!v.phone) {
      if (v.smsConsent) ctx.addIssue({ code: "custom", path: ["phone"], message: "is required to receive text messages" });
      return { ...v, phone: undefined };
    }
    const e164 = toE164(v.phone);
    if (!e164) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "is not a valid mobile number" });
      return z.NEVER;
    }
    return { ...v, phone: e164 };
  });

export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type ValidRegistration = z.output<typeof registrationInputSchema>;
