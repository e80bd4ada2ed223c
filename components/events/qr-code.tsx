import { cn } from "@/lib/utils";

/**
 * An SVG QR code from lib/messaging/qr.ts (our own markup, generated from the
 * attendee's opaque qr_code_data). Always dark on white: scanners need the contrast,
 * whatever the page's theme.
 */
export function QrCode({
  svg,
  label,
  code,
  className,
  caption = "Can't scan? Code",
}: {
  svg: string;
  label: string;
  code?: string;
  className?: string;
  caption?: string;
}) {
  const image = (
    <div
      role="img"
      aria-label={label}
      className={cn("aspect-square w-full max-w-64 rounded-xl bg-white p-2 shadow-sm ring-1 ring-border [&>svg]:block [&>svg]:size-full", className)}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
  if (!code) return image;
  // The code as text too: staff can type it when a cracked screen won't scan.
  return (
    <figure className="grid w-full justify-items-center gap-2">
      {image}
      <figcaption className="text-xs text-muted-foreground">
        {caption} <span className="font-mono select-all">{code}</span>
      </figcaption>
    </figure>
  );
}
