import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and committed (db/migrations).
// `npm run db:generate` needs no database; the app applies them at start, and
// `npx drizzle-kit migrate` applies them ahead of a deploy when DATABASE_URL is set.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  casing: "snake_case",
  ...(process.env.DATABASE_URL ? { dbCredentials: { url: process.env.DATABASE_URL } } : {}),
});
