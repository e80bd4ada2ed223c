import type { AppError } from "./errors";

/** The API's one error shape: { error: { code, message, fields? } } with the right status. */
export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  const { status, ...body } = error;
  return Response.json({ error: body }, { status, headers });
}

/** Reads a JSON body; a malformed one is the caller's mistake (400), not a crash. */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await req.json() };
  } catch {
    return {
      ok: false,
      response: errorResponse({ status: 400, code: "invalid_json", message: "The request body must be valid JSON." }),
    };
  }
}
