/**
 * Where next-auth may send someone after sign-in or sign-out: a path on this site,
 * given either as "/admin" or as an absolute URL on our own origin. Anything else —
 * another host, "//host", "\\host", a javascript: URL, garbage — goes to the base URL.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  if (typeof url !== "string" || url.length > 1_000 || /[\\\u0000-\u001f\u007f]/.test(url)) return base;
  if (url.startsWith("/") && !url.startsWith("//")) return `${base}${url}`;
  try {
    const u = new URL(url);
    return u.origin === new URL(base).origin ? u.toString() : base;
  } catch {
    return base;
  }
}
