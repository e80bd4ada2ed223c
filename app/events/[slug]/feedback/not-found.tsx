import { InvalidLinkNotFound } from "@/components/events/invalid-link-not-found";

/** A wrong, expired or cancelled attendee link: 404 with the "link doesn't work" view. */
export default InvalidLinkNotFound;
