import { zxingReaderWasm } from "@/lib/checkin/zxing-wasm";
import { route } from "@/lib/http/route";

/** GET /api/checkin/zxing-reader — the ZXing WebAssembly decoder for the tablet's camera (anyone: a public library binary). */
export const GET = route({ auth: "public" }, async ({ req }) => {
  const wasm = await zxingReaderWasm();
  const etag = `"${wasm.sha256}"`;
  const headers = { "Content-Type": "application/wasm", ETag: etag, "Cache-Control": "public, max-age=31536000, immutable" };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(wasm.bytes), { headers });
});
