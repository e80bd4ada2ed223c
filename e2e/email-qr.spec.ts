import { expect, test } from "@playwright/test";
import { asAdmin, onPhone } from "./support";
import { createEventCopy, registerOnPhone, tokenFromConfirmation } from "./attendee-support";

/**
 * The check-in QR in the emails is a hosted, signed image (decision 0197): the organizer's
 * email preview shows it as the attendee's mail client would, loaded from our origin, and
 * the link answers the PNG without any session.
 */
test("the confirmation email shows the attendee's QR, served from its signed link", async ({ browser }) => {
  const admin = await asAdmin(browser);
  await admin.goto("/admin");
  const ev = await createEventCopy(admin, "email-qr-e2e", 20);
  const phone = await onPhone(browser);
  await registerOnPhone(phone, ev.slug, { first: "Quinn", last: "Image", email: "quinn.image@example.com", phone: "(512) 555-0191", company: "Image Roofing" });
  const { attendeeId } = await tokenFromConfirmation(admin.request, ev.id, "Quinn Image");

  await admin.goto(`/admin/events/${ev.id}/outbox?attendee=${attendeeId}&type=registration_confirmation`);
  const row = admin.getByRole("row").filter({ hasText: "Registration confirmation" }).filter({ has: admin.getByText("Email", { exact: true }) });
  await row.getByRole("button", { name: /Show email/ }).click();
  const email = admin.frameLocator('iframe[title^="Rendered email"]');
  const qr = email.getByRole("img", { name: "Your check-in QR code" });
  await expect(qr).toBeVisible();
  const src = await qr.getAttribute("src");
  expect(src).toMatch(new RegExp(`/api/qr/${attendeeId}\\?s=[\\w-]{32}$`));
  // Loaded, not a broken image: a 300 px PNG shown at 200.
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);

  // The link alone (no session, as a mail client's image proxy fetches it) answers the PNG; a forged one does not.
  const anonymous = await browser.newContext();
  const res = await anonymous.request.get(src!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const forged = await anonymous.request.get(src!.replace(/s=.*/, "s=" + "A".repeat(32)));
  expect(forged.status()).toBe(404);
  await anonymous.close();
});
