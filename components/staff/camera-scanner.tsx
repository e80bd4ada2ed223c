"use client";

import { useEffect, useRef, useState } from "react";
import { Camera, CameraOff } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Where the ponyfill finds the ZXing decoder: our own origin, pinned to the version it was built with. */
async function loadDetector() {
  const mod = await import("barcode-detector/ponyfill");
  mod.setZXingModuleOverrides({
    locateFile: (file: string, prefix: string) =>
      file.endsWith(".wasm") ? `/api/checkin/zxing-reader?v=${mod.ZXING_WASM_VERSION}` : prefix + file,
  });
  return new mod.BarcodeDetector({ formats: ["qr_code"] });
}

/** The same code held in front of the camera is one scan, not one per frame. */
const SAME_CODE_MS = 4_000;

/**
 * The camera path: the back camera, a frame decoded every ~200 ms with
 * barcode-detector (native BarcodeDetector where the browser has it, ZXing
 * WebAssembly elsewhere), each new code handed to `onCode` at once.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<"off" | "starting" | "on" | "error">("off");
  const [error, setError] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (state !== "starting") return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const last = { code: "", at: 0 };
    (async () => {
      try {
        const [detector, media] = await Promise.all([
          loadDetector(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }),
        ]);
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        setState("on");
        const tick = async () => {
          if (stopped || !video.current) return;
          try {
            if (video.current.readyState >= 2) {
              const [hit] = await detector.detect(video.current);
              const now = Date.now();
              if (hit?.rawValue && (hit.rawValue !== last.code || now - last.at > SAME_CODE_MS)) {
                last.code = hit.rawValue;
                last.at = now;
                onCodeRef.current(hit.rawValue);
              } else if (hit?.rawValue) {
                last.at = now;
              }
            }
          } catch {
            // One bad frame is no reason to stop.
          }
          timer = setTimeout(tick, 200);
        };
        void tick();
      } catch (err) {
        if (stopped) return;
        setError(err instanceof Error && err.name === "NotAllowedError" ? "Camera access was refused. Allow it in the browser settings." : "The camera could not be started.");
        setState("error");
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [state]);

  const running = state === "on" || state === "starting";
  return (
    <section aria-label="Camera" className="grid gap-3 rounded-2xl border border-border bg-card p-4 shadow-xs">
      {/* Capped in portrait so the typed-code field and the answer stay on the first screen. */}
      <div className="relative aspect-[4/3] max-h-[36vh] w-full overflow-hidden rounded-xl bg-black portrait:aspect-video landscape:max-h-none">
        <video ref={video} muted playsInline aria-label="Camera preview" className={running ? "size-full object-cover" : "hidden"} />
        {!running ? (
          <p className="absolute inset-0 flex items-center justify-center p-6 text-center text-white/80">
            {error ?? "Point the camera at the attendee's QR code."}
          </p>
        ) : null}
      </div>
      <Button type="button" size="lg" variant={running ? "outline" : "default"} className="h-14 text-lg" onClick={() => setState(running ? "off" : "starting")}>
        {running ? <CameraOff aria-hidden="true" /> : <Camera aria-hidden="true" />}
        {running ? "Stop camera" : "Start camera"}
      </Button>
    </section>
  );
}
