import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { safeCallbackPath } from '@/auth/safe-callback';
import { AuthCard } from '@/components/account/auth-card';
import { SignUpForm } from '@/components/account/sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await currentSession()) redirect(callbackUrl as Route);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard
      title="Create an account"
      description="Save your addresses and preferences, and check out faster."
      footer={
        <>
          Already have an account?{' '}
          <Link
            href={signInHref as Route}
            className="font-medium text-accent-700 underline-offset-4 hover:underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
