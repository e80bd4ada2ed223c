import { expect, test, type Page } from "@playwright/test";
import { asAdmin, onPhone } from "./support";
import { checkInById, createEventCopy, jumpClock, outbox, registerOnPhone, tokenFromConfirmation } from "./attendee-support";

/** A Spanish registrant (issue 12 §3): confirmation, reminders and agenda in Spanish. */
test.describe.configure({ mode: "serial" });

const SLUG = "attendee-es-e2e";
let admin: Page;
let ev: Awaited<ReturnType<typeof createEventCopy>>;

test.beforeAll(async ({ browser }) => {
  admin = await asAdmin(browser);
  await admin.goto("/admin");
  ev = await createEventCopy(admin, SLUG, 6);
  await jumpClock(admin.request, ev.day.minus({ days: 6 }).set({ hour: 12 }));
});

test.afterAll(async () => {
  await admin.request.post("/api/dev/clock", { data: { reset: true } });
});

test("a Spanish registrant gets the confirmation, the reminders and the agenda in Spanish", async ({ browser }) => {
  const phone = await onPhone(browser);
  await registerOnPhone(phone, SLUG, { first: "Lucía", last: "Ramos", email: "lucia.e2e@example.com", phone: "(512) 555-0193", company: "Ramos Plomería", spanish: true });
  const { token, attendeeId, rows } = await tokenFromConfirmation(admin.request, ev.id, "Lucía Ramos");
  const sms = rows.find((m) => m.channel === "sms")!;
  // GSM-7 keeps ñ and é but not á: "está" travels as "esta".
  expect(sms.body).toContain("ya esta registrado en");
  expect(sms.body).toContain("Responda STOP");
  await expect(async () => {
    const email = (await outbox(admin.request, ev.id, { type: "registration_confirmation", attendee: attendeeId })).find((m) => m.channel === "email");
    expect(email?.subject).toMatch(/^Está registrado: /);
  }).toPass({ timeout: 20_000 });

  // The night before, 20:00: the reminders go out in Spanish.
  await jumpClock(admin.request, ev.day.minus({ days: 1 }).set({ hour: 20, minute: 1 }));
  await expect(async () => {
    const night = await outbox(admin.request, ev.id, { type: "check_in_reminder_night_before", attendee: attendeeId });
    expect(night.find((m) => m.channel === "sms")?.body).toMatch(/es mañana a las \d{1,2}:\d{2} a\.\s?m\./);
    expect(night.find((m) => m.channel === "email")?.subject).toMatch(/^Mañana: /);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });

  await jumpClock(admin.request, ev.day.set({ hour: 8, minute: 40 }));
  await checkInById(admin.request, ev.id, attendeeId);
  await phone.goto(`/events/${SLUG}/agenda?t=${token}`);
  await expect(phone.getByRole("heading", { name: "Hola, Lucía", level: 1 })).toBeVisible();
  await expect(phone.getByRole("region", { name: "Ahora y después" })).toContainText("Ahora");
  await expect(phone.getByRole("region", { name: "Su día" }).getByRole("listitem")).toHaveCount(3, { timeout: 30_000 });
  await expect(phone.getByRole("region", { name: "Personas por conocer" })).toContainText(/Le presentaremos a 3 personas a las 12:05 p\.\s?m\. \(almuerzo\)/);
  await expect(phone.getByRole("button", { name: "Mi código QR" })).toBeVisible();
  await phone.getByRole("button", { name: "Mi código QR" }).click();
  const qr = phone.getByRole("dialog", { name: "Su código de check-in" });
  await qr.getByRole("button", { name: "Cerrar" }).click();
  await expect(qr).toBeHidden();
  await expect(phone.locator("[lang=es]").first()).toBeVisible();
  await phone.screenshot({ path: "test-results/attendee-agenda-es-390.png", fullPage: true });
});
