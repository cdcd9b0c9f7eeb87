'use client';

import { unsubscribeByLink } from '@/app/newsletter/actions';
import { LinkActionForm } from './link-action-form';

export function UnsubscribeForm({ token }: { token: string }) {
  return (
    <LinkActionForm
      token={token}
      action={unsubscribeByLink}
      button="Unsubscribe"
      pendingLabel="Unsubscribing…"
      testId="unsubscribe"
      success={() => ({
        title: 'You are unsubscribed',
        body: 'We will not send you marketing email any more. Order and account emails still come.',
      })}
    />
  );
}
