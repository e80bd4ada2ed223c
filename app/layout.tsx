import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

// Self-hosted (next/font/local): Google-hosted fonts need the network at build time.
const inter = localFont({
  src: "./fonts/InterVariable.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/>' +
  '<rect x="8" y="9" width="16" height="3" rx="1.5" fill="#fff"/><rect x="8" y="14.5" width="11" height="3" rx="1.5" fill="#fff" opacity=".8"/>' +
  '<rect x="8" y="20" width="6" height="3" rx="1.5" fill="#fff" opacity=".6"/></svg>';

export const metadata: Metadata = {
  title: { default: "TPX — conference orchestration", template: "%s · TPX" },
  description:
    "TPX runs the attendee journey of a business conference: registration, reminders, QR check-in and a personal plan for every attendee.",
  // The wordmark's tile, inline: no extra file, no /favicon.ico 404.
  icons: { icon: `data:image/svg+xml,${encodeURIComponent(FAVICON)}` },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfd" },
    { media: "(prefers-color-scheme: dark)", color: "#111320" },
  ],
};

/**
 * Every page renders per request: proxy.ts sends a fresh CSP nonce with each one, and
 * Next can only put it on its scripts while rendering (a prerendered page's scripts would
 * carry none and be blocked). No inline script of ours needs the nonce.
 */
export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-primary focus:px-4 focus:py-2 focus:text-primary-foreground"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
