import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { authSecret, usesSecureCookies } from "./secret";
import { verifyCredentials } from "./users";

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
      async authorize(credentials) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await verifyCredentials(await getDb(), parsed.data.email, parsed.data.password);
        if (!user) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
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
