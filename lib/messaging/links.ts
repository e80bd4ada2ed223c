import type { Attendee, Event } from "@/db/schema";
import { env } from "@/lib/env";
import { qrImageUrl } from "./qr-link";

/** Absolute links for an attendee; each carries their token (the QR image its own signature), never a bare id. */
export function attendeeLinks(event: Pick<Event, "slug">, attendee: Pick<Attendee, "id" | "accessToken">, base = env().APP_URL) {
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
    /** The QR image: signed for that image alone (an image proxy fetches it unasked), not the token. */
    qrImage: qrImageUrl(attendee.id, root),
  };
}
