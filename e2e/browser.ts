import { existsSync } from "node:fs";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Debian's Chromium (CI and this project's machines) when it is there; otherwise Playwright's own. */
export function systemChromium(exists: (p: string) => boolean = existsSync): string | undefined {
  return SYSTEM_PATHS.find((p) => exists(p));
}

export type BrowserChoice = { kind: "use"; path: string } | { kind: "install" } | { kind: "error"; message: string };

/** What `npm run test:e2e` launches: an explicit path, the system Chromium, Playwright's, or an install of it. */
export function chooseBrowser(o: { explicit?: string; exists: (p: string) => boolean; playwrightPath: string }): BrowserChoice {
  if (o.explicit) return o.exists(o.explicit) ? { kind: "use", path: o.explicit } : { kind: "error", message: `PLAYWRIGHT_CHROMIUM_PATH=${o.explicit} does not exist.` };
  const system = systemChromium(o.exists);
  if (system) return { kind: "use", path: system };
  if (o.exists(o.playwrightPath)) return { kind: "use", path: o.playwrightPath };
  return { kind: "install" };
}
