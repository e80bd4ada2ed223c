import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scanBody } from "@/lib/checkin/http";
import { scanAtDoor } from "@/lib/checkin/tablet";
import { readHeartbeat } from "@/lib/jobs/heartbeat";

export type StaffActor = { kind: "staff"; userId: string; name: string };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

/**
 * An HTTP server in this process with the tablet's scan handler (the same zod body and
 * lib/checkin/tablet.ts call as POST /api/staff/events/{id}/scan; the session lookup is
 * left out) at /scan, and a trivial route doing what /api/health does at /api/health.
 */
export async function startScanServer(db: Db, eventId: string, actor: StaffActor, log: (m: string) => void) {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === "/api/health") {
        await db.execute(sql`select 1`);
        await readHeartbeat(db);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(await readBody(req));
      } catch {
        return void res.writeHead(400).end();
      }
      const parsed = scanBody.safeParse(raw);
      if (!parsed.success) return void res.writeHead(400).end();
      const b = parsed.data;
      const result = await scanAtDoor(
        db,
        eventId,
        b.method === "qr_code" ? { method: "qr_code", code: b.code, nonce: b.nonce, deviceId: b.device_id } : { method: "manual", attendeeId: b.attendee_id, nonce: b.nonce, deviceId: b.device_id },
        actor,
      );
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    } catch (err) {
      log(String(err));
      res.writeHead(500).end();
    }
  });
  // The client keeps connections open between requests: the server must not close them first.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
