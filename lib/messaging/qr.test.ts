import { describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { qrPngBase64, qrSvg } from "./qr";

const DATA = "tpx:att:Zm9vYmFyYmF6cXV4MTIzNDU2";

describe("qrPngBase64", () => {
  it("is a 300×300 PNG, base64 without a data: prefix", async () => {
    const b64 = await qrPngBase64(DATA);
    expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const png = Buffer.from(b64, "base64");
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.subarray(12, 16).toString()).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(300);
    expect(png.readUInt32BE(20)).toBe(300);
  });

  it("differs for different data and is stable for the same", async () => {
    expect(await qrPngBase64(DATA)).toBe(await qrPngBase64(DATA));
    expect(await qrPngBase64(DATA)).not.toBe(await qrPngBase64(`${DATA}x`));
  });
});

describe("qrSvg", () => {
  it("draws the code's modules with a 4-module quiet zone", async () => {
    const svg = await qrSvg(DATA);
    const size = QRCode.create(DATA, { errorCorrectionLevel: "M" }).modules.size;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    expect(svg).toContain("<path");
  });
});
