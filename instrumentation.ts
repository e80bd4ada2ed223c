/** Next.js start-up hook: runs once per server process, before the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startApp } = await import("./lib/runtime/start");
  await startApp();
}
