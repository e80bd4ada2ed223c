import "../support/next-request";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { asCaller } from "../support/next-request";
import { ACTIONS, ACTORS, type AccessFixture, type Actor } from "./access-table";
import { closeAccessFixture, cookieOf, openAccessFixture, snapshot, type Sessions } from "./harness";

/** The server-action rows of the access table, called as Next calls them, per caller. */
let h: DbHandle;
let f: AccessFixture;
let sessions: Sessions;

beforeAll(async () => ({ h, f, sessions } = await openAccessFixture()));
afterAll(() => closeAccessFixture(h));

/** The table's client encoding → the values Next hands the action. */
function decode(arg: unknown): unknown {
  if (arg === "$undefined") return undefined;
  if (arg && typeof arg === "object" && "$form" in arg) {
    const fd = new FormData();
    for (const [k, v] of Object.entries((arg as { $form: Record<string, string> }).$form)) fd.append(k, v);
    return fd;
  }
  return arg;
}

function refused(result: unknown): boolean {
  if (result === null) return true;
  const r = result as { status?: string; ok?: boolean; message?: string };
  return r.ok === false || r.status === "error" || r.status === "closed";
}

describe("server actions × callers", () => {
  const cases = ACTIONS.flatMap((a) =>
    ACTORS.filter((actor) => !(actor === "admin" && a.adminAllowShownBy)).map((actor) => [`${a.name} as ${actor}: ${a.access[actor]}`, a, actor as Actor] as const),
  );
  it.each(cases)("%s", async (_n, a, actor) => {
    const mod = (await import(/* @vite-ignore */ `@/${a.file.replace(/\.ts$/, "")}`)) as Record<string, (...x: unknown[]) => Promise<unknown>>;
    asCaller({ cookie: cookieOf(sessions, actor) ?? "" });
    const before = await snapshot(h.db);
    let result: unknown;
    let redirected = false;
    try {
      result = await mod[a.name](...a.args(f, actor).map(decode));
    } catch (err) {
      if (!isRedirectError(err)) throw err;
      redirected = true;
    }
    if (a.access[actor] === "allow") {
      expect(redirected || !refused(result), `refused: ${JSON.stringify(result)}`).toBe(true);
    } else {
      expect(redirected, "a refusal does not redirect onward").toBe(false);
      expect(refused(result), `allowed: ${JSON.stringify(result)}`).toBe(true);
      expect(await snapshot(h.db), "a refused call changed nothing").toBe(before);
    }
  });
});
