import fc from "fast-check";

/** Strings an attacker sends: NUL bytes, broken UTF-16, 1 MB, near-UUIDs, path and SQL tricks. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ maxLength: 40 }).map((s) => `${s}\u0000`),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\\\\evil.example",
    "/\\evil.example",
    "//evil.example",
    "../../../etc/passwd",
    "' or 1=1 --",
    "00000000-0000-0000-0000-00000000000g",
    "123e4567-e89b-12d3-a456-4266141740000",
    "\ud800",
    "\udfff\ud800",
    "%00",
    "%",
    "😀".repeat(50),
    "NaN",
    "-1",
    "1e309",
    "",
    " ",
  ),
  fc.integer({ min: 1, max: 4 }).map((n) => "x".repeat(n * 250_000)),
  fc.uuid(),
);

/** Any JSON value, with hostile strings inside. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "token", "attendee_id", "method", "id")), tie("v"), { maxKeys: 4 }),
  ),
})).v;

/** A valid object with some of its fields replaced by hostile values, or extra hostile keys. */
export function mutate(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  return fc
    .record({
      replace: fc.subarray(keys, { minLength: keys.length ? 1 : 0 }),
      values: fc.array(hostileJson, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.dictionary(fc.oneof(hostileString, fc.constantFrom("attendee_id", "staffAttendeeId", "role", "isAdmin", "token", "event_id")), hostileJson, { maxKeys: 2 }),
    })
    .map(({ replace, values, extra }) => {
      const out: Record<string, unknown> = { ...valid, ...extra };
      replace.forEach((k, i) => (out[k] = values[i]));
      return out;
    });
}
