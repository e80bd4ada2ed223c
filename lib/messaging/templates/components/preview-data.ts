import type { FooterProps } from "./layout";

/** Sample data for the emails' PreviewProps (react-email's preview server). */
export const previewFooter: FooterProps = {
  eventName: "Contractor Growth Summit 2026",
  organizer: { name: "Power100 Events", email: "events@power100.io", phone: "+15125550100" },
  unsubscribeUrl: "https://tpx.example.com/unsubscribe?t=preview",
};

// Real sends reference the hosted, signed image (links.qrImage); the preview server has
// no attendee to sign for, so the image shows as its alt text there.
export const previewQrSrc = "cid:qr";
