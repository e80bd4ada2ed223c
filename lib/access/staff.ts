import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, events, staffAssignments, staffInvites, users } from "@/db/schema";
import { getChannels } from "@/lib/channels";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { appError, validationError, type Result } from "@/lib/errors";

/**
 * Staff accounts (SPEC §8, issue 8 §4; docs/decisions/0161): an organizer invites by
 * email, a one-time link sets a password, assignments say which events' check-in
 * the account may work, revocation ends it and its sessions at once.
 */

/** bcrypt cost for passwords set here: ≥ 12 (about 0.25 s per hash on this machine). */
export const STAFF_BCRYPT_COST = 12;
const INVITE_TTL_MS = 7 * 24 * 3600_000;

export type Actor = { userId: string; email: string };
const hashToken = (t: string) => createHash("sha256").update(t).digest("hex");

export const inviteSchema = z.object({
  email: z.string({ error: "is required" }).trim().toLowerCase().pipe(z.email("is not a valid email address")),
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  eventIds: z.array(z.uuid(), { error: "choose at least one event" }).min(1, "choose at least one event").max(100),
});

export function inviteLink(token: string, base = env().APP_URL): string {
  return `${base.replace(/\/$/, "")}/invite?t=${encodeURIComponent(token)}`;
}

function inviteEmail(name: string, link: string, inviter: string) {
  const subject = "You're invited to the TPX check-in desk";
  const text = `Hi ${name},\n\n${inviter} invited you to check attendees in with TPX.\nSet your password here (the link works once, for 7 days):\n${link}\n`;
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const html = `<p>Hi ${esc(name)},</p><p>${esc(inviter)} invited you to check attendees in with TPX.</p><p><a href="${esc(link)}">Set your password</a> (the link works once, for 7 days).</p>`;
  return { subject, text, html };
}

export async function inviteStaff(db: Db, input: unknown, actor: Actor): Promise<Result<{ inviteId: string; sent: boolean }>> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
  const v = parsed.data;
  const [existing] = await db.select({ id: users.id, revokedAt: users.revokedAt }).from(users).where(eq(users.email, v.email));
  if (existing && !existing.revokedAt) return { ok: false, error: appError(409, "email_taken", "An account with this email already exists.", { email: "already has an account" }) };
  if (v.eventIds.length) {
    const found = await db.select({ id: events.id }).from(events).where(inArray(events.id, v.eventIds));
    if (found.length !== new Set(v.eventIds).size) return { ok: false, error: appError(400, "invalid_input", "An event no longer exists.", { eventIds: "includes an unknown event" }) };
  }
  const at = clockNow();
  const token = randomBytes(32).toString("base64url");
  // One open invite per email: a new one replaces the old link.
  await db.update(staffInvites).set({ revokedAt: at }).where(and(eq(staffInvites.email, v.email), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)));
  const [invite] = await db
    .insert(staffInvites)
    .values({ email: v.email, name: v.name, tokenHash: hashToken(token), eventIds: v.eventIds, invitedBy: actor.userId, expiresAt: new Date(at.getTime() + INVITE_TTL_MS), createdAt: at })
    .returning();
  const mail = inviteEmail(v.name, inviteLink(token), actor.email);
  const channel = getChannels().email;
  const result = await channel.send({ messageId: invite.id, to: v.email, ...mail });
  // The dev outbox shows what was "sent" (SPEC §4); with a real provider the link lives only in the recipient's mailbox.
  const dev = channel.name === "dev-outbox";
  await db
    .update(staffInvites)
    .set({ sentAt: result.ok ? clockNow() : null, sendError: result.ok ? null : result.reason, renderedSubject: dev ? mail.subject : null, renderedBody: dev ? mail.text : null })
    .where(eq(staffInvites.id, invite.id));
  await audit(db, actor, "staff.invited", invite.id, { email: { old: null, new: v.email } });
  return { ok: true, inviteId: invite.id, sent: result.ok };
}

/** The open invite a link points at, or null (used, revoked, expired or unknown: all look the same). */
export async function findOpenInvite(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(staffInvites)
    .where(and(eq(staffInvites.tokenHash, hashToken(token)), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, clockNow())));
  return row ?? null;
}

export const passwordSchema = z
  .string({ error: "is required" })
  .min(12, "must be at least 12 characters")
  .refine((p) => !bcrypt.truncates(p), "must be at most 72 bytes long");

export async function acceptInvite(db: Db, token: string, password: unknown): Promise<Result<{ email: string }>> {
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) return { ok: false, error: validationError(pw.error.issues.map((i) => ({ ...i, path: ["password"] }))) };
  const invite = await findOpenInvite(db, token);
  if (!invite) return { ok: false, error: appError(404, "invite_not_found", "This invite link has been used, has expired or was withdrawn. Ask the organizer for a new one.") };
  const passwordHash = await bcrypt.hash(pw.data, STAFF_BCRYPT_COST);
  return db.transaction(async (tx) => {
    const [claimed] = await tx.update(staffInvites).set({ acceptedAt: clockNow() }).where(and(eq(staffInvites.id, invite.id), isNull(staffInvites.acceptedAt))).returning({ id: staffInvites.id });
    if (!claimed) return { ok: false as const, error: appError(404, "invite_not_found", "This invite link has already been used.") };
    const [user] = await tx
      .insert(users)
      .values({ email: invite.email, name: invite.name, role: "staff", passwordHash })
      .onConflictDoUpdate({ target: users.email, set: { passwordHash, revokedAt: null, role: "staff", sessionVersion: sql`${users.sessionVersion} + 1` }, setWhere: sql`${users.revokedAt} is not null` })
      .returning({ id: users.id });
    if (!user) return { ok: false as const, error: appError(409, "email_taken", "An account with this email already exists.") };
    if (invite.eventIds.length) await tx.insert(staffAssignments).values(invite.eventIds.map((eventId) => ({ userId: user.id, eventId }))).onConflictDoNothing();
    return { ok: true as const, email: invite.email };
  });
}

export async function listStaff(db: Db) {
  const [staff, assignments, invites] = await Promise.all([
    db.select({ id: users.id, email: users.email, name: users.name, revokedAt: users.revokedAt, createdAt: users.createdAt }).from(users).where(eq(users.role, "staff")).orderBy(asc(users.name)),
    db.select({ userId: staffAssignments.userId, eventId: staffAssignments.eventId, eventName: events.name }).from(staffAssignments).innerJoin(events, eq(events.id, staffAssignments.eventId)),
    db.select().from(staffInvites).where(and(isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt))).orderBy(asc(staffInvites.createdAt)),
  ]);
  return { staff: staff.map((s) => ({ ...s, events: assignments.filter((a) => a.userId === s.id) })), invites };
}

async function staffUser(db: Db, userId: string) {
  const [u] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  return u?.role === "staff" ? u : null;
}

export async function setAssignment(db: Db, userId: string, eventId: string, assigned: boolean, actor: Actor): Promise<Result<object>> {
  if (!(await staffUser(db, userId))) return { ok: false, error: appError(404, "staff_not_found", "No such staff account.") };
  if (assigned) {
    const [ev] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
    if (!ev) return { ok: false, error: appError(404, "event_not_found", "No such event.") };
    await db.insert(staffAssignments).values({ userId, eventId }).onConflictDoNothing();
  } else {
    const current = await db.select({ eventId: staffAssignments.eventId }).from(staffAssignments).where(eq(staffAssignments.userId, userId));
    // No assignment means "every desk" (lib/access/assignments.ts): the last one goes only with the account.
    if (current.length === 1 && current[0].eventId === eventId) return { ok: false, error: appError(409, "last_assignment", "This is the account's only event. Revoke the account instead.") };
    await db.delete(staffAssignments).where(and(eq(staffAssignments.userId, userId), eq(staffAssignments.eventId, eventId)));
  }
  await audit(db, actor, assigned ? "staff.assigned" : "staff.unassigned", userId, { eventId: { old: assigned ? null : eventId, new: assigned ? eventId : null } });
  return { ok: true };
}

/** Revoking ends the account's sessions now (session version bump) and keeps the row for the record. */
export async function revokeStaff(db: Db, userId: string, actor: Actor): Promise<Result<object>> {
  const [u] = await db
    .update(users)
    .set({ revokedAt: clockNow(), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.role, "staff")))
    .returning({ id: users.id });
  if (!u) return { ok: false, error: appError(404, "staff_not_found", "No such staff account.") };
  await db.delete(staffAssignments).where(eq(staffAssignments.userId, userId));
  await audit(db, actor, "staff.revoked", userId, {});
  return { ok: true };
}

export async function withdrawInvite(db: Db, inviteId: string): Promise<Result<object>> {
  const [row] = await db.update(staffInvites).set({ revokedAt: clockNow() }).where(and(eq(staffInvites.id, inviteId), isNull(staffInvites.acceptedAt))).returning({ id: staffInvites.id });
  return row ? { ok: true } : { ok: false, error: appError(404, "invite_not_found", "No such open invite.") };
}

/** "Sign out everywhere": every session minted before now stops working (lib/auth/session.ts compares). */
export async function signOutEverywhere(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}

async function audit(db: Db, actor: Actor, action: string, subjectId: string, changes: Record<string, { old: unknown; new: unknown }>) {
  await db.insert(auditLog).values({ actorUserId: actor.userId, actorEmail: actor.email, action, subjectType: "user", subjectId, changes, createdAt: clockNow() });
}
