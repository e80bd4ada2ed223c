import { describe, expect, it } from "vitest";
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from "barcode-detector/ponyfill";
import { GET } from "@/app/api/checkin/zxing-reader/route";

describe("the ZXing decoder served from our origin", () => {
  it("is byte for byte the wasm the installed barcode-detector ponyfill expects", async () => {
    const res = await GET(new Request(`http://localhost/api/checkin/zxing-reader?v=${ZXING_WASM_VERSION}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/wasm");
    const bytes = Buffer.from(await res.arrayBuffer());
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(ZXING_WASM_SHA256);
    expect(res.headers.get("etag")).toBe(`"${ZXING_WASM_SHA256}"`);
    const again = await GET(new Request("http://localhost/api/checkin/zxing-reader", { headers: { "if-none-match": `"${ZXING_WASM_SHA256}"` } }));
    expect(again.status).toBe(304);
  });
});
