import Link from "next/link";
import { notFound } from "next/navigation";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { FeedbackForm } from "@/components/followup/feedback-form";
import { PublicShell } from "@/components/site/public-shell";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { loadFeedbackPage } from "@/lib/followup/feedback";
import { parseOr, slug as slugParser, tokenParam } from "@/lib/http/parse";
import { dictionary } from "@/lib/i18n";
import { sendFeedback } from "./actions";

export const metadata = attendeePageMetadata("Your feedback");

/** /events/{slug}/feedback?t={token}: the post-event 1–5 and comment (SPEC §3 feedback_request). */
export default async function FeedbackPage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const token = tokenParam((await searchParams).t);
  if (!token || !parseOr(slugParser, slug)) notFound();
  const page = await loadFeedbackPage(await getDb(), slug, token, now());
  if (!page) notFound();
  const t = dictionary(page.contractor.language).feedback;
  const closed = page.state === "given" ? t.alreadyGiven : page.state === "not_attended" ? t.notAttended : page.state === "not_over" ? t.notOver : null;

  return (
    <PublicShell>
      <div className="grid gap-8">
        <header className="grid gap-3">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">
            <Link href={`/events/${encodeURIComponent(page.event.slug)}`} className="hover:underline">
              {page.event.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t.title}</h1>
          <p className="text-lg text-muted-foreground">{t.lead(page.event.name)}</p>
        </header>
        <Card>
          <CardContent className="pt-5 sm:pt-6">
            {closed ? (
              <Alert role="status">
                <AlertDescription>
                  {closed}
                  {page.given ? ` ${t.yours(page.given.score)}` : null}
                </AlertDescription>
              </Alert>
            ) : (
              <FeedbackForm
                action={sendFeedback.bind(null, page.event.slug, token)}
                t={{ score: t.score, scoreHint: t.scoreHint, comment: t.comment, send: t.send, sending: t.sending, thanks: t.thanks }}
              />
            )}
          </CardContent>
        </Card>
      </div>
    </PublicShell>
  );
}
