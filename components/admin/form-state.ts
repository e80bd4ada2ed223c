/** The result every console form action returns (lib/http/action.ts onError maps failures to it). */
export type ConsoleFormState =
  | { status: "idle" }
  | { status: "saved"; message: string; details?: string[]; at: number }
  | { status: "error"; message?: string; fields: Record<string, string>; at: number };

export type ConsoleFormAction = (state: ConsoleFormState, formData: FormData) => Promise<ConsoleFormState>;

export function formError(e: { message: string; fields?: Record<string, string> }): ConsoleFormState {
  return { status: "error", message: e.message, fields: e.fields ?? {}, at: Date.now() };
}

export function formSaved(message: string, details?: string[]): ConsoleFormState {
  return { status: "saved", message, details, at: Date.now() };
}

export type FieldSpec = {
  name: string;
  label: string;
  kind?: "text" | "password" | "textarea" | "datetime-local" | "select" | "timezone" | "email" | "tel" | "number";
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  optional?: boolean;
  /** Spans both columns of the form grid. */
  wide?: boolean;
};
