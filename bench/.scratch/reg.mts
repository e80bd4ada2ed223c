import { performance } from "node:perf_hooks";
import { openDatabase } from "@/db/client";
import { freeze } from "@/lib/clock";
import { registerAttendee } from "@/lib/registration/register";
import { benchRegistration, createBenchEvent, local } from "../support/fixtures";
import { getEventBySlug, getAgenda } from "@/lib/events/queries";
import { sql } from "drizzle-orm";

const h = await openDatabase({ dataDir: "memory://" });
const ev = await createBenchEvent(h.db);
freeze(local("2027-02-01 12:00"));
const N = Number(process.argv[2] ?? 300);
let t = performance.now();
for (let i = 0; i < N; i++) {
  const r = await registerAttendee(h.db, benchRegistration(ev.slug, i));
  if (!r.ok) throw new Error("x");
}
console.log("reg ms each", (performance.now() - t) / N);
t = performance.now();
for (let i = 0; i < N; i++) await getEventBySlug(h.db, ev.slug);
console.log("getEventBySlug ms", (performance.now() - t) / N);
t = performance.now();
for (let i = 0; i < N; i++) await h.db.execute(sql`select 1`);
console.log("select 1 ms", (performance.now() - t) / N);
t = performance.now();
for (let i = 0; i < N; i++) await getAgenda(h.db, ev.id);
console.log("getAgenda ms", (performance.now() - t) / N);
await h.close();
