import { Forbidden } from "@/components/auth/forbidden";
import { PublicShell } from "@/components/site/public-shell";
import { getSessionUser } from "@/lib/auth/session";

/** forbidden() outside /admin and /staff: 403. */
export default async function RootForbidden() {
  return (
    <PublicShell>
      <Forbidden user={await getSessionUser()} message="This page is not open to this account." />
    </PublicShell>
  );
}
