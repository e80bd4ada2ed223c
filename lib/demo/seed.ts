import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { ensureUser } from "@/lib/auth/users";
import { now as clockNow } from "@/lib/clock";
import { importEventFile } from "@/lib/events/import";
import { buildDemoEventFile } from "./demo-event";

/** Printed at start in development; never created in production. */
export const DEMO_LOGINS = [
  { email: "admin@tpx.local", name: "Avery Organizer", role: "admin" as const, password: "tpx-demo-admin" },
  { email: "staff@tpx.local", name: "Sam Staff", role: "staff" as const, password: "tpx-demo-staff" },
];

/** Seeds the demo event (dated a week from today) and demo logins into an empty database. */
export async function seedDemoIfEmpty(db: Db): Promise<{ seeded: boolean; slug?: string }> {
  for (const login of DEMO_LOGINS) await ensureUser(db, login);
  const [{ n }] = await db.select({ n: count() }).from(events);
  if (n > 0) return { seeded: false };
  const file = buildDemoEventFile(clockNow());
  await importEventFile(db, file, { now: clockNow() });
  return { seeded: true, slug: file.event.slug };
}
