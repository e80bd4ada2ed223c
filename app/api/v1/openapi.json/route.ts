import { apiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/http/route";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from lib/api/schemas.ts (public: it holds no data). */
export const GET = route({ auth: "public" }, async () => {
  return Response.json(apiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
});
