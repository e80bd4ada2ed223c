import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./headers";

describe("security headers", () => {
  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });

  it("allows scripts only by nonce in production, with eval only in development", () => {
    const prod = contentSecurityPolicy({ nonce: "abc", dev: false, https: false });
    expect(prod).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).not.toContain("upgrade-insecure-requests");
    // a nonce in style-src would make browsers ignore 'unsafe-inline' (decision 0121)
    expect(prod).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(contentSecurityPolicy({ nonce: "abc", dev: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("sends HSTS and upgrade-insecure-requests only over https", () => {
    expect(staticSecurityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(staticSecurityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringContaining("camera=(self)"),
    });
  });
});
