import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "@/db/client";
import { freeze } from "@/lib/clock";
import { registerAttendee } from "@/lib/registration/register";
import { benchRegistration, createBenchEvent, local } from "../support/fixtures";

const byStmt = new Map<string, { n: number; ms: number }>();
let current = "";
const orig = (PGlite.prototype as any).execProtocolStream;
(PGlite.prototype as any).execProtocolStream = async function (msg: Uint8Array, opts: any) {
  if (msg[0] === 0x50) { // Parse: name\0 query\0
    const s = Buffer.from(msg.subarray(5)).toString("utf8");
    const q = s.split("\0")[1] ?? s;
    current = q.replace(/\s+/g, " ").slice(0, 90);
  } else if (msg[0] === 0x51) current = Buffer.from(msg.subarray(5)).toString("utf8").replace(/\0/g, "").slice(0, 90);
  const t = performance.now();
  try { return await orig.call(this, msg, opts); }
  finally {
    const e = byStmt.get(current) ?? { n: 0, ms: 0 };
    e.ms += performance.now() - t; if (msg[0] === 0x50 || msg[0] === 0x51) e.n++;
    byStmt.set(current, e);
  }
};
const h = await openDatabase({ dataDir: "memory://" });
const ev = await createBenchEvent(h.db);
freeze(local("2027-02-01 12:00"));
const N = Number(process.argv[2] ?? 300);
byStmt.clear();
const t = performance.now();
for (let i = 0; i < N; i++) {
  const r = await registerAttendee(h.db, benchRegistration(ev.slug, i));
  if (!r.ok) throw new Error("x");
}
const total = performance.now() - t;
console.log("reg ms each", total / N);
let sum = 0, stmts = 0;
for (const [k, v] of [...byStmt].sort((a, b) => b[1].ms - a[1].ms)) { sum += v.ms; stmts += v.n; console.log((v.ms / N).toFixed(3).padStart(8), String(v.n / N).padStart(4), k); }
console.log("in pglite protocol ms/reg", sum / N, "statements/reg", stmts / N);
await h.close();
