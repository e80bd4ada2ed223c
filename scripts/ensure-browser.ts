/**
 * Before Playwright runs: a browser it can launch. CI and this project's machines
 * use Debian's Chromium (/usr/bin/chromium, no downloads there); a laptop without
 * it gets Playwright's own Chromium, installed once (it has the internet). Without
 * this, every e2e test fails there with "Executable doesn't exist".
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { chooseBrowser } from "../e2e/browser";

function main() {
  const choice = chooseBrowser({
    explicit: process.env.PLAYWRIGHT_CHROMIUM_PATH,
    exists: existsSync,
    playwrightPath: chromium.executablePath(),
  });
  if (choice.kind === "error") {
    console.error(choice.message);
    process.exit(1);
  }
  if (choice.kind === "use") return console.log(`e2e browser: ${choice.path}`);
  console.log("No Chromium found: installing Playwright's Chromium once (npx playwright install chromium)…");
  const r = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("Could not install Chromium. Install it (npx playwright install chromium) or set PLAYWRIGHT_CHROMIUM_PATH.");
    process.exit(r.status ?? 1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
