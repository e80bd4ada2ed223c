import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The fake camera's video (tablet-camera.spec.ts writes the QR into it before starting the camera). */
export const CAMERA_FILE = path.resolve("e2e/.fixtures/camera.y4m");

/** Chromium must find a file at launch: a grey frame until the test writes the real one. */
export function ensureCameraFile(): string {
  if (!existsSync(CAMERA_FILE)) {
    mkdirSync(path.dirname(CAMERA_FILE), { recursive: true });
    const w = 640, h = 480;
    writeFileSync(CAMERA_FILE, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), Buffer.alloc(w * h * 1.5, 128)]));
  }
  return CAMERA_FILE;
}
