import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { eventAttendees } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { appError, type Result } from "@/lib/errors";
import { dispatchCancelledMessages } from "@/lib/jobs/dispatch";
import { cancelAllPendingMessages } from "@/lib/messaging/store";

/** SPEC §3: cancelling a registration cancels every pending message of it. */
export async function cancelRegistration(db: Db, attendeeId: string): Promise<Result<{ cancelledMessages: number }>> {
  const ids = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(eventAttendees)
      .set({ cancelledAt: clockNow(), updatedAt: sql`now()` })
      .where(and(eq(eventAttendees.id, attendeeId), isNull(eventAttendees.cancelledAt)))
      .returning({ id: eventAttendees.id });
    if (!row) return null;
    return cancelAllPendingMessages(tx, attendeeId, "registration cancelled");
  });
  if (!ids) return { ok: false, error: appError(404, "registration_not_found", "No active registration with that id.") };
  await dispatchCancelledMessages(ids);
  return { ok: true, cancelledMessages: ids.length };
}
