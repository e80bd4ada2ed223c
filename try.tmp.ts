import { renderEmail, renderSms } from "@/lib/messaging/templates";
import { fixtureContext } from "@/lib/messaging/templates/test-fixtures";
import { writeFileSync } from "node:fs";
const types = ["registration_confirmation","check_in_reminder_night_before","check_in_reminder_1_hour","check_in_reminder_event_start","profile_completion_reminder","agenda_ready"] as const;
(async () => {
for (const t of types) {
  const ctx = fixtureContext(t, { attendee: { profileCompletionStatus: "pending" }, contractor: { companyName: null, teamSize: null }, personalization: { speakers: 3, sponsors: 3, peers: 2 } });
  const e = await renderEmail(ctx);
  writeFileSync(`/tmp/tpx/${t}.html`, e.html);
  console.log("=====", t, "|", e.subject, "|", e.attachments.map(a=>a.filename+" "+a.contentType+" "+a.content.length));
  console.log(e.text);
  console.log("SMS:", JSON.stringify(renderSms(ctx)), renderSms(ctx).length);
}
const c = fixtureContext("check_in_confirmation");
console.log("SMS:", JSON.stringify(renderSms(c)), renderSms(c).length);
})();
