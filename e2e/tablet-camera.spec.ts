/**
 * The camera path: Chromium's fake camera plays a Y4M of an attendee's QR code
 * (written here, read by the browser when the camera starts), decoded in the page by
 * barcode-detector (ZXing WebAssembly from our own origin, as on an iPad).
 * Its own Playwright project: the browser needs the fake camera flags.
 */
import { expect, test } from "@playwright/test";
import { asStaff } from "./support";
import { CAMERA_FILE } from "./camera-file";
import { openCheckIn, openTablet, registerSomeone, writeQrVideo } from "./tablet-support";

test("staff check someone in by holding their QR code up to the camera", async ({ browser }) => {
  await openCheckIn(browser);
  const code = await registerSomeone(browser, { first: "Cam", last: "Era", company: "Lens Roofing" });
  writeQrVideo(CAMERA_FILE, code);
  const desk = await asStaff(browser);
  await desk.context().grantPermissions(["camera"]);
  await openTablet(desk);
  const wasm = desk.waitForResponse((r) => r.url().includes("/api/checkin/zxing-reader"));
  await desk.getByRole("button", { name: "Start camera" }).click();
  expect((await wasm).status()).toBe(200);
  await expect(desk.getByRole("status")).toContainText("Cam Era is checked in.", { timeout: 20_000 });
  // Still in front of the camera: not a second check-in, no amber flood.
  await expect(desk.getByRole("status")).toContainText("Lens Roofing");
});
