import type { Metadata } from 'next';
import { requireSession } from '@/auth/current-session';
import { AccountHeading } from '@/components/account/account-heading';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { PasswordForm } from '@/components/account/password-form';
import { SignOutEverywhere } from '@/components/account/sign-out-everywhere';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Security' };

export default async function SecurityPage() {
  const session = await requireSession('/account/security');
  return (
    <>
      <AccountHeading session={session} />
      <h2 className="sr-only">Security</h2>
      <PasswordForm />
      <SignOutEverywhere />
      <DeleteAccountForm />
    </>
  );
}
