import { Details, EmailLayout, Paragraph, PrimaryButton, QrCode, TextLink, type FooterProps } from "../components/layout";
import { previewFooter, previewQrSrc } from "../components/preview-data";

export type RegistrationConfirmationProps = {
  greeting: string;
  eventName: string;
  when: string;
  where: string | null;
  /** Set while the profile is pending: the one thing we still need from them. */
  profileUrl: string | null;
  eventUrl: string;
  calendarUrl: string;
  qrSrc: string;
  /** The code in the QR, printed under it. */
  code: string;
  footer: FooterProps;
};

export const registrationConfirmationSubject = (p: Pick<RegistrationConfirmationProps, "eventName">) =>
  `You're registered for ${p.eventName}`;

export default function RegistrationConfirmationEmail(p: RegistrationConfirmationProps) {
  return (
    <EmailLayout
      preview={`Your spot is confirmed: ${p.when}. Your check-in QR code is inside.`}
      heading={`You're registered for ${p.eventName}`}
      footer={p.footer}
    >
      <Paragraph>{p.greeting}</Paragraph>
      <Paragraph>Your spot is confirmed. Here is everything you need for the day.</Paragraph>
      <Details
        rows={[
          ["When", p.when],
          ["Where", p.where],
        ]}
      />
      {p.profileUrl ? (
        <>
          <Paragraph>
            One more thing: complete your profile. It takes about two minutes, and it is how we pick the sessions,
            sponsors and people worth your time.
          </Paragraph>
          <PrimaryButton href={p.profileUrl}>Complete your profile</PrimaryButton>
        </>
      ) : null}
      <QrCode
        src={p.qrSrc}
        code={p.code}
        caption="Your check-in code. Show it at the registration desk, or check in from your phone from the evening before."
      />
      <Paragraph>Your calendar invite is attached.</Paragraph>
      <Paragraph>
        <TextLink href={p.calendarUrl}>Add to your calendar</TextLink>
      </Paragraph>
      <Paragraph>
        <TextLink href={p.eventUrl}>Open your event page</TextLink>
      </Paragraph>
      <Paragraph>See you there!</Paragraph>
    </EmailLayout>
  );
}

RegistrationConfirmationEmail.PreviewProps = {
  greeting: "Hi Dana,",
  eventName: "Contractor Growth Summit 2026",
  when: "Thu, Dec 3 · 9:00 AM – 5:00 PM EST",
  where: "Austin Convention Center, 500 E Cesar Chavez St, Austin, TX",
  profileUrl: "https://tpx.example.com/events/growth-summit/profile?t=preview",
  eventUrl: "https://tpx.example.com/events/growth-summit?t=preview",
  calendarUrl: "https://tpx.example.com/events/growth-summit/calendar.ics?t=preview",
  qrSrc: previewQrSrc,
  code: "TPX1.preview-check-in-code",
  footer: previewFooter,
} satisfies RegistrationConfirmationProps;
