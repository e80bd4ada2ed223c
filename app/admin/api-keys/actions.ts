"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/access/api-keys";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { requiredText, uuid } from "@/lib/http/parse";

export type CreateKeyState =
  | { status: "idle" }
  | { status: "created"; name: string; key: string; scope: "read" | "write" }
  | { status: "error"; message: string; fields?: Record<string, string> };

/** Creates a key and returns it: the only time it is ever shown. */
export const createApiKeyAction = action(
  {
    auth: "admin",
    args: [],
    withPrevState: true,
    form: z.object({ name: requiredText(100), scope: z.enum(["read", "write"], { error: "must be read or write" }) }),
    onError: (e): CreateKeyState => ({ status: "error", message: e.message, fields: e.fields }),
  },
  async ({ form, user }): Promise<CreateKeyState> => {
    const { key, apiKey } = await createApiKey(await getDb(), { name: form.name, scope: form.scope, createdBy: user!.id });
    revalidatePath("/admin/api-keys");
    return { status: "created", name: apiKey.name, key, scope: apiKey.scope };
  },
);

export type RevokeKeyResult = { ok: true } | { ok: false; message: string };

/** Revokes a key: every call with it answers 401 from now on. */
export const revokeApiKeyAction = action(
  {
    auth: "admin",
    args: [uuid],
    onError: (e): RevokeKeyResult => ({ ok: false, message: e.status === 404 ? "No such key." : e.message }),
  },
  async ({ args: [id] }): Promise<RevokeKeyResult> => {
    const result = await revokeApiKey(await getDb(), id);
    if (!result.ok) return { ok: false, message: result.error.message };
    revalidatePath("/admin/api-keys");
    return { ok: true };
  },
);
