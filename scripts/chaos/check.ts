import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsSegmentCount } from "@/lib/messaging/segments";
import type { ResendAccepted } from "@/tests/fakes/resend-fake";
import type { TwilioFakeMessage } from "@/tests/fakes/twilio-fake";
import type { SeededRow } from "./seed";

export type CancelRecord = { id: string; startedAtMs: number; committed: boolean };

type Outcome = { id: string; status: string; status_reason: string | null; scheduled_for: Date; actual_send_time: Date | null; pacing_wait_ms: number };

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);
const dist = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p90: pct(s, 90), p99: pct(s, 99), max: s.at(-1) ?? 0 };
};

/** The issue's must-holds, counted from the database and from what the fakes saw. */
export async function checkChaos(
  db: Db,
  seeded: SeededRow[],
  fakes: { twilio: TwilioFakeMessage[]; resend: ResendAccepted[] },
  cancels: CancelRecord[],
  rate: number,
  /**
   * Controlled ms a send may come before its slot. At issue (the driver's own send times:
   * what TPX controls): the clock's jitter. At the fake (arrival): half a slot, which two sends
   * on one slot (a whole slot early) exceed; between the send and the arrival lie two processes'
   * event loops and the OS scheduler of a loaded box, which no sender can pace.
   */
  tolerance: { issueMs: number; arrivalMs: number },
) {
  const rows = (await db.execute(sql`select id, status, status_reason, scheduled_for, actual_send_time, pacing_wait_ms from event_messages`)) as unknown as Outcome[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const idByTo = new Map(seeded.map((s) => [s.to, s.id]));
  const statusCounts: Record<string, number> = {};
  for (const r of rows) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  const lost = rows.filter((r) => !["sent", "skipped", "failed", "cancelled"].includes(r.status) || (r.status === "failed" && !r.status_reason));

  // Acceptances per row id at the fakes: SMS by recipient (one row per person), email by Idempotency-Key.
  const smsTimes = new Map<string, number[]>();
  for (const m of fakes.twilio) {
    const id = idByTo.get(m.to) ?? `unknown:${m.to}`;
    smsTimes.set(id, [...(smsTimes.get(id) ?? []), m.createdAtMs]);
  }
  const emailNew = new Map<string, number[]>();
  let emailReplays = 0;
  let emailWithoutRowKey = 0;
  for (const a of fakes.resend) {
    if (!a.key || !byId.has(a.key)) emailWithoutRowKey++;
    if (a.replay) emailReplays++;
    else emailNew.set(a.key ?? a.id, [...(emailNew.get(a.key ?? a.id) ?? []), a.atMs]);
  }
  const accepted = new Map<string, number[]>([...smsTimes, ...emailNew]);
  const duplicates = [...accepted.values()].filter((t) => t.length > 1).length;
  const sentWithoutAcceptance = rows.filter((r) => r.status === "sent" && !accepted.has(r.id)).length;
  const acceptedButNotSent = [...accepted.keys()].filter((id) => byId.get(id)?.status !== "sent").length;

  const committed = cancels.filter((c) => c.committed);
  const sentAfterCancel = committed.filter((c) => (accepted.get(c.id) ?? []).some((t) => t >= c.startedAtMs)).length;

  // Pacing: GCRA over the accepted SMS in fake (controlled) time; a segment may start no sooner than its slot.
  const sms = [...fakes.twilio].sort((a, b) => a.createdAtMs - b.createdAtMs);
  let tat = -Infinity;
  let pacingViolations = 0;
  let maxEarlyAtFakeMs = 0;
  let maxInWindow = 0;
  const starts: number[] = [];
  for (const m of sms) {
    const segs = smsSegmentCount(m.body);
    if (m.createdAtMs < tat - tolerance.arrivalMs) pacingViolations++;
    maxEarlyAtFakeMs = Math.max(maxEarlyAtFakeMs, tat - m.createdAtMs);
    for (let k = 0; k < segs; k++) starts.push(m.createdAtMs + (k * 1000) / rate);
    tat = Math.max(tat, m.createdAtMs) + (segs * 1000) / rate;
  }
  starts.sort((a, b) => a - b);
  for (let i = 0, j = 0; j < starts.length; j++) {
    while (starts[j] - starts[i] >= 1000) i++;
    maxInWindow = Math.max(maxInWindow, j - i + 1);
  }

  // The same GCRA over the drivers' own send times (the moment each took the number), as recorded on the rows.
  const bodies = (await db.execute(sql`select actual_send_time, rendered_body from event_messages where channel = 'sms' and status = 'sent' and status_reason is null order by actual_send_time`)) as unknown as Array<{ actual_send_time: Date; rendered_body: string }>;
  let issueTat = -Infinity;
  let issueViolations = 0;
  let maxEarlyAtIssueMs = 0;
  for (const b of bodies) {
    const t = new Date(b.actual_send_time).getTime();
    if (t < issueTat - tolerance.issueMs) issueViolations++;
    maxEarlyAtIssueMs = Math.max(maxEarlyAtIssueMs, issueTat - t);
    issueTat = Math.max(issueTat, t) + (smsSegmentCount(b.rendered_body) * 1000) / rate;
  }

  const sent = rows.filter((r) => r.status === "sent" && r.actual_send_time);
  const lateness = sent.map((r) => new Date(r.actual_send_time!).getTime() - new Date(r.scheduled_for).getTime());
  const pacing = sent.map((r) => r.pacing_wait_ms);
  const fault = sent.map((r, i) => Math.max(0, lateness[i] - r.pacing_wait_ms));
  return {
    rows: rows.length,
    statusCounts,
    lost: lost.length,
    duplicates,
    sentWithoutAcceptance,
    acceptedButNotSent,
    emailReplays,
    emailWithoutRowKey,
    cancelsCommitted: committed.length,
    cancelsTooLate: cancels.length - committed.length,
    sentAfterCancel,
    smsAccepted: sms.length,
    pacingToleranceMs: tolerance,
    pacingViolations,
    pacingViolationsAtIssue: issueViolations,
    /** How much sooner than its slot the earliest send came (controlled ms; ≤ 0: none early). */
    maxEarlyMs: { atFake: Math.round(maxEarlyAtFakeMs), atIssue: Math.round(maxEarlyAtIssueMs) },
    maxSegmentsInAnySecond: maxInWindow,
    latenessMs: { all: dist(lateness), pacing: dist(pacing), fault: dist(fault) },
    failedReasons: Object.entries(
      rows.filter((r) => r.status === "failed").reduce<Record<string, number>>((m, r) => {
        const k = (r.status_reason ?? "").replace(/\d+ ms/, "N ms").slice(0, 60);
        m[k] = (m[k] ?? 0) + 1;
        return m;
      }, {}),
    ),
  };
}
