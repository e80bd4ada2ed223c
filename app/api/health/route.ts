import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { readHeartbeat } from "@/lib/jobs/heartbeat";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the e2e runner: the database answers and the driver beats. */
export async function GET() {
  const db = await getDb();
  await db.execute(sql`select 1`);
  const beat = await readHeartbeat(db);
  return Response.json({ ok: true, localDriver: beat });
}
