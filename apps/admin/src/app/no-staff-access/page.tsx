import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentSession, signedInAccount } from '@/auth/current-session';
import { NoStaffAccess } from '@/components/no-staff-access';

export const metadata: Metadata = { title: 'No staff access', robots: { index: false } };

/**
 * Where the proxy rewrites every page for a signed-in account without a staff role, with status
 * 403 (auth/proxy-refresh.ts). Staff opening it get the dashboard.
 */
export default async function NoStaffAccessPage() {
  if (await currentSession()) redirect('/');
  const account = await signedInAccount();
  return <NoStaffAccess email={account?.account.email} />;
}
