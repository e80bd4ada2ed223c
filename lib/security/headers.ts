/**
 * HTTP security headers set by proxy.ts on every page and API response. A folder of its
 * own: these are response policy for the whole site, not one domain's rules, and
 * lib/http is the per-handler edge (parse, actor, map).
 *
 * The proxy is NOT an authorization gate: every handler, action and data function
 * checks the actor itself (CONVENTIONS, anti-patterns).
 */
export type SecurityContext = {
  nonce: string;
  /** `next dev` needs 'unsafe-eval' (React's dev tooling rebuilds server stacks with eval). */
  dev: boolean;
  /** Served over https in production: adds HSTS and upgrade-insecure-requests. */
  https: boolean;
};

/** 128 random bits, base64: unpredictable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts: only ours, by nonce ('strict-dynamic' lets Next's nonce'd loader add its
 * chunks). Styles: 'unsafe-inline' (docs/decisions/0121): React renders `style=""`
 * attributes, which a nonce cannot cover, and with a nonce present browsers ignore
 * 'unsafe-inline'; injected CSS cannot run script. No page is meant to be framed.
 */
export function contentSecurityPolicy({ nonce, dev, https }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The staff tablet's offline service worker (later) is a same-origin script file.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Everything but the CSP (which also goes on the request, for Next to find the nonce). */
export function staticSecurityHeaders({ https }: Pick<SecurityContext, "https">): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Old browsers that ignore CSP frame-ancestors.
    "X-Frame-Options": "DENY",
    // Camera for the staff tablet's QR scanner; nothing else.
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Two years, as hstspreload.org asks; only where the site is really https in production.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
