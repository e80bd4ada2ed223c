/**
 * A stand-in for Next's request scope, so a server action can be called in vitest
 * exactly as Next calls it: the raw arguments a client posted, the caller's cookies
 * and headers. Only Next's request APIs are replaced (never our own code).
 */
import { vi } from "vitest";

const scope = vi.hoisted(() => ({ cookie: "", ip: "203.0.113.9", extra: {} as Record<string, string> }));

vi.mock("next/headers", () => {
  const headerBag = () => new Headers({ ...scope.extra, cookie: scope.cookie, "x-forwarded-for": scope.ip });
  const cookieJar = () => {
    const all = scope.cookie
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => ({ name: p.slice(0, p.indexOf("=")), value: p.slice(p.indexOf("=") + 1) }));
    return { get: (n: string) => all.find((c) => c.name === n), getAll: () => all, has: (n: string) => all.some((c) => c.name === n) };
  };
  return { headers: async () => headerBag(), cookies: async () => cookieJar() };
});

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), refresh: () => {}, revalidatePath: () => {} }));

/** Who the next action call comes from; `headers` are any other request headers (e.g. `authorization`). */
export function asCaller(o: { cookie?: string; ip?: string; headers?: Record<string, string> }) {
  scope.cookie = o.cookie ?? "";
  scope.ip = o.ip ?? "203.0.113.9";
  scope.extra = o.headers ?? {};
}
