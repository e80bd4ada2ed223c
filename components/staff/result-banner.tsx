import { CircleAlert, CircleCheck, History, Undo2 } from "lucide-react";
import type { ScanResult } from "@/lib/checkin/outcome";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

const TONE = {
  green: { box: "bg-emerald-600 text-white", Icon: CircleCheck },
  amber: { box: "bg-amber-400 text-amber-950", Icon: History },
  red: { box: "bg-red-600 text-white", Icon: CircleAlert },
} as const;

/**
 * The answer to the last scan, full width and readable from a step back: green in,
 * amber already in, red refused (each refusal in its own words). Greens and ambers
 * are announced politely, reds as an alert. The undo button lives here while the
 * check-in can still be undone from this device.
 */
export function ResultBanner({
  result,
  canUndo,
  onUndo,
}: {
  result: ScanResult | null;
  canUndo: boolean;
  onUndo: () => void;
}) {
  if (!result) {
    return (
      <div role="status" aria-live="polite" className="flex min-h-32 items-center justify-center rounded-2xl border-2 border-dashed border-border bg-background text-xl text-muted-foreground">
        Ready to scan
      </div>
    );
  }
  const { box, Icon } = TONE[result.tone];
  const body = (
    <div key={result.nonce} data-tone={result.tone} className={cn("flex min-h-32 w-full items-center gap-5 rounded-2xl px-6 py-5 shadow-sm", box)}>
      <Icon aria-hidden="true" className="size-14 shrink-0" />
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="text-3xl font-bold tracking-tight">{result.title}</p>
        <p className="text-xl font-medium break-words">{result.message}</p>
        {result.companyName ? <p className="text-lg opacity-90">{result.companyName}</p> : null}
      </div>
      {canUndo ? (
        <Button type="button" variant="outline" size="lg" onClick={onUndo} className="h-14 shrink-0 border-white/70 bg-white/15 text-lg text-inherit hover:bg-white/25">
          <Undo2 aria-hidden="true" />
          Undo
        </Button>
      ) : null}
    </div>
  );
  return result.tone === "red" ? <div role="alert">{body}</div> : <div role="status" aria-live="polite">{body}</div>;
}
