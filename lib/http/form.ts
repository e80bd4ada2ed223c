import { MAX_BODY_BYTES } from "./response";

/**
 * An application/x-www-form-urlencoded body (Twilio's webhooks) as the raw text and the
 * parsed fields. Repeated keys keep the last value, as Twilio never repeats one. Too
 * large a body is refused before it is read whole.
 */
export async function readFormBody(req: Request): Promise<{ ok: true; raw: string; fields: Record<string, string> } | { ok: false; status: 400 | 413 }> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return { ok: false, status: 400 };
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) return { ok: false, status: 413 };
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return { ok: false, status: 413 };
  const fields: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) fields[k] = v;
  return { ok: true, raw, fields };
}
