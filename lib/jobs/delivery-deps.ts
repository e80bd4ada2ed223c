import type { Db } from "@/db/client";
import { getChannels } from "@/lib/channels";
import type { Channels } from "@/lib/channels/types";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import type { DeliveryDeps } from "@/lib/messaging/deliver";
import { databasePacer, realSleep } from "@/lib/messaging/pacing";

/** The process's delivery dependencies: its channels and the shared SMS pace (SPEC §4.2). */
export function appDeliveryDeps(db: Db, channels: Channels = getChannels()): DeliveryDeps {
  return {
    channels,
    pacer: databasePacer(db, { segmentsPerSecond: env().SMS_SEGMENTS_PER_SECOND, now: clockNow, sleep: realSleep }),
  };
}
