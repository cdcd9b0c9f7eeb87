import type { Metadata } from 'next';
import { requireSession } from '@/auth/current-session';
import { AccountHeading } from '@/components/account/account-heading';
import { cellsAs } from '@/auth/signed-in-cells';
import { NewsletterPreference } from '@/components/account/newsletter-preference';
import { PreferencesForm } from '@/components/account/preferences-form';
import { UnavailableSection } from '@/components/account/unavailable-section';
import { callCell } from '@/server/cell-call';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Preferences' };

export default async function PreferencesPage() {
  const session = await requireSession('/account/preferences');
  const [profile, newsletter] = await Promise.all([
    callCell(({ signal }) => cellsAs(session).user.getProfile.query(undefined, { signal })),
    callCell(({ signal }) =>
      cellsAs(session).notification.myNewsletter.query(undefined, { signal }),
    ),
  ]);
  return (
    <>
      <AccountHeading session={session} />
      <h2 className="sr-only">Preferences</h2>
      {profile.ok ? (
        <PreferencesForm preferences={profile.data.preferences} />
      ) : (
        <UnavailableSection what="preferences" />
      )}
      {newsletter.ok ? (
        <NewsletterPreference status={newsletter.data.status} />
      ) : (
        <UnavailableSection what="newsletter choice" />
      )}
    </>
  );
}
