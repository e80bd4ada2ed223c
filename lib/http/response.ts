import type { AppError } from "@/lib/errors";

/** The API's one error shape: { error: { code, message, fields? } } with the right status. */
export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  const { status, ...body } = error;
  return Response.json({ error: body }, { status, headers });
}

/** Request bodies are small forms: anything larger is refused before it is read into memory. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body; a malformed or oversized one is the caller's mistake (400/413), not a crash. */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  let raw: string;
  try {
    raw = await req.text();
  } catch {
    return { ok: false, response: invalidJson() };
  }
  if (raw.length > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };
  if (raw.trim() === "") return { ok: true, body: {} };
  try {
    return { ok: true, body: JSON.parse(raw) };
  } catch {
    return { ok: false, response: invalidJson() };
  }
}

function invalidJson(): Response {
  return errorResponse({ status: 400, code: "invalid_json", message: "The request body must be valid JSON." });
}

function tooLarge(): Response {
  return Response.json(
    { error: { code: "body_too_large", message: `The request body must be at most ${MAX_BODY_BYTES / 1024} KB.` } },
    { status: 413 },
  );
}
