import Link from "next/link";
import { PublicShell } from "@/components/site/public-shell";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <PublicShell>
      <div className="mx-auto grid max-w-md justify-items-center gap-4 py-10 text-center">
        <p className="text-sm font-semibold tracking-wide text-primary uppercase">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="text-muted-foreground">
          The event may not be published yet, or the address is mistyped. Check the link in your invitation.
        </p>
        <Button asChild size="lg">
          <Link href="/">See upcoming events</Link>
        </Button>
      </div>
    </PublicShell>
  );
}
