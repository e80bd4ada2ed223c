import { DateTime } from "luxon";

/** Every IANA zone this runtime knows, with its UTC offset at `at` ("UTC−06:00"), for the timezone picker. */
export function timezoneOptions(at: Date): Array<{ value: string; label: string }> {
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes("UTC")) zones.push("UTC");
  return zones.map((zone) => ({ value: zone, label: `${zone} (${offsetLabel(zone, at)})` }));
}

export function offsetLabel(zone: string, at: Date): string {
  const dt = DateTime.fromJSDate(at, { zone });
  if (!dt.isValid) return "unknown zone";
  return `UTC${dt.toFormat("ZZ").replace("-", "−")}`;
}
