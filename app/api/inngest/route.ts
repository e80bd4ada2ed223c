import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { inngestConfigured } from "@/lib/env";

/**
 * Inngest's endpoint, mounted only when Inngest is configured. Without it there is
 * nothing to serve: a 404 like any unknown path (not a 500, and no unauthenticated
 * PUT that starts a registration with Inngest's servers).
 */
type Handler = (req: Request, ctx: unknown) => Promise<Response>;
let served: { GET: Handler; POST: Handler; PUT: Handler } | undefined;

function handlers() {
  served ??= serve({ client: inngest, functions }) as unknown as { GET: Handler; POST: Handler; PUT: Handler };
  return served;
}

const notMounted = () => Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });

export async function GET(req: Request, ctx: unknown) {
  return inngestConfigured() ? handlers().GET(req, ctx) : notMounted();
}
export async function POST(req: Request, ctx: unknown) {
  return inngestConfigured() ? handlers().POST(req, ctx) : notMounted();
}
export async function PUT(req: Request, ctx: unknown) {
  return inngestConfigured() ? handlers().PUT(req, ctx) : notMounted();
}
