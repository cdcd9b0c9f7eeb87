import type { Metadata } from 'next';
import { requireSession } from '@/auth/current-session';
import { AccountHeading } from '@/components/account/account-heading';
import { cellsAs } from '@/auth/signed-in-cells';
import { EmailStatus } from '@/components/account/email-status';
import { ProfileForm } from '@/components/account/profile-form';
import { UnavailableSection } from '@/components/account/unavailable-section';
import { callCell } from '@/server/cell-call';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const session = await requireSession('/account');
  const client = cellsAs(session);
  const [profile, account] = await Promise.all([
    callCell(({ signal }) => client.user.getProfile.query(undefined, { signal })),
    callCell(({ signal }) => client.auth.me.query(undefined, { signal })),
  ]);
  return (
    <>
      <AccountHeading session={session} />
      <h2 className="sr-only">Profile</h2>
      {profile.ok ? (
        <ProfileForm name={profile.data.name} phone={profile.data.phone} />
      ) : (
        <UnavailableSection what="profile details" />
      )}
      <EmailStatus
        email={account.ok ? account.data.email : session.account.email}
        verified={account.ok ? account.data.emailVerified : session.account.emailVerified}
      />
    </>
  );
}
