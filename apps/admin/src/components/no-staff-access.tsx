import { buttonClassNames, EmptyState } from '@shop/ui';
import { SignOutButton } from '@/components/sign-out-button';

/**
 * What a signed-in account without a staff role sees on every back-office page (with a 403): a
 * shopper's account, or a staff member whose roles were taken away since they signed in.
 */
export function NoStaffAccess({ email }: { email?: string }) {
  return (
    <EmptyState
      as="h1"
      className="mx-auto max-w-2xl"
      title="This account has no staff access"
      description={`${email ? `You are signed in as ${email}. ` : ''}The back office is for shop staff only; shoppers use the storefront. Sign out, then sign in with a staff account.`}
      action={<SignOutButton className={buttonClassNames()} />}
    />
  );
}
