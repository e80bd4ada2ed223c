import { and, asc, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { contractors, eventAttendees } from "@/db/schema";

/**
 * The console's attendee table (issue 8 §2): search, filters, sort and pages are
 * done in SQL so a page of 10,000 attendees costs one indexed query plus a count.
 * The URL holds the state; this schema parses it (a bad value falls back to the default).
 */

export const SORTS = ["registered", "name", "email", "company", "checked_in"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

const yesNo = z.enum(["yes", "no"]).optional().catch(undefined);
export const attendeeQuerySchema = z.object({
  q: z.string().max(100).optional().catch(undefined).transform((v) => v?.replace(/\u0000/g, "").trim() || undefined),
  profile: z.enum(["complete", "pending"]).optional().catch(undefined),
  checkedIn: yesNo,
  optedOut: yesNo,
  cancelled: yesNo,
  sort: z.enum(SORTS).catch("registered").default("registered"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>])).catch(50).default(50),
});
export type AttendeeQuery = z.output<typeof attendeeQuerySchema>;

export type AttendeeRow = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  company: string | null;
  registeredAt: Date;
  checkInTime: Date | null;
  profileComplete: boolean;
  optedOut: boolean;
  cancelledAt: Date | null;
};

/** LIKE metacharacters in a search are literal. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(eventId: string, q: AttendeeQuery): SQL {
  const where: Array<SQL | undefined> = [eq(eventAttendees.eventId, eventId)];
  if (q.q) {
    const term = `%${likeEscape(q.q)}%`;
    const digits = q.q.replace(/\D/g, "");
    where.push(
      or(
        ilike(sql`coalesce(${contractors.firstName}, '') || ' ' || coalesce(${contractors.lastName}, '')`, term),
        ilike(contractors.email, term),
        ilike(contractors.companyName, term),
        digits.length >= 3 ? ilike(contractors.phone, `%${digits}%`) : undefined,
      ),
    );
  }
  if (q.profile) where.push(eq(eventAttendees.profileCompletionStatus, q.profile === "complete" ? "completed" : "pending"));
  if (q.checkedIn) where.push(q.checkedIn === "yes" ? isNotNull(eventAttendees.checkInTime) : isNull(eventAttendees.checkInTime));
  if (q.optedOut) where.push(q.optedOut === "yes" ? isNotNull(contractors.smsOptedOutAt) : isNull(contractors.smsOptedOutAt));
  if (q.cancelled) where.push(q.cancelled === "yes" ? isNotNull(eventAttendees.cancelledAt) : isNull(eventAttendees.cancelledAt));
  return and(...where)!;
}

function order(q: AttendeeQuery): SQL[] {
  const dir = q.dir === "asc" ? asc : desc;
  const by: Record<AttendeeQuery["sort"], SQL[]> = {
    registered: [dir(eventAttendees.registrationDate)],
    name: [dir(sql`lower(coalesce(${contractors.lastName}, ''))`), dir(sql`lower(coalesce(${contractors.firstName}, ''))`)],
    email: [dir(contractors.email)],
    company: [dir(sql`lower(coalesce(${contractors.companyName}, ''))`)],
    checked_in: [sql`${eventAttendees.checkInTime} ${sql.raw(q.dir)} nulls last`],
  };
  return [...by[q.sort], asc(eventAttendees.id)];
}

export async function listAttendeesPage(db: Db, eventId: string, q: AttendeeQuery): Promise<{ rows: AttendeeRow[]; total: number; pages: number }> {
  const where = filters(eventId, q);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: eventAttendees.id,
        firstName: contractors.firstName,
        lastName: contractors.lastName,
        email: contractors.email,
        phone: contractors.phone,
        company: contractors.companyName,
        registeredAt: eventAttendees.registrationDate,
        checkInTime: eventAttendees.checkInTime,
        profile: eventAttendees.profileCompletionStatus,
        optedOutAt: contractors.smsOptedOutAt,
        cancelledAt: eventAttendees.cancelledAt,
      })
      .from(eventAttendees)
      .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
      .where(where)
      .orderBy(...order(q))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(eventAttendees)
      .innerJoin(contractors, eq(contractors.id, eventAttendees.contractorId))
      .where(where),
  ]);
  const n = Number(total);
  return {
    total: n,
    pages: Math.max(1, Math.ceil(n / q.size)),
    rows: rows.map((r) => ({
      id: r.id,
      name: [r.firstName, r.lastName].filter(Boolean).join(" ") || r.email,
      email: r.email,
      phone: r.phone,
      company: r.company,
      registeredAt: r.registeredAt,
      checkInTime: r.checkInTime,
      profileComplete: r.profile === "completed",
      optedOut: Boolean(r.optedOutAt),
      cancelledAt: r.cancelledAt,
    })),
  };
}
