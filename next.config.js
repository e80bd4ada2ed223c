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
  // The tablet's ZXing decoder is read from the package at run time (lib/checkin/zxing-wasm.ts).
  outputFileTracingIncludes: { "/api/checkin/zxing-reader": ["./node_modules/zxing-wasm/dist/reader/zxing_reader.wasm"] },
  experimental: {
    // forbidden() + forbidden.tsx: the 403 pages answer with status 403 (Next 16: still experimental).
    authInterrupts: true,
    // The console's import sends a whole CSV (20,000 attendee rows ≈ 3 MB) to a server action.
    serverActions: { bodySizeLimit: "8mb" },
  },
};

export default nextConfig;
