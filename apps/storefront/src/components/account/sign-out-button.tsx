import { SignOutButton as SharedSignOutButton } from '@shop/auth-session/client/sign-out-button';

/** Sign out, then home: every server-rendered part forgets the shopper. */
export function SignOutButton({ className }: { className?: string }) {
  return <SharedSignOutButton className={className} destination="/" />;
}
