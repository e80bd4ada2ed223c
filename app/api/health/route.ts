import { sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { env, outboxOnly } from "@/lib/env";
import { readDispatchFailures, smsQueueHealth } from "@/lib/jobs/health";
import { readHeartbeat } from "@/lib/jobs/heartbeat";

export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers and the e2e runner: the database answers and the driver
 * beats; plus what delivery needs watched: failed job dispatches (never dropped) and
 * how long the due SMS need at the configured pace (SPEC §4.2).
 */
export async function GET() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  const [beat, dispatchFailures, smsQueue] = await Promise.all([
    readHeartbeat(db),
    readDispatchFailures(db),
    smsQueueHealth(db, now(), env().SMS_SEGMENTS_PER_SECOND),
  ]);
  return Response.json({ ok: true, localDriver: beat, outboxOnly: outboxOnly(), dispatchFailures, smsQueue });
}
