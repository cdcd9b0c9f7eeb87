'use client';

import { SignInForm as SharedSignInForm } from '@shop/auth-session/client/sign-in-form';

// The back office's own refusal code (see auth/auth-options.ts).
const failureMessages = { NoStaffAccess: 'This account has no staff access.' };

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  return (
    <SharedSignInForm
      callbackUrl={callbackUrl}
      notice={notice}
      failureMessages={failureMessages}
      emailAutoComplete="username"
    />
  );
}
