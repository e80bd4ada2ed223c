import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

const base = "https://tpx.example.com";

describe("safeRedirect (next-auth's callbackUrl)", () => {
  it.each([
    ["/admin", `${base}/admin`],
    [`${base}/staff/events/1`, `${base}/staff/events/1`],
    ["\\\\evil.example", base],
    ["/\\evil.example", base],
    ["//evil.example/x", base],
    ["https://evil.example/admin", base],
    ["javascript:alert(1)", base],
    ["/admin\u0000", base],
    ["not a url at all", base],
    ["x".repeat(2_000), base],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirect(url, base)).toBe(expected);
  });
});
