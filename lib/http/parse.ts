import { z } from "zod";

/**
 * The shared parsers for everything that enters from outside (SPEC §8): text is
 * text (no NUL byte, which PostgreSQL refuses, and a length cap), ids are UUIDs,
 * tokens are tokens. Every route, action and page parses with these, so a value of
 * the wrong shape is a 4xx at the edge and never reaches SQL.
 */

/** Any string stored or compared in SQL: PostgreSQL text cannot hold U+0000. */
const NUL = /\u0000/;
/** Lone surrogates become U+FFFD on the wire; refuse them instead of storing something else. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const MAX_TEXT = 2_000;

/** A trimmed string of at most `max` characters, no NUL, no broken UTF-16. */
export function text(max: number = MAX_TEXT) {
  return z
    .string({ error: "must be text" })
    .max(max * 4, `must be at most ${max} characters`)
    .refine((v) => !NUL.test(v), "must not contain a NUL character")
    .refine((v) => !LONE_SURROGATE.test(v), "must be valid text")
    .transform((v) => v.trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`));
}

/** Optional text: a missing, null or blank value is undefined. */
export function optionalText(max: number = MAX_TEXT) {
  return z.preprocess((v) => (v === null || v === "" ? undefined : v), text(max).optional()).transform((v) => (v ? v : undefined));
}

export const uuid = z.uuid({ error: "must be an id (UUID)" });

/**
 * An attendee link token: 24 random bytes in base64url (lib/registration/tokens.ts),
 * so 32 characters; accept 20–100 of the base64url alphabet so older or longer
 * tokens still parse, and nothing else reaches the lookup.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;
export const token = z.string({ error: "must be a link token" }).regex(TOKEN_PATTERN, "is not a valid link token");

/** Event slugs as the event file allows them. */
export const slug = z.string({ error: "must be an event slug" }).max(100, "is not a valid event slug").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "is not a valid event slug");

/** A client nonce that makes a retried check-in safe. */
export const nonce = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, "is not a valid nonce");

/** A check-in code as printed under the QR (TPX1.…); scanners may add whitespace. */
export const checkInCode = text(200).pipe(z.string().min(1, "is required").regex(/^[\x21-\x7e]+$/, "is not a valid check-in code"));

/** A search box. */
export const searchText = optionalText(100);

/** Parses one value; undefined when it does not fit (for pages, where a bad value is simply absent). */
export function parseOr<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** A `?t=` search param (Next gives string | string[] | undefined): a token or undefined. */
export function tokenParam(value: unknown): string | undefined {
  return parseOr(token, value);
}

/** URLSearchParams → a plain object; a repeated key becomes an array (which a string schema refuses). */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/**
 * FormData → a plain object for zod. Files are refused (no action takes uploads
 * through this path); a repeated key becomes an array. Keys React adds for its
 * own bookkeeping (`$ACTION_…`) are dropped.
 */
export function formDataObject(form: FormData): Record<string, string | string[]> | null {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    if (all.some((v) => typeof v !== "string")) return null;
    const values = all as string[];
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** Required text: missing, null or blank is "is required"; a non-string is "must be text". */
export function requiredText(max: number = MAX_TEXT) {
  return z.preprocess((v) => v ?? "", text(max)).pipe(z.string().min(1, "is required"));
}
