/** Next.js start-up hook: runs once per server process, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { inngestConfigured } = await import("./lib/env");
  if (inngestConfigured()) {
    const { installInngestSender } = await import("./inngest/client");
    installInngestSender();
  }
  const { startApp } = await import("./lib/runtime/start");
  await startApp();
}
