"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

type Moment = { label: string; at: string };

/** Development only: jump the app clock (POST /api/dev/clock) to one of this event's moments. */
export function EventMoments({ moments, sessions, zone }: { moments: Moment[]; sessions: Moment[]; zone: string }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [session, setSession] = useState(sessions[0]?.at ?? "");
  const [pending, start] = useTransition();
  const jump = (m: Moment) =>
    start(async () => {
      const res = await fetch("/api/dev/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ to: m.at }) });
      setStatus(res.ok ? `Clock moved to ${m.label} (${new Date(m.at).toLocaleString(undefined, { timeZone: zone, dateStyle: "medium", timeStyle: "short" })} ${zone}).` : `The clock did not move (HTTP ${res.status}).`);
      router.refresh();
    });
  return (
    <section aria-labelledby="moments-heading" className="grid gap-2 rounded-lg border border-warning/30 bg-warning/8 p-3">
      <h2 id="moments-heading" className="text-base font-semibold">Dev clock: jump to this event&apos;s moments</h2>
      <div className="flex flex-wrap gap-2">
        {moments.map((m) => (
          <Button key={m.label} type="button" size="sm" variant="outline" aria-disabled={pending || undefined} onClick={() => jump(m)}>
            {m.label}
          </Button>
        ))}
      </div>
      {sessions.length ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grid gap-1">
            <Label htmlFor="moment-session">Session</Label>
            <Select id="moment-session" value={session} onChange={(e) => setSession(e.target.value)}>
              {sessions.map((s) => (
                <option key={s.at + s.label} value={s.at}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
          <Button type="button" size="sm" variant="outline" onClick={() => jump(sessions.find((s) => s.at === session) ?? sessions[0])}>
            Jump to session − 15 min
          </Button>
        </div>
      ) : null}
      <p role="status" className="text-sm text-muted-foreground">
        {status}
      </p>
    </section>
  );
}
