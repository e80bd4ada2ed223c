import { Badge } from "@/components/ui/badge";
import type { MessageStatus } from "@/db/schema";
import { STATUS_BADGE } from "./message-labels";

export function StatusBadge({ status }: { status: MessageStatus }) {
  return (
    <Badge variant={STATUS_BADGE[status]} className="capitalize">
      {status}
    </Badge>
  );
}
