import { Notice } from '@shop/ui';
import type { Metadata } from 'next';
import { AuthCard } from '@/components/account/auth-card';
import { VerifyEmailForm } from '@/components/account/verify-email-form';

export const metadata: Metadata = { title: 'Confirm your email address' };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Confirm your email address"
      description="So we know order updates and password resets reach you."
    >
      {typeof token === 'string' && token.length > 0 && token.length <= 512 ? (
        <VerifyEmailForm token={token} />
      ) : (
        <Notice tone="danger" title="This confirmation link is incomplete">
          Open the link from the email again, or ask for a new one from your account.
        </Notice>
      )}
    </AuthCard>
  );
}
