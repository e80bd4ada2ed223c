import { CheckInReminder, checkInReminderPreviewProps, type CheckInReminderProps } from "../components/check-in-reminder";

export const checkInReminder1HourSubject = (p: Pick<CheckInReminderProps, "eventName">) =>
  `${p.eventName} starts in 1 hour`;

export default function CheckInReminder1HourEmail(p: CheckInReminderProps) {
  return (
    <CheckInReminder
      {...p}
      preview={`Starting at ${p.startTime}. Check in from your phone and skip the line.`}
      heading="Starting in an hour"
      lead={
        <>
          {p.eventName} starts at {p.startTime}. Check in from your phone now and skip the line at the door.
        </>
      }
    />
  );
}

CheckInReminder1HourEmail.PreviewProps = checkInReminderPreviewProps;
