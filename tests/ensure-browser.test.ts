import { describe, expect, it } from "vitest";
import { chooseBrowser } from "@/e2e/browser";

/** `npm test` on a fresh laptop: no Debian Chromium, no Playwright browser yet. */
describe("the e2e browser", () => {
  const pw = "/home/me/.cache/ms-playwright/chromium-1/chrome";
  const has = (...paths: string[]) => (p: string) => paths.includes(p);

  it("uses Debian's Chromium where it exists (CI: no downloads)", () => {
    expect(chooseBrowser({ exists: has("/usr/bin/chromium", pw), playwrightPath: pw })).toEqual({ kind: "use", path: "/usr/bin/chromium" });
  });
  it("uses Playwright's Chromium when it is installed", () => {
    expect(chooseBrowser({ exists: has(pw), playwrightPath: pw })).toEqual({ kind: "use", path: pw });
  });
  it("installs Playwright's Chromium when there is none at all", () => {
    expect(chooseBrowser({ exists: has(), playwrightPath: pw })).toEqual({ kind: "install" });
  });
  it("refuses an explicit path that does not exist, and uses one that does", () => {
    expect(chooseBrowser({ explicit: "/nope", exists: has(pw), playwrightPath: pw }).kind).toBe("error");
    expect(chooseBrowser({ explicit: "/opt/c", exists: has("/opt/c"), playwrightPath: pw })).toEqual({ kind: "use", path: "/opt/c" });
  });
});
