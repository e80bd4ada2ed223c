import { Forbidden } from "@/components/auth/forbidden";
import { getSessionUser } from "@/lib/auth/session";

/** A page under /admin called forbidden(): 403 with who is signed in and a way out. */
export default async function AdminForbidden() {
  return <Forbidden user={await getSessionUser()} message="This page is for organizers." />;
}
