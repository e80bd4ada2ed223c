"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formError } from "@/components/admin/form-state";
import { acceptInvite } from "@/lib/access/staff";
import { getDb } from "@/lib/db";
import { action } from "@/lib/http/action";
import { token } from "@/lib/http/parse";
import { tokenActionLimit } from "@/lib/registration/limits";

/** Accepting a staff invite: the link's token is the only authority; the password is set here. */
export const acceptInviteAction = action(
  {
    auth: "public",
    args: [token],
    withPrevState: true,
    form: z.object({ password: z.string().max(1000), confirm: z.string().max(1000) }),
    // TODO(ratelimit): per-IP limit on invite attempts when lib/ratelimit lands; the token page limit stands in.
    limit: ({ ip }) => tokenActionLimit(ip),
    onError: (e) => formError(e.fields?.arg0 ? { message: "This invite link doesn't work. Ask the organizer for a new one." } : e),
  },
  async ({ args: [t], form }) => {
    if (form.password !== form.confirm) return formError({ message: "The passwords don't match.", fields: { confirm: "must match the password" } });
    const r = await acceptInvite(await getDb(), t, form.password);
    if (!r.ok) return formError(r.error);
    redirect(`/signin?${new URLSearchParams({ callbackUrl: "/staff", invited: "1" })}`);
  },
);
