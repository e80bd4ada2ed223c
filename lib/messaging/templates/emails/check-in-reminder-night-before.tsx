import { CheckInReminder, checkInReminderPreviewProps, type CheckInReminderProps } from "../components/check-in-reminder";

export const checkInReminderNightBeforeSubject = (p: Pick<CheckInReminderProps, "eventName">) =>
  `${p.eventName} is tomorrow: check in from your phone`;

// Sent at 20:00 the evening before, the moment check-in opens (SPEC §5.1).
export default function CheckInReminderNightBeforeEmail(p: CheckInReminderProps) {
  return (
    <CheckInReminder
      {...p}
      preview={`Check-in is open. Do it tonight and walk straight in at ${p.startTime}.`}
      heading="See you tomorrow"
      lead={
        <>
          {p.eventName} starts tomorrow, {p.when}. Check-in is open now: check in from your phone tonight and walk
          straight in tomorrow.
        </>
      }
    />
  );
}

CheckInReminderNightBeforeEmail.PreviewProps = checkInReminderPreviewProps;
