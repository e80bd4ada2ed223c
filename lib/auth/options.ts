import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/ratelimit";
import { safeRedirect } from "./redirect";
import { authSecret, usesSecureCookies } from "./secret";
import { signInErrorCode } from "./signin-errors";
import { authorizeCredentials } from "./users";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

/** A working day at the event, with margin: staff sign in once in the morning. */
const SESSION_MAX_AGE_S = 24 * 60 * 60;

/**
 * next-auth v4: email + password against `users`, JWT sessions carrying
 * id, role, name and email. Roles are checked again on every request against
 * the database (lib/auth/session.ts), so a removed account loses access at once.
 */
export const authOptions: NextAuthOptions = {
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await authorizeCredentials(await getDb(), { ...parsed.data, ip: clientIp(req?.headers ?? {}) });
        if (outcome.ok) {
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
        }
        if (outcome.reason === "invalid") return null;
        // next-auth passes a thrown message to the sign-in page as ?error= (and to signIn()'s result).
        throw new Error(signInErrorCode(outcome));
      },
    }),
  ],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  // Read at use, so a production build without NEXTAUTH_SECRET fails at sign-in with a clear message.
  get secret() {
    return authSecret();
  },
  get useSecureCookies() {
    return usesSecureCookies();
  },
  callbacks: {
    // next-auth's default parses `callbackUrl` with new URL() and throws (a 500) on "\\\\host";
    // only our own paths are followed, anything else goes home.
    async redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.name = user.name;
        token.email = user.email;
        token.sv = user.sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (token.id && token.role) {
        session.user = { id: token.id, role: token.role, name: token.name ?? "", email: token.email ?? "", sv: token.sv ?? 0 };
      }
      return session;
    },
  },
};
