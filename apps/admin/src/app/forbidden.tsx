import type { Metadata } from 'next';
import { currentSession, signedInAccount } from '@/auth/current-session';
import { NoAccess } from '@/components/no-access';
import { NoStaffAccess } from '@/components/no-staff-access';

export const metadata: Metadata = { title: 'No access' };

/**
 * `forbidden()` from a page: the staff member's roles do not include this section, or the
 * account is no staff at all (requireStaff), which the page says instead.
 */
export default async function Forbidden() {
  if (await currentSession()) return <NoAccess />;
  const account = await signedInAccount();
  return <NoStaffAccess email={account?.account.email} />;
}
