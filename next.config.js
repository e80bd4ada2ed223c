/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "twilio", "@react-email/render", "@react-email/components"],
  typedRoutes: false,
  poweredByHeader: false,
  // The console's import sends a whole CSV (20,000 attendee rows ≈ 3 MB) to a server action.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default nextConfig;
