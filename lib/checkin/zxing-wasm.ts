import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The ZXing decoder the barcode-detector ponyfill loads where the browser has no
 * native BarcodeDetector (docs/decisions/0133): served from our own origin, read
 * from the installed zxing-wasm package itself, so it is always the exact version
 * the ponyfill was built against (no copied file to drift). The client asks for it
 * with ?v=<ZXING_WASM_VERSION>, which makes the URL cacheable for good.
 */
export const ZXING_WASM_PATH = path.join("node_modules", "zxing-wasm", "dist", "reader", "zxing_reader.wasm");

let cached: Promise<{ bytes: Buffer; sha256: string }> | undefined;

export function zxingReaderWasm(): Promise<{ bytes: Buffer; sha256: string }> {
  cached ??= readFile(path.join(process.cwd(), ZXING_WASM_PATH)).then((bytes) => ({
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  }));
  return cached;
}
