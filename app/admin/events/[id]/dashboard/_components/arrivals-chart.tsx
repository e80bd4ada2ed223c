"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Arrivals per 15 minutes (bars) and the running total (line), in the event's time zone. */
export function ArrivalsChart({ series, timezone }: { series: Array<{ at: string; arrivals: number }>; timezone: string }) {
  const fmt = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: timezone });
  const data = series.reduce<Array<{ time: string; arrivals: number; total: number }>>(
    (acc, p) => [...acc, { time: fmt.format(new Date(p.at)), arrivals: p.arrivals, total: (acc.at(-1)?.total ?? 0) + p.arrivals }],
    [],
  );
  const total = data.at(-1)?.total ?? 0;
  if (data.length === 0) {
    return <p className="flex h-64 items-center justify-center text-sm text-muted-foreground">No arrivals yet.</p>;
  }
  return (
    <div className="h-64" role="img" aria-label={`Arrivals over time: ${total} checked in so far`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" fontSize={12} />
          <YAxis yAxisId="n" allowDecimals={false} fontSize={12} />
          <YAxis yAxisId="t" orientation="right" allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend verticalAlign="top" height={28} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          {/* A few buckets only (the first minutes of check-in): narrow bars, and dots so the running total shows. */}
          <Bar yAxisId="n" dataKey="arrivals" name="Arrivals per 15 min (left)" fill="#10b981" maxBarSize={56} isAnimationActive={false} />
          <Line yAxisId="t" dataKey="total" name="Checked in, total (right)" stroke="#2563eb" dot={data.length < 4} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
