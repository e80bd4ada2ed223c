import { Forbidden } from "@/components/auth/forbidden";
import { getSessionUser } from "@/lib/auth/session";

/** A page under /staff called forbidden(): 403 with who is signed in and a way out. */
export default async function StaffForbidden() {
  return <Forbidden user={await getSessionUser()} message="This page is for check-in staff." />;
}
