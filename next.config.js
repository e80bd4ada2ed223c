/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "twilio",
    "@react-email/render",
    "@react-email/components",
    // Loads drizzle-orm with a computed import() the bundler cannot follow ("expression is too dynamic").
    "rate-limiter-flexible",
  ],
  typedRoutes: false,
  poweredByHeader: false,
  // forbidden() + forbidden.tsx: the 403 pages answer with status 403 (Next 16: still experimental).
  experimental: { authInterrupts: true },
};

export default nextConfig;
