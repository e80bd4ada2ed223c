import type { Attendee, Event } from "@/db/schema";
import { env } from "@/lib/env";

/** Absolute links for an attendee; each carries their token, never a bare id. */
export function attendeeLinks(event: Pick<Event, "slug">, attendee: Pick<Attendee, "accessToken">, base = env().APP_URL) {
  const root = base.replace(/\/$/, "");
  const slug = encodeURIComponent(event.slug);
  const t = encodeURIComponent(attendee.accessToken);
  return {
    event: `${root}/events/${slug}`,
    profile: `${root}/events/${slug}/profile?t=${t}`,
    checkIn: `${root}/events/${slug}/check-in?t=${t}`,
    agenda: `${root}/events/${slug}/agenda?t=${t}`,
    unsubscribe: `${root}/unsubscribe?t=${t}`,
    /** RFC 8058: mailbox providers POST here from their own "Unsubscribe" button. */
    unsubscribeOneClick: `${root}/api/unsubscribe?t=${t}`,
    calendar: `${root}/api/events/${slug}/calendar.ics?t=${t}`,
    feedback: `${root}/events/${slug}/feedback?t=${t}`,
  };
}
