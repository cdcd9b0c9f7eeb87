import { Card, Logo } from '@shop/ui';
import type { Metadata, Route } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { safeCallbackPath } from '@/auth/safe-callback';
import { SignInForm } from '@/components/sign-in-form';

export const metadata: Metadata = { title: 'Staff sign-in' };

const notices: Record<string, string> = {
  expired: 'Your session has ended. Sign in again to continue.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentSession()) redirect(callbackUrl as Route);
  const reason = typeof params.reason === 'string' ? notices[params.reason] : undefined;
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 py-6 sm:py-12">
      <Logo suffix="Admin" />
      <Card className="px-5 py-6 sm:px-8 sm:py-8">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Staff sign-in</h1>
        <p className="mt-2 text-sm text-ink-muted">
          The back office is for shop staff. Shoppers sign in on the storefront.
        </p>
        <div className="mt-6">
          <SignInForm callbackUrl={callbackUrl} notice={reason} />
        </div>
      </Card>
    </div>
  );
}
