import QRCode from "qrcode";

/**
 * The attendee's check-in QR code. Error correction "M" survives a cracked phone
 * screen or a glare spot at the desk while keeping the modules large enough for a
 * tablet camera at arm's length; the 4-module quiet zone is the scanners' minimum.
 */
const OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/**
 * An attendee's code never changes, and the PNG is the costliest part of sending an
 * email (~5 ms): keep recent ones (bounded; ~3 KB each). Measured in docs/benchmarks.md.
 */
const PNG_CACHE_SIZE = 5_000;
const pngCache = new Map<string, string>();

/** A 300 px PNG, base64 (no data: prefix), for an inline email attachment. */
export async function qrPngBase64(data: string): Promise<string> {
  const hit = pngCache.get(data);
  if (hit) return hit;
  const png = (await QRCode.toBuffer(data, { ...OPTIONS, type: "png", width: 300 })).toString("base64");
  if (pngCache.size >= PNG_CACHE_SIZE) pngCache.delete(pngCache.keys().next().value!);
  pngCache.set(data, png);
  return png;
}

/** An SVG document for web pages (scales without blurring on the agenda page). */
export async function qrSvg(data: string): Promise<string> {
  return QRCode.toString(data, { ...OPTIONS, type: "svg" });
}
