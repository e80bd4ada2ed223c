import { CheckInReminder, checkInReminderPreviewProps, type CheckInReminderProps } from "../components/check-in-reminder";

export const checkInReminderEventStartSubject = (p: Pick<CheckInReminderProps, "eventName">) =>
  `${p.eventName} is starting now`;

export default function CheckInReminderEventStartEmail(p: CheckInReminderProps) {
  return (
    <CheckInReminder
      {...p}
      preview="We're underway. Check in from your phone in a few seconds."
      heading="We're starting"
      lead={
        <>
          {p.eventName} is starting now ({p.startTime}). If you haven&apos;t checked in yet, do it from your phone: it
          takes a few seconds, and your personal plan for the day follows right after.
        </>
      }
    />
  );
}

CheckInReminderEventStartEmail.PreviewProps = checkInReminderPreviewProps;
