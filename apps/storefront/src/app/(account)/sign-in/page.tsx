import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { safeCallbackPath } from '@/auth/safe-callback';
import { AuthCard } from '@/components/account/auth-card';
import { SignInForm } from '@/components/account/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  expired: 'Your session has ended. Sign in again to continue.',
  'signed-out-everywhere': 'You have been signed out on every device.',
  'account-deleted': 'Your account has been deleted.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentSession()) redirect(callbackUrl as Route);
  const reason = typeof params.reason === 'string' ? params.reason : undefined;
  const signUpHref = `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to see your account, addresses and preferences."
      footer={
        <>
          New here?{' '}
          <Link
            href={signUpHref as Route}
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} notice={reason ? notices[reason] : undefined} />
    </AuthCard>
  );
}
