"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { token } from "@/lib/http/parse";
import { unsubscribeEmail } from "@/lib/messaging/unsubscribe";
import { tokenActionLimit } from "@/lib/registration/limits";

export type UnsubscribeState = { status: "idle" } | { status: "error"; message: string };

/** The unsubscribe page's button: the token from the form is the only authority. */
export const unsubscribeFromEmail = action(
  {
    auth: "public",
    args: [],
    withPrevState: true,
    form: z.object({ t: token }),
    limit: ({ ip }) => tokenActionLimit(ip),
    onError: (e): UnsubscribeState => ({ status: "error", message: e.fields?.t ? "This link is not valid any more." : e.message }),
  },
  async ({ form }): Promise<UnsubscribeState> => {
    const done = await unsubscribeEmail(await getDb(), form.t);
    if (!done.ok) return { status: "error", message: "This link is not valid any more." };
    redirect(`/unsubscribe?t=${encodeURIComponent(form.t)}&done=1`);
  },
);
