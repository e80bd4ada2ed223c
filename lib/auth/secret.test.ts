import { afterEach, describe, expect, it } from "vitest";
import { codeListPublicKey } from "@/lib/checkin/code-list";
import { resetEnvForTests } from "@/lib/env";
import { qrImageSignature } from "@/lib/messaging/qr-link";
import { hashKey } from "@/lib/ratelimit/keys";
import { authSecret, serverSecret } from "./secret";

const saved = { NODE_ENV: process.env.NODE_ENV, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET };
function setEnv(vars: { NODE_ENV: string; NEXTAUTH_SECRET?: string }) {
  Object.assign(process.env, { NODE_ENV: vars.NODE_ENV });
  if (vars.NEXTAUTH_SECRET === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = vars.NEXTAUTH_SECRET;
  resetEnvForTests();
}
afterEach(() => setEnv({ NODE_ENV: saved.NODE_ENV ?? "test", NEXTAUTH_SECRET: saved.NEXTAUTH_SECRET }));

// Every keyed hash or signature the app makes, each under its own label.
const uses = {
  "hosted QR image signature": () => qrImageSignature("7f1c2a9e-0000-4000-8000-000000000001"),
  "tablet code-list key": () => codeListPublicKey(),
  "rate-limit key": () => hashKey("dana@example.com"),
};

describe("one server secret", () => {
  it.each(Object.entries(uses))("%s: never the public development constant in production", (_name, use) => {
    setEnv({ NODE_ENV: "development" });
    const dev = use();
    setEnv({ NODE_ENV: "production" });
    expect(use).toThrow(/NEXTAUTH_SECRET is not set/);
    setEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "a".repeat(32) });
    const a = use();
    setEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "b".repeat(32) });
    const b = use();
    expect(new Set([dev, a, b]).size).toBe(3);
  });

  it("sessions use the same secret", () => {
    setEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(40) });
    expect(authSecret()).toBe(serverSecret());
    expect(serverSecret()).toBe("s".repeat(40));
  });

  it("different labels: the same value never gives the same keyed hash twice", () => {
    setEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "c".repeat(32) });
    const id = "7f1c2a9e-0000-4000-8000-000000000001";
    expect(qrImageSignature(id)).not.toBe(hashKey(id));
  });
});
