import { BulletList, EmailLayout, Paragraph, PrimaryButton, type FooterProps } from "../components/layout";
import { previewFooter } from "../components/preview-data";

export type ProfileCompletionReminderProps = {
  greeting: string;
  eventName: string;
  when: string;
  /** Capitalized labels ("Company name"); empty when only a confirmation is needed. */
  missing: string[];
  profileUrl: string;
  footer: FooterProps;
};

export const profileCompletionReminderSubject = (p: Pick<ProfileCompletionReminderProps, "eventName">) =>
  `Finish your profile for ${p.eventName}`;

export default function ProfileCompletionReminderEmail(p: ProfileCompletionReminderProps) {
  return (
    <EmailLayout
      preview="Two minutes now means a day planned around you."
      heading="Your profile is almost there"
      footer={p.footer}
    >
      <Paragraph>{p.greeting}</Paragraph>
      <Paragraph>
        Before {p.eventName} ({p.when}), we use your profile to pick the sessions, sponsors and people worth your time.
        {p.missing.length > 0 ? " We still need:" : " Please take a minute to check it's up to date."}
      </Paragraph>
      {p.missing.length > 0 ? <BulletList items={p.missing} /> : null}
      <PrimaryButton href={p.profileUrl}>Complete your profile</PrimaryButton>
      <Paragraph>It takes about two minutes.</Paragraph>
    </EmailLayout>
  );
}

ProfileCompletionReminderEmail.PreviewProps = {
  greeting: "Hi Dana,",
  eventName: "Contractor Growth Summit 2026",
  when: "Thu, Dec 3 · 9:00 AM EST",
  missing: ["Company name", "Team size", "Focus areas"],
  profileUrl: "https://tpx.example.com/events/growth-summit/profile?t=preview",
  footer: previewFooter,
} satisfies ProfileCompletionReminderProps;
