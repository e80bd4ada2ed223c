import { MESSAGE_STATUSES, MESSAGE_TYPE_LABELS } from "@/components/admin/message-labels";
import type { MessageStatus, MessageType } from "@/db/schema";

/** One row per message type, one column per status (counts from lib/metrics). */
export function MessagesTable({ rows }: { rows: Array<{ type: string; status: string; count: number }> }) {
  const byType = new Map<string, Partial<Record<MessageStatus, number>>>();
  for (const r of rows) {
    const t = byType.get(r.type) ?? {};
    t[r.status as MessageStatus] = r.count;
    byType.set(r.type, t);
  }
  if (byType.size === 0) return <p className="text-sm text-muted-foreground">No messages yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Messages by type and status">
        <thead>
          <tr className="text-left text-muted-foreground">
            <th className="py-1 pr-2 font-medium">Type</th>
            {MESSAGE_STATUSES.map((s) => <th key={s} className="px-1 py-1 text-right font-medium capitalize">{s}</th>)}
          </tr>
        </thead>
        <tbody>
          {[...byType.entries()].map(([type, counts]) => (
            <tr key={type} className="border-t border-border">
              <th scope="row" className="py-1 pr-2 text-left font-normal">{MESSAGE_TYPE_LABELS[type as MessageType] ?? type}</th>
              {MESSAGE_STATUSES.map((s) => <td key={s} className="px-1 py-1 text-right tabular-nums">{counts[s] ?? ""}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
