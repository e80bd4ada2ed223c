"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "/admin", label: "Events", match: (p: string) => p === "/admin" },
  { href: "/admin/outbox", label: "Outbox", match: (p: string) => p === "/admin/outbox" || p.endsWith("/outbox") },
  { href: "/admin/api-keys", label: "API keys", match: (p: string) => p.startsWith("/admin/api-keys") },
  { href: "/staff", label: "Check-in desk", match: (p: string) => p.startsWith("/staff") },
];

export function AdminNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Admin" className="order-last -mx-1 w-[calc(100%+0.5rem)] overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
      <ul className="flex items-center gap-1 whitespace-nowrap">
        {ITEMS.map((item) => {
          const active = item.match(pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground",
                  active && "bg-accent text-accent-foreground hover:bg-accent hover:text-accent-foreground",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
