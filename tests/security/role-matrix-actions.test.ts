import "../support/next-request";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { asCaller } from "../support/next-request";
import { ACTIONS, ACTORS, KEY_ACTORS, accessOf, type AccessFixture, type ActionRow, type Actor, type KeyActor } from "./access-table";
import { closeAccessFixture, cookieOf, keyHeaders, openAccessFixture, snapshot, type Sessions } from "./harness";

/** The server-action rows of the access table, called as Next calls them, per caller. */

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

/** One call of the row's action as the caller set with asCaller: its result, or that it redirected. */
async function call(a: ActionRow, args: unknown[]): Promise<{ result: unknown; redirected: boolean }> {
  const mod = (await import(/* @vite-ignore */ `@/${a.file.replace(/\.ts$/, "")}`)) as Record<string, (...x: unknown[]) => Promise<unknown>>;
  try {
    return { result: await mod[a.name](...args.map(decode)), redirected: false };
  } catch (err) {
    if (!isRedirectError(err)) throw err;
    return { result: undefined, redirected: true };
  }
}

/** An answer to compare: the console's form state stamps itself (`at: Date.now()`, so the form re-renders); that stamp is no part of it. */
function comparable(o: { result: unknown; redirected: boolean }): unknown {
  const r = o.result;
  return r && typeof r === "object" && typeof (r as { at?: unknown }).at === "number" ? { ...o, result: { ...r, at: "stamp" } } : o;
}

describe("server actions × callers", () => {
  let h: DbHandle;
  let f: AccessFixture;
  let sessions: Sessions;

  beforeAll(async () => ({ h, f, sessions } = await openAccessFixture()));
  afterAll(() => closeAccessFixture(h));

  const cases = ACTIONS.flatMap((a) =>
    ACTORS.filter((actor) => !(actor === "admin" && a.adminAllowShownBy)).map((actor) => [`${a.name} as ${actor}: ${accessOf(a.access, actor)}`, a, actor as Actor] as const),
  );
  it.each(cases)("%s", async (_n, a, actor) => {
    asCaller({ cookie: cookieOf(sessions, actor) ?? "" });
    const before = await snapshot(h.db);
    const { result, redirected } = await call(a, a.args(f, actor));
    if (accessOf(a.access, actor) === "allow") {
      expect(redirected || !refused(result), `refused: ${JSON.stringify(result)}`).toBe(true);
    } else {
      expect(redirected, "a refusal does not redirect onward").toBe(false);
      expect(refused(result), `allowed: ${JSON.stringify(result)}`).toBe(true);
      expect(await snapshot(h.db), "a refused call changed nothing").toBe(before);
    }
  });
});

describe("server actions × API keys", () => {
  // Its own database: the allowed public calls (registration) count against per-email
  // limits, and the rows above have used those up for the fixture's address.
  let h: DbHandle;
  let f: AccessFixture;

  beforeAll(async () => ({ h, f } = await openAccessFixture()));
  afterAll(() => closeAccessFixture(h));

  // API keys authenticate /api/v1 only (docs/decisions/0170): a key sent alone, with the
  // input anonymous would send, gets what anonymous gets, and no more.
  const cases = ACTIONS.flatMap((a) => KEY_ACTORS.map((k) => [`${a.name} with ${k}: ${a.access.anonymous} (as anonymous)`, a, k as KeyActor] as const));
  it.each(cases)("%s", async (_n, a, k) => {
    const args = a.args(f, "anonymous");
    if (a.access.anonymous === "allow") {
      asCaller({ headers: keyHeaders(f, k) });
      const { result, redirected } = await call(a, args);
      expect(redirected || !refused(result), `refused: ${JSON.stringify(result)}`).toBe(true);
      return;
    }
    asCaller({});
    const anonymous = await call(a, args);
    asCaller({ headers: keyHeaders(f, k) });
    const before = await snapshot(h.db);
    const keyed = await call(a, args);
    expect(keyed.redirected, "a refusal does not redirect onward").toBe(false);
    expect(refused(keyed.result), `allowed: ${JSON.stringify(keyed.result)}`).toBe(true);
    expect(comparable(keyed), "the key caller's answer is anonymous's").toEqual(comparable(anonymous));
    expect(await snapshot(h.db), "a refused call changed nothing").toBe(before);
  });
});
