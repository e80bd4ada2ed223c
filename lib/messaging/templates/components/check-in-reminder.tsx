import type { ReactNode } from "react";
import { Details, EmailLayout, Paragraph, PrimaryButton, QrCode, type FooterProps } from "./layout";
import { previewFooter, previewQrSrc } from "./preview-data";

/** What the three check-in reminders share: a time, the phone check-in button and the desk QR. */
export type CheckInReminderProps = {
  greeting: string;
  eventName: string;
  /** "Thu, Dec 3 · 9:00 AM EST" */
  when: string;
  /** "9:00 AM EST" */
  startTime: string;
  where: string | null;
  checkInUrl: string;
  /** The code in the QR, printed under it. */
  code: string;
  qrSrc: string;
  footer: FooterProps;
};

export function CheckInReminder(p: CheckInReminderProps & { preview: string; heading: string; lead: ReactNode }) {
  return (
    <EmailLayout preview={p.preview} heading={p.heading} footer={p.footer}>
      <Paragraph>{p.greeting}</Paragraph>
      <Paragraph>{p.lead}</Paragraph>
      <PrimaryButton href={p.checkInUrl}>Check in from your phone</PrimaryButton>
      <Details
        rows={[
          ["When", p.when],
          ["Where", p.where],
        ]}
      />
      <Paragraph>Prefer the desk? Show this QR code at registration and we will scan you in.</Paragraph>
      <QrCode src={p.qrSrc} code={p.code} caption="Your personal check-in code" />
    </EmailLayout>
  );
}

export const checkInReminderPreviewProps: CheckInReminderProps = {
  greeting: "Hi Dana,",
  eventName: "Contractor Growth Summit 2026",
  when: "Thu, Dec 3 · 9:00 AM EST",
  startTime: "9:00 AM EST",
  where: "Austin Convention Center, 500 E Cesar Chavez St, Austin, TX",
  checkInUrl: "https://tpx.example.com/events/growth-summit/check-in?t=preview",
  qrSrc: previewQrSrc,
  code: "TPX1.preview-check-in-code",
  footer: previewFooter,
};
