import { EmailLayout, Paragraph, PrimaryButton, type FooterProps } from "../components/layout";
import { previewFooter } from "../components/preview-data";

export type AgendaReadyProps = {
  greeting: string;
  eventName: string;
  /** "3 speakers, 3 sponsors and 2 peers", or null when the plan is empty so far. */
  summary: string | null;
  agendaUrl: string;
  footer: FooterProps;
};

export const agendaReadySubject = (p: Pick<AgendaReadyProps, "eventName">) =>
  `Your personal plan for ${p.eventName} is ready`;

export default function AgendaReadyEmail(p: AgendaReadyProps) {
  return (
    <EmailLayout
      preview={p.summary ? `Your AI prepared ${p.summary} for today.` : "Your plan for today is ready."}
      heading="Your personal plan is ready"
      footer={p.footer}
    >
      <Paragraph>{p.greeting}</Paragraph>
      <Paragraph>
        {p.summary
          ? `Your AI prepared ${p.summary} for ${p.eventName}, each with a note on why they are worth your time.`
          : `Your plan for ${p.eventName} is ready, with today's agenda in one place.`}
      </Paragraph>
      <PrimaryButton href={p.agendaUrl}>See your plan</PrimaryButton>
      <Paragraph>Keep this link handy: the page updates through the day, and your QR code is on it too.</Paragraph>
    </EmailLayout>
  );
}

AgendaReadyEmail.PreviewProps = {
  greeting: "Hi Dana,",
  eventName: "Contractor Growth Summit 2026",
  summary: "3 speakers, 3 sponsors and 3 peers",
  agendaUrl: "https://tpx.example.com/events/growth-summit/agenda?t=preview",
  footer: previewFooter,
} satisfies AgendaReadyProps;
