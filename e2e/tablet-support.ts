import { writeFileSync } from "node:fs";
import { expect, type Browser, type Page } from "@playwright/test";
import QRCode from "qrcode";
import { asAdmin, confirmationEmailOf, EVENT_DAY, jumpTo, onPhone } from "./support";

export const EVENT = "Contractor Growth Summit 2026";

/** The demo event's id, from the organizer's event list. */
async function demoEventId(admin: Page): Promise<string> {
  await admin.goto("/admin");
  const href = await admin.getByRole("link", { name: `Dashboard of ${EVENT}` }).getAttribute("href");
  return href!.split("/")[3];
}

/**
 * Registers someone on the public page (as a phone would) and returns their check-in
 * code, read from their confirmation email in the outbox (the form shows no code).
 */
export async function registerSomeone(browser: Browser, who: { first: string; last: string; company: string }): Promise<string> {
  const page = await onPhone(browser);
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(EVENT) }).click();
  await page.getByLabel("First name").fill(who.first);
  await page.getByLabel("Last name").fill(who.last);
  await page.getByLabel("Email").fill(`${who.first}.${who.last}@tablet-e2e.org`.toLowerCase());
  await page.getByLabel(/^Company/).fill(who.company);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  await page.context().close();
  const admin = await asAdmin(browser);
  const email = await confirmationEmailOf(admin, await demoEventId(admin), `${who.first} ${who.last}`);
  await admin.context().close();
  expect(email.code).toMatch(/^TPX1\./);
  return email.code!;
}

/** The event day at 08:30 on the server's clock: check-in is open (it opened at 20:00 the night before). */
export async function openCheckIn(browser: Browser): Promise<void> {
  const admin = await asAdmin(browser);
  await admin.goto("/admin");
  await jumpTo(admin, EVENT_DAY.set({ hour: 8, minute: 30 }));
  await admin.context().close();
}

/** Opens the tablet page for the demo event from the staff event list; returns the event id. */
export async function openTablet(desk: Page): Promise<string> {
  await desk.goto("/staff");
  await desk.getByRole("link", { name: new RegExp(EVENT) }).click();
  await expect(desk.getByRole("heading", { name: EVENT, level: 1 })).toBeVisible();
  await expect(desk.getByText(/^Offline list: \d+ codes/)).toBeVisible();
  return desk.url().split("/").at(-1)!.split("?")[0];
}

/**
 * A Y4M video (YUV4MPEG2, I420) showing the QR code of `text`, for Chromium's fake
 * camera (--use-file-for-fake-video-capture): black modules on white with a quiet zone.
 */
export function writeQrVideo(path: string, text: string, width = 640, height = 480): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const scale = Math.floor((Math.min(width, height) * 0.8) / (n + 8));
  const side = (n + 8) * scale;
  const x0 = Math.floor((width - side) / 2);
  const y0 = Math.floor((height - side) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y0 + (r + 4) * scale + dy) * width + x0 + (c + 4) * scale;
        y.fill(16, row, row + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  writeFileSync(path, Buffer.concat([header, frame, frame, frame]));
}
