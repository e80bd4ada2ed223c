import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";

/** Where each role starts after signing in without a specific destination. */
const HOME_BY_ROLE = { admin: "/admin", staff: "/staff" } as const;

export default async function ContinueAfterSignIn(): Promise<never> {
  const user = await getSessionUser();
  redirect(user ? HOME_BY_ROLE[user.role] : "/signin");
}
