/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "twilio", "@react-email/render", "@react-email/components"],
  typedRoutes: false,
  poweredByHeader: false,
  // forbidden() + forbidden.tsx: the 403 pages answer with status 403 (Next 16: still experimental).
  experimental: { authInterrupts: true },
};

export default nextConfig;
