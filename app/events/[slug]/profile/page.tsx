import { notFound } from "next/navigation";
import Link from "next/link";
import { attendeePageMetadata, type AttendeePageProps } from "@/components/events/invalid-link";
import { ProfileForm, type ProfileValues } from "@/components/events/profile-form";
import { PublicShell } from "@/components/site/public-shell";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/lib/db";
import { resolveAttendeeLink } from "@/lib/registration/profile";
import { missingProfileFields } from "@/lib/registration/profile-completeness";
import { saveProfile } from "./actions";

export const metadata = attendeePageMetadata("Your profile");

export default async function ProfilePage({ params, searchParams }: AttendeePageProps) {
  const { slug } = await params;
  const found = await resolveAttendeeLink(await getDb(), slug, (await searchParams).t);
  if (!found) notFound();

  const { contractor: c, event, token } = found;
  const missing = missingProfileFields(c);
  const initial: ProfileValues = {
    first_name: c.firstName ?? "",
    last_name: c.lastName ?? "",
    email: c.email,
    phone: c.phone ?? "",
    company_name: c.companyName ?? "",
    business_type: c.businessType ?? "",
    service_area: c.serviceArea ?? "",
    revenue_tier: c.revenueTier ?? "",
    team_size: c.teamSize ? String(c.teamSize) : "",
    focus_areas: c.focusAreas,
  };

  return (
    <PublicShell>
      <div className="grid gap-8">
        <header className="grid gap-3">
          <p className="text-sm font-semibold tracking-wide text-primary uppercase">
            <Link href={`/events/${encodeURIComponent(event.slug)}`} className="hover:underline">
              {event.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Complete your profile</h1>
          <p className="text-lg text-muted-foreground">
            Tell us about your business and what you want out of the day. We use it to pick the sessions, sponsors and
            peers worth your time.
          </p>
        </header>

        <Card>
          <CardContent className="pt-5 sm:pt-6">
            <ProfileForm action={saveProfile.bind(null, token)} initial={initial} initialMissing={missing} />
          </CardContent>
        </Card>
      </div>
    </PublicShell>
  );
}
