import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { userRole, users, type User, type UserRole } from "@/db/schema";
import { appError, validationError, type Result } from "@/lib/errors";
import { authorizeWithLockout, type LoginOutcome } from "@/lib/ratelimit";

export const BCRYPT_COST = 10;

/** A user without the password hash: what leaves this module. */
export type PublicUser = Omit<User, "passwordHash">;

export const newUserSchema = z.object({
  email: z
    .string({ error: "is required" })
    .trim()
    .toLowerCase()
    .pipe(z.email("is not a valid email address")),
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  role: z.enum(userRole.enumValues, { error: 'must be "admin" or "staff"' }),
  password: z
    .string({ error: "is required" })
    .min(8, "must be at least 8 characters")
    // bcrypt only reads the first 72 bytes; refuse rather than silently ignore the rest.
    .refine((p) => !bcrypt.truncates(p), "must be at most 72 bytes long"),
});

export type NewUserInput = z.input<typeof newUserSchema>;

function toPublic(user: User): PublicUser {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getUserById(db: Db, id: string): Promise<PublicUser | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ? toPublic(row) : undefined;
}

/** Creates a user with a bcrypt-hashed password. Duplicate email → 409. */
export async function createUser(db: Db, input: NewUserInput): Promise<Result<{ user: PublicUser }>> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const v = parsed.data;
  const taken = appError(409, "email_taken", `A user with the email ${v.email} already exists.`, {
    email: "is already in use",
  });
  if (await findUserByEmail(db, v.email)) return { ok: false, error: taken };

  const passwordHash = await bcrypt.hash(v.password, BCRYPT_COST);
  const [row] = await db
    .insert(users)
    .values({ email: v.email, name: v.name, role: v.role, passwordHash })
    // A concurrent create with the same email wins the unique index; answer as above.
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!row) return { ok: false, error: taken };
  return { ok: true, user: toPublic(row) };
}

/** Creates the user unless one with this email exists (the demo seed calls it on every start). */
export async function ensureUser(
  db: Db,
  input: NewUserInput,
): Promise<Result<{ user: PublicUser; created: boolean }>> {
  const existing = typeof input.email === "string" ? await findUserByEmail(db, input.email) : undefined;
  if (existing) return { ok: true, user: toPublic(existing), created: false };
  const result = await createUser(db, input);
  if (result.ok) return { ok: true, user: result.user, created: true };
  // Lost a race with another creator: the user exists now, which is what was asked.
  if (result.error.status === 409 && typeof input.email === "string") {
    const winner = await findUserByEmail(db, input.email);
    if (winner) return { ok: true, user: toPublic(winner), created: false };
  }
  return result;
}

let dummyHash: string | undefined;

/**
 * The user whose email and password match, or null. An unknown email still costs
 * one bcrypt comparison, so response time does not reveal which emails exist.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<PublicUser | null> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    dummyHash ??= await bcrypt.hash("tpx-timing-equalizer", BCRYPT_COST);
    await bcrypt.compare(password, dummyHash);
    return null;
  }
  // A revoked account's password still compares (same timing) but signs nobody in.
  return (await bcrypt.compare(password, user.passwordHash)) && !user.revokedAt ? toPublic(user) : null;
}

/**
 * The sign-in check behind next-auth: the password, behind the per-account and per-IP
 * lockout (lib/ratelimit/login.ts). Unknown emails are counted like known ones, so a
 * lockout does not reveal whether an account exists.
 */
export function authorizeCredentials(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<LoginOutcome<PublicUser>> {
  return authorizeWithLockout(db, { email: normalizeEmail(input.email), ip: input.ip }, () =>
    verifyCredentials(db, input.email, input.password),
  );
}

export function isRole(value: unknown): value is UserRole {
  return typeof value === "string" && (userRole.enumValues as readonly string[]).includes(value);
}
