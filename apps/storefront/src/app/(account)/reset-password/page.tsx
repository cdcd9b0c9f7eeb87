import { buttonClassNames, Notice } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { ResetPasswordForm } from '@/components/account/reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password">
      {typeof token === 'string' && token.length > 0 && token.length <= 512 ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="flex flex-col gap-5">
          <Notice tone="danger" title="This reset link is incomplete">
            Open the link from the email again, or ask for a new one.
          </Notice>
          <Link href="/forgot-password" className={buttonClassNames({ size: 'lg' })}>
            Ask for a new link
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
