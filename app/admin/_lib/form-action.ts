import { z } from "zod";
import { formError } from "@/components/admin/form-state";
import type { AppError } from "@/lib/errors";
import { text } from "@/lib/http/parse";

/** Every console form posts flat text fields (lib/events/forms.ts checks their meaning). */
export const flatForm = z.record(z.string().max(100), z.union([text(10_000), z.array(text(10_000)).max(50)]));

export const consoleOnError = (e: AppError) => formError(e);
