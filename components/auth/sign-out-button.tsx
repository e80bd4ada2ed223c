"use client";

import { useTransition } from "react";
import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { Button, type ButtonProps } from "@/components/ui/button";

export function SignOutButton({ children = "Sign out", ...props }: ButtonProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      aria-disabled={pending || undefined}
      onClick={() =>
        startTransition(async () => {
          await signOut({ redirect: false });
          router.replace("/signin");
          router.refresh();
        })
      }
      {...props}
    >
      <LogOut aria-hidden="true" />
      {children}
    </Button>
  );
}
