import { agendaItemType } from "@/db/schema/events";
import type { FieldSpec } from "./form-state";

/** The console's forms, field by field; names are the event file's (lib/events/forms.ts maps them). */

export const EVENT_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name" },
  { name: "slug", label: "Web address", hint: "Lower-case letters, digits and dashes: /events/your-slug" },
  { name: "timezone", label: "Time zone", kind: "timezone", hint: "Type to search, e.g. Chicago. Every time below is in this zone." },
  { name: "venue", label: "Venue", optional: true },
  { name: "starts_at", label: "Starts", kind: "datetime-local" },
  { name: "ends_at", label: "Ends", kind: "datetime-local" },
  { name: "check_in_closes_at", label: "Check-in closes", kind: "datetime-local", optional: true, hint: "Left empty: 24 hours after the end." },
  { name: "address", label: "Address", optional: true },
  { name: "description", label: "Description", kind: "textarea", optional: true, wide: true },
  { name: "organizer_name", label: "Organizer name", optional: true, hint: "Given in HELP replies." },
  { name: "organizer_email", label: "Organizer email", kind: "email", optional: true },
  { name: "organizer_phone", label: "Organizer phone", kind: "tel", optional: true },
];

const TYPE_LABELS: Record<string, string> = { session: "Session", keynote: "Keynote", panel: "Panel", break: "Break", lunch: "Lunch", networking: "Networking" };

export function agendaFields(speakers: ReadonlyArray<{ key: string; name: string }>): FieldSpec[] {
  return [
    { name: "title", label: "Title" },
    { name: "type", label: "Type", kind: "select", options: agendaItemType.enumValues.map((v) => ({ value: v, label: TYPE_LABELS[v] })) },
    { name: "starts_at", label: "Starts", kind: "datetime-local" },
    { name: "ends_at", label: "Ends", kind: "datetime-local" },
    { name: "room", label: "Room", optional: true },
    { name: "speaker", label: "Speaker", kind: "select", optional: true, options: [{ value: "", label: "No speaker" }, ...speakers.map((s) => ({ value: s.key, label: s.name }))] },
    { name: "topics", label: "Topics", optional: true, hint: "Comma-separated, e.g. pricing, hiring", wide: true },
    { name: "description", label: "Description", kind: "textarea", optional: true, wide: true },
  ];
}

export const SPEAKER_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name" },
  { name: "title", label: "Title", optional: true },
  { name: "company", label: "Company", optional: true },
  { name: "pcr_score", label: "PCR score", kind: "number", optional: true, hint: "0 to 5" },
  { name: "focus_areas", label: "Focus areas", optional: true, hint: "Comma-separated", wide: true },
  { name: "bio", label: "Bio", kind: "textarea", optional: true, wide: true },
];

export const SPONSOR_FIELDS: FieldSpec[] = [
  { name: "name", label: "Name" },
  { name: "booth_number", label: "Booth", optional: true },
  { name: "focus_areas", label: "Focus areas", optional: true, hint: "Comma-separated" },
  { name: "target_revenue_tiers", label: "Revenue tiers", optional: true, hint: "under_500k, 500k_1m, 1m_5m, 5m_plus" },
  { name: "offerings", label: "Offerings", optional: true, hint: "Comma-separated", wide: true },
  { name: "special_offer", label: "Special offer", optional: true, wide: true },
  { name: "talking_points", label: "Talking points", kind: "textarea", optional: true, hint: "One per line", wide: true },
  { name: "pcr_score", label: "PCR score", kind: "number", optional: true, hint: "0 to 5" },
];
