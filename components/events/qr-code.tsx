import { cn } from "@/lib/utils";

/**
 * An SVG QR code from lib/messaging/qr.ts (our own markup, generated from the
 * attendee's opaque qr_code_data). Always dark on white: scanners need the contrast,
 * whatever the page's theme.
 */
export function QrCode({ svg, label, className }: { svg: string; label: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={cn("aspect-square w-full max-w-64 rounded-xl bg-white p-2 shadow-sm ring-1 ring-border [&>svg]:block [&>svg]:size-full", className)}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
