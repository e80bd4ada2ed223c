/**
 * Expected failures (bad input, not found, conflict) travel as values with one
 * shape everywhere in the API: { error: { code, message, fields? } }. Bugs throw.
 */
export type FieldErrors = Record<string, string>;

export type AppError = {
  code: string;
  message: string;
  /** HTTP status the API maps it to. */
  status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 500;
  fields?: FieldErrors;
};

export type Result<T> = ({ ok: true } & T) | { ok: false; error: AppError };

export const appError = (status: AppError["status"], code: string, message: string, fields?: FieldErrors): AppError => ({
  status,
  code,
  message,
  ...(fields ? { fields } : {}),
});

/** zod issues → { "field.path": "message" }, first message per field. */
export function fieldErrorsFromZod(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

export function validationError(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): AppError {
  const fields = fieldErrorsFromZod(issues);
  const names = Object.keys(fields).join(", ");
  return appError(400, "invalid_input", `Please check: ${names}.`, fields);
}
