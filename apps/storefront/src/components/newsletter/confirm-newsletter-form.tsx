'use client';

import { confirmNewsletter } from '@/app/newsletter/actions';
import { LinkActionForm } from './link-action-form';

export function ConfirmNewsletterForm({ token }: { token: string }) {
  return (
    <LinkActionForm
      token={token}
      action={confirmNewsletter}
      button="Yes, subscribe me"
      pendingLabel="Confirming…"
      testId="confirm-newsletter"
      success={(state) => ({
        title:
          state.outcome === 'already-confirmed'
            ? 'You were already subscribed'
            : 'You are subscribed',
        body: 'Thank you. Every newsletter has a link to unsubscribe in one click.',
      })}
    />
  );
}
