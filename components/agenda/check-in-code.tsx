import { CircleCheck, ScanLine } from "lucide-react";
import { QrCode } from "@/components/events/qr-code";
import { formatTime } from "@/components/events/datetime";

/** The attendee's QR code for the desk, and whether they're already in. */
export function CheckInCode({
  svg,
  code,
  name,
  checkInTime,
  timezone,
}: {
  svg: string;
  code?: string;
  name: string;
  checkInTime: Date | null;
  timezone: string;
}) {
  return (
    <div className="grid justify-items-center gap-4 rounded-xl border border-border bg-card p-5 text-center shadow-xs">
      {checkInTime ? (
        <p className="flex items-center gap-2 font-medium text-success">
          <CircleCheck aria-hidden="true" className="size-5" />
          <span>
            Checked in at <time dateTime={checkInTime.toISOString()}>{formatTime(checkInTime, timezone)}</time>
          </span>
        </p>
      ) : (
        <p className="flex items-center gap-2 font-medium">
          <ScanLine aria-hidden="true" className="size-5 text-primary" />
          Show this at the desk
        </p>
      )}
      <QrCode svg={svg} code={code} label={`Check-in QR code for ${name}`} className="max-w-60" />
    </div>
  );
}
