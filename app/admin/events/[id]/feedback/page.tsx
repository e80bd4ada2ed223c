import type { Metadata } from "next";
import { EventHeader } from "@/components/admin/event-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/lib/db";
import { loadFeedbackReport, type RatingRow } from "@/lib/followup/report";
import { formatDateTime } from "@/lib/messaging/templates/format";
import { loadAdminEventPage } from "@/app/admin/_lib/event-page";

export const metadata: Metadata = { title: "Ratings and feedback" };

type Props = { params: Promise<{ id: string }> };

const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);

function RatingTable({ label, rows, asked }: { label: string; rows: RatingRow[]; asked: string }) {
  return (
    <section aria-label={label} className="grid gap-2">
      <h2 className="text-lg font-semibold">{label}</h2>
      {rows.length === 0 ? (
        <p className="text-muted-foreground">None.</p>
      ) : (
        <Table aria-label={`${label} ratings`} containerClassName="rounded-xl border border-border bg-card">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Average</TableHead>
              <TableHead>Ratings</TableHead>
              <TableHead>{asked}</TableHead>
              <TableHead>Response rate</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-medium">
                  {r.name}
                  {r.detail ? <span className="block text-xs text-muted-foreground">{r.detail}</span> : null}
                </TableCell>
                <TableCell className="tabular-nums">{r.average === null ? "—" : `${r.average} / 5`}</TableCell>
                <TableCell className="tabular-nums">{r.ratings}</TableCell>
                <TableCell className="tabular-nums">{r.asked}</TableCell>
                <TableCell className="tabular-nums">{pct(r.responseRate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** Ratings and feedback per session, speaker, sponsor and the event, with response rates. */
export default async function FeedbackConsolePage({ params }: Props) {
  const { id } = await params;
  const page = await loadAdminEventPage(id, "feedback");
  if (!page.ok) return null;
  const { event } = page;
  const report = await loadFeedbackReport(await getDb(), event.id);
  return (
    <div className="grid gap-8">
      <EventHeader event={event} current="feedback" title="Ratings and feedback" />
      <RatingTable label="Event" rows={[report.event, report.feedback]} asked="Asked" />
      <RatingTable label="Sessions" rows={report.sessions} asked="Asked" />
      <RatingTable label="Speakers" rows={report.speakers} asked="Asked" />
      <RatingTable label="Sponsors" rows={report.sponsors} asked="Visited" />
      <section aria-label="Comments" className="grid gap-2">
        <h2 className="text-lg font-semibold">Comments ({report.feedback.comments.length})</h2>
        {report.feedback.comments.length === 0 ? <p className="text-muted-foreground">No comments yet.</p> : null}
        <ul className="grid gap-2">
          {report.feedback.comments.map((c, i) => (
            <li key={i} className="rounded-lg border bg-card p-3">
              <p className="text-xs text-muted-foreground">
                {c.score}/5 · <time dateTime={c.at.toISOString()}>{formatDateTime(c.at, event.timezone)}</time>
              </p>
              <p>{c.comment}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
