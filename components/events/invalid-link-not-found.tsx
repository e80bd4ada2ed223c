"use client";

import { useParams } from "next/navigation";
import { InvalidLinkPage } from "./invalid-link";

/**
 * The 404 view of the attendee pages (their not-found.tsx): a page calls notFound() for a
 * wrong, expired or cancelled link, so the answer's status is 404, and this shows the
 * friendly "link doesn't work" view. not-found files get no props: the slug comes from the URL.
 */
export function InvalidLinkNotFound() {
  const params = useParams<{ slug?: string }>();
  return <InvalidLinkPage eventSlug={params?.slug ?? ""} />;
}
