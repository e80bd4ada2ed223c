/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "twilio", "@react-email/render", "@react-email/components"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
