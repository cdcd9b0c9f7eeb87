import { SignOutButton as SharedSignOutButton } from '@shop/auth-session/client/sign-out-button';

/** Sign out, then the sign-in page (the layout drops the navigation with the session). */
export function SignOutButton({ className }: { className?: string }) {
  return <SharedSignOutButton className={className} destination="/sign-in" />;
}
