import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/db/schema";

/** What TPX puts in the session JWT and the session (see lib/auth/options.ts). */
declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole; name: string; email: string; sv?: number } & Omit<DefaultSession["user"], "name" | "email">;
  }
  interface User {
    id: string;
    role: UserRole;
    /** users.session_version at sign-in: "sign out everywhere" bumps it. */
    sv?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
    role?: UserRole;
    sv?: number;
  }
}
